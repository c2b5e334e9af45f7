using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// Which status may follow which (docs/decisions/0006-ticket-status-transitions.md). Closed is final: a student with
/// the same problem later raises a new ticket.
/// </summary>
public static class TicketTransitions
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.Open] = [TicketStatus.InProgress, TicketStatus.AwaitingStudentResponse, TicketStatus.Forwarded,
            TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.InProgress] = [TicketStatus.AwaitingStudentResponse, TicketStatus.Forwarded, TicketStatus.Resolved],
        [TicketStatus.AwaitingStudentResponse] = [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Forwarded] = [TicketStatus.InProgress, TicketStatus.AwaitingStudentResponse, TicketStatus.Resolved],
        [TicketStatus.Resolved] = [TicketStatus.Reopened, TicketStatus.Closed],
        [TicketStatus.Reopened] = [TicketStatus.InProgress, TicketStatus.AwaitingStudentResponse, TicketStatus.Forwarded,
            TicketStatus.Resolved],
        [TicketStatus.Closed] = [],
    };

    public static IReadOnlyList<TicketStatus> From(TicketStatus status) => Allowed[status];

    public static bool IsAllowed(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);
}
