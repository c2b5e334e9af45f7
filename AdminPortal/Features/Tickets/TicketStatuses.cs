using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Tickets;

/// <summary>Status names as the database and the URL spell them ("IN_PROGRESS"), and as people read them.</summary>
public static class TicketStatuses
{
    /// <summary>Statuses still being worked on: the queue's default and what counts as someone's open load.</summary>
    public static readonly TicketStatus[] Active =
    [
        TicketStatus.Open, TicketStatus.InProgress, TicketStatus.AwaitingStudentResponse, TicketStatus.Forwarded,
        TicketStatus.Reopened,
    ];

    /// <summary>Statuses whose SLA clock runs (awaiting the student pauses it).</summary>
    public static readonly TicketStatus[] ClockRunning =
        [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Forwarded, TicketStatus.Reopened];

    public static string Code(TicketStatus status) => status switch
    {
        TicketStatus.Open => "OPEN",
        TicketStatus.InProgress => "IN_PROGRESS",
        TicketStatus.AwaitingStudentResponse => "AWAITING_STUDENT_RESPONSE",
        TicketStatus.Forwarded => "FORWARDED",
        TicketStatus.Resolved => "RESOLVED",
        TicketStatus.Reopened => "REOPENED",
        TicketStatus.Closed => "CLOSED",
        _ => status.ToString(),
    };

    public static string Label(TicketStatus status) => status switch
    {
        TicketStatus.Open => "Open",
        TicketStatus.InProgress => "In progress",
        TicketStatus.AwaitingStudentResponse => "Awaiting student",
        TicketStatus.Forwarded => "Forwarded",
        TicketStatus.Resolved => "Resolved",
        TicketStatus.Reopened => "Reopened",
        TicketStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static TicketStatus? Parse(string? code) =>
        Enum.GetValues<TicketStatus>().Select(s => (TicketStatus?)s).FirstOrDefault(s => Code(s!.Value) == code?.Trim().ToUpperInvariant());

    public static bool IsActive(TicketStatus status) => Active.Contains(status);
}
