using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Notifications.Dispatch;

/// <summary>Ticket events reach the ticket's assignee, never the person who acted.</summary>
public static class TicketRecipients
{
    public static async Task<List<PlannedNotification>> ForAsync(PortalDbContext db, OutboxMessage m, CancellationToken ct)
    {
        var root = m.Payload.RootElement;
        var ticketId = root.GetProperty("ticket_id").GetInt32();
        int? actorId = root.TryGetProperty("actor_id", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : null;
        var ticket = await db.Set<Ticket>().AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.Title, AssigneeUserId = (int?)t.Assignee!.UserId }).SingleOrDefaultAsync(ct);
        if (ticket?.AssigneeUserId is not { } recipient || recipient == actorId)
            return [];
        var title = m.EventType switch
        {
            TicketEvents.Assigned => $"Ticket #{ticketId} \"{ticket.Title}\" was assigned to you",
            TicketEvents.Escalated => $"Ticket #{ticketId} \"{ticket.Title}\" was escalated to you",
            TicketEvents.Resolved => $"Ticket #{ticketId} \"{ticket.Title}\" was resolved",
            TicketEvents.Commented => $"New reply on ticket #{ticketId} \"{ticket.Title}\"",
            _ => $"Ticket #{ticketId} \"{ticket.Title}\" was updated",
        };
        return [new PlannedNotification(recipient, m.EventType, title, $"/tickets/{ticketId}")];
    }
}
