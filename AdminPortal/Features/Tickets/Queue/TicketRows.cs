using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Tickets.Queue;

/// <summary>One row of the queue.</summary>
public sealed record TicketRow(
    int Id, string Title, TicketStatus Status, string? Category, string? Subcategory, string? Hostel,
    int? AssignedTo, string? Assignee, int EscalationLevel, DateTime? DueAt, DateTime? PausedAt, DateTime CreatedAt,
    uint Version);

/// <summary>
/// A page of the queue. <see cref="Total"/> is exact on the last page; otherwise <see cref="HasNext"/> is true and
/// Total is a lower bound (the queue does not count what it does not show).
/// </summary>
public sealed record TicketQueuePage(IReadOnlyList<TicketRow> Rows, int Total, bool HasNext, int Page, int PageSize);

/// <summary>The columns the queue sorts on, on a ticket and on its key.</summary>
public interface ITicketSortKeys
{
    int Id { get; }
    DateTime? DueAt { get; }
    DateTime CreatedAt { get; }
    DateTime UpdatedAt { get; }
    int EscalationLevel { get; }
}

/// <summary>The key columns the queue sorts on; unioned across scope branches, then joined for display.</summary>
public sealed class TicketKey : ITicketSortKeys
{
    public int Id { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int EscalationLevel { get; set; }
}
