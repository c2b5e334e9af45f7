namespace AdminPortal.Features.Tickets;

/// <summary>Configuration section "Tickets".</summary>
public sealed class TicketsOptions
{
    /// <summary>How often the escalation worker looks for overdue tickets.</summary>
    public int EscalationIntervalSeconds { get; set; } = 60;

    /// <summary>How often the outbox dispatcher turns events into notifications.</summary>
    public int OutboxIntervalSeconds { get; set; } = 5;

    /// <summary>Most tickets one pass of a worker handles.</summary>
    public int BatchSize { get; set; } = 100;
}
