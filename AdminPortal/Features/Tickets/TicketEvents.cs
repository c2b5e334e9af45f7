using System.Text.Json;
using AdminPortal.Features.Tickets.Model;

namespace AdminPortal.Features.Tickets;

/// <summary>Activity and outbox rows, named once: the timeline and the dispatcher read these names.</summary>
public static class TicketEvents
{
    public const string Assigned = "ticket.assigned";
    public const string Escalated = "ticket.escalated";
    public const string Resolved = "ticket.resolved";
    public const string StatusChanged = "ticket.status_changed";
    public const string Commented = "ticket.commented";

    public static ActivityLog Activity(int ticketId, int? actorId, string action, DateTime at, object? details) => new()
    {
        TicketId = ticketId, ActorId = actorId, Action = action, CreatedAt = at,
        Details = details is null ? null : JsonSerializer.SerializeToDocument(details),
    };

    /// <summary>An outbox event; <paramref name="actorUserId"/> is not notified of their own action.</summary>
    public static OutboxMessage Outbox(string type, int ticketId, int? actorUserId, DateTime at) => new()
    {
        EventType = type,
        Payload = JsonSerializer.SerializeToDocument(new { ticket_id = ticketId, actor_id = actorUserId }),
        CreatedAt = at,
    };
}
