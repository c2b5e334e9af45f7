using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets;

/// <summary>One step up a category's ladder: level + 1, the rung's staff member takes it, activity and outbox.</summary>
public static class Escalation
{
    public static async Task ApplyAsync(PortalDbContext db, Ticket t, int? actorId, string reason, DateTime now,
        CancellationToken ct)
    {
        var level = t.EscalationLevel + 1;
        var rung = await db.Set<CategoryEscalationRung>().AsNoTracking()
            .Where(r => r.CategoryId == t.CategoryId && r.Level <= level)
            .OrderByDescending(r => r.Level)
            .Select(r => new { r.StaffId, r.Level, r.Staff!.FullName }).FirstOrDefaultAsync(ct);
        t.EscalationLevel = level;
        t.LastEscalationAt = now;
        var handedTo = rung is not null && rung.StaffId != t.AssignedTo ? rung : null;
        if (handedTo is not null)
            t.AssignedTo = handedTo.StaffId;
        db.Add(TicketEvents.Activity(t.Id, actorId, "escalated", now,
            new { level, reason, staffId = handedTo?.StaffId, staffName = handedTo?.FullName }));
        db.Add(TicketEvents.Outbox(TicketEvents.Escalated, t.Id, actorId, now));
    }
}
