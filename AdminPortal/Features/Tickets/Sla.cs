using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// The turnaround clock. It stops while the ticket awaits the student (paused_at set) and, when it starts again,
/// due_at moves on by the time it stood still.
/// </summary>
public static class Sla
{
    public static void OnStatusChange(Ticket t, TicketStatus to, DateTime now)
    {
        if (to == TicketStatus.AwaitingStudentResponse && t.PausedAt is null)
            t.PausedAt = now;
        else if (to != TicketStatus.AwaitingStudentResponse && t.PausedAt is { } paused)
        {
            if (t.DueAt is { } due)
                t.DueAt = due + (now - paused);
            t.PausedAt = null;
        }
        if (to is TicketStatus.Resolved or TicketStatus.Closed)
            t.ResolvedAt ??= now;
        else if (to == TicketStatus.Reopened)
            t.ResolvedAt = null;
    }

    /// <summary>Time left (negative: overdue by), as the clock stands at <paramref name="now"/>.</summary>
    public static TimeSpan? Remaining(DateTime? dueAt, DateTime? pausedAt, DateTime now) =>
        dueAt is { } due ? due - (pausedAt ?? now) : null;
}
