using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// Records a reach for a ticket outside one's scope (a typed URL, a stale link): a warning in the log and an audit
/// record "ticket.access_denied". The caller only ever says "not found".
/// </summary>
public sealed class TicketAccessLog(
    IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, ILogger<TicketAccessLog> log)
{
    public const string Action = "ticket.access_denied";

    public async Task DeniedAsync(PortalActor actor, int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Ticket>().AnyAsync(t => t.Id == ticketId, ct))
            return;   // truly absent: nothing to report
        log.LogWarning("{ActorId} ({Actor}) asked for ticket {TicketId} outside their scope", actor.Id, actor.Name, ticketId);
        audit.Add(db, actor.ToAudit(), Action, "ticket", ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            reason: "outside the actor's hostel and category scope");
        await db.SaveChangesAsync(ct);
    }
}
