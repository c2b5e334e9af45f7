using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Tickets.TicketScreen;

public sealed record TicketDetails(
    int Id, string Title, string? Description, TicketStatus Status, uint Version,
    int? CategoryId, string? Category, int? SubcategoryId, string? Subcategory, int? HostelId, string? Hostel,
    int? AssignedTo, string? Assignee, string? Location, int EscalationLevel, DateTime? LastEscalationAt,
    DateTime? DueAt, DateTime? PausedAt, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt,
    StudentCard? Student, IReadOnlyList<KeyValuePair<string, string>> Metadata,
    IReadOnlyList<TicketAttachment> Attachments, IReadOnlyList<TimelineEntry> Timeline);

public sealed record StudentCard(string Name, string? Email, string? Phone, string RollNo, string? Room,
    string? Hostel, string? Batch, string? Section, string? Department);

/// <summary>A file the student attached. Whether it is an image comes from its stored content type, never from the
/// address (a ".png" suffix can end any URL); the page renders the address through SafeLinks.</summary>
public sealed record TicketAttachment(string Name, string Url, string? ContentType = null)
{
    public bool IsImage => ContentType is { } type && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
}

public enum TimelineKind { Activity, Reply, InternalNote }

/// <summary>One line of the ticket's history: an activity record or a comment.</summary>
public sealed record TimelineEntry(DateTime At, TimelineKind Kind, string? Who, string Text, string? Body = null);

/// <summary>Someone who can take the ticket, with how many active tickets they hold now.</summary>
public sealed record AssigneeOption(int StaffId, string Name, int OpenLoad, bool IsPrimary, bool Active);
