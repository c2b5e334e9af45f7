using AdminPortal.Features.Operations;
using AdminPortal.Features.Notifications;
using System.Globalization;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Tickets.Notifications;

/// <summary>
/// Turns outbox events into in-app notifications for the staff concerned (the ticket's assignee, never the person
/// who acted), as their notification settings allow. Rows are claimed FOR UPDATE SKIP LOCKED and marked processed
/// in the same transaction as the notifications they produce: each event is handled once.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<PortalDbContext> dbFactory, IChangeFeed feed, TimeProvider clock,
    IOptions<TicketsOptions> options, ILogger<OutboxDispatcher> log, WorkerPassLog? passes = null) : PeriodicPass(clock, log, passes)
{
    public const int MaxAttempts = 5;

    /// <summary>One pass: returns how many events were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var batch = options.Value.BatchSize;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var messages = await db.Set<OutboxMessage>().FromSqlInterpolated($"""
            SELECT * FROM helpdesk.outbox
            WHERE processed_at IS NULL AND attempts < {MaxAttempts}
            ORDER BY created_at, id
            LIMIT {batch}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        var notified = new HashSet<int>();
        foreach (var m in messages)
        {
            m.Attempts++;
            try
            {
                foreach (var n in await NotificationsForAsync(db, m, now, ct))
                {
                    db.Add(n);
                    notified.Add(n.UserId);
                }
                m.ProcessedAt = now;
                m.LastError = null;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                m.LastError = ex.Message;
                Log.LogWarning(ex, "Outbox event {Id} ({Type}) failed", m.Id, m.EventType);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var userId in notified)
            await feed.PublishAsync(new ChangeEvent(NotificationFeed.EntityType, userId.ToString(CultureInfo.InvariantCulture), ChangeActions.Created), ct);
        return messages.Count;
    }

    private static async Task<List<PortalNotification>> NotificationsForAsync(PortalDbContext db, OutboxMessage m,
        DateTime now, CancellationToken ct)
    {
        var root = m.Payload.RootElement;
        var ticketId = root.GetProperty("ticket_id").GetInt32();
        int? actorId = root.TryGetProperty("actor_id", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : null;
        var ticket = await db.Set<Ticket>().AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.Title, AssigneeUserId = (int?)t.Assignee!.UserId }).SingleOrDefaultAsync(ct);
        if (ticket?.AssigneeUserId is not { } recipient || recipient == actorId)
            return [];
        var preference = m.EventType == TicketEvents.Escalated ? "escalations" : "ticket_updates";
        var settings = await db.Set<NotificationSetting>().AsNoTracking().Where(s => s.UserId == recipient)
            .Select(s => s.Preferences).SingleOrDefaultAsync(ct);
        if (settings?.RootElement is { ValueKind: JsonValueKind.Object } prefs && prefs.TryGetProperty(preference, out var on)
            && on.ValueKind == JsonValueKind.False)
            return [];
        var title = m.EventType switch
        {
            TicketEvents.Assigned => $"Ticket #{ticketId} \"{ticket.Title}\" was assigned to you",
            TicketEvents.Escalated => $"Ticket #{ticketId} \"{ticket.Title}\" was escalated to you",
            TicketEvents.Resolved => $"Ticket #{ticketId} \"{ticket.Title}\" was resolved",
            TicketEvents.Commented => $"New reply on ticket #{ticketId} \"{ticket.Title}\"",
            _ => $"Ticket #{ticketId} \"{ticket.Title}\" was updated",
        };
        return [new PortalNotification
        {
            UserId = recipient, Kind = m.EventType, Title = title.Length > 255 ? title[..255] : title,
            Link = $"/tickets/{ticketId}", CreatedAt = now,
        }];
    }

    protected override int IntervalSeconds => options.Value.OutboxIntervalSeconds;

    protected override string PassName => "Outbox";

    protected override async Task PassAsync(CancellationToken ct) => Count("handled", await RunOnceAsync(ct));
}
