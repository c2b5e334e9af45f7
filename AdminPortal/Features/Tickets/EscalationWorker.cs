using AdminPortal.Features.Operations;
using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// Escalates overdue tickets whose clock runs, one rung up their category's ladder, at most once per SLA period of the
/// category (the next escalation comes when another full period has passed), and not past the top of the ladder.
/// Rows are claimed with FOR UPDATE SKIP LOCKED and the period is re-checked on the locked row, so several instances
/// never escalate one ticket twice.
/// </summary>
public sealed class EscalationWorker(
    IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, IChangeFeed feed, TimeProvider clock,
    IOptions<TicketsOptions> options, ILogger<EscalationWorker> log, WorkerPassLog? passes = null) : PeriodicPass(clock, log, passes)
{
    public const string Reason = "Turnaround time exceeded";

    /// <summary>One pass: returns the ids escalated.</summary>
    public async Task<IReadOnlyList<int>> RunOnceAsync(CancellationToken ct = default)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var batch = options.Value.BatchSize;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Set<Ticket>().FromSqlInterpolated($"""
            SELECT t.*, t.xmin FROM helpdesk.tickets t
            WHERE t.status IN ('OPEN', 'IN_PROGRESS', 'FORWARDED', 'REOPENED')
              AND t.paused_at IS NULL AND t.due_at < {now}
              AND (t.last_escalation_at IS NULL OR t.last_escalation_at <= {now} - make_interval(hours =>
                   COALESCE((SELECT c.sla_hours FROM helpdesk.categories c WHERE c.id = t.category_id), 48)))
              AND t.escalation_level < GREATEST(1, COALESCE((SELECT max(r.level)
                   FROM helpdesk.category_escalation_rungs r WHERE r.category_id = t.category_id), 0))
            ORDER BY t.due_at
            LIMIT {batch}
            FOR UPDATE OF t SKIP LOCKED
            """).ToListAsync(ct);
        foreach (var t in due)
        {
            var before = new { escalationLevel = t.EscalationLevel, assignedTo = t.AssignedTo };
            await Escalation.ApplyAsync(db, t, null, Reason, now, ct);
            t.UpdatedAt = now;
            audit.Add(db, AuditActor.System, "ticket.escalate", "ticket", t.Id.ToString(CultureInfo.InvariantCulture),
                before, new { escalationLevel = t.EscalationLevel, assignedTo = t.AssignedTo }, Reason);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var t in due)
            await feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, t.Id.ToString(CultureInfo.InvariantCulture), "escalated", null, "system"), ct);
        if (due.Count > 0)
            Log.LogInformation("Escalated {Count} overdue tickets", due.Count);
        return due.Select(t => t.Id).ToList();
    }

    protected override int IntervalSeconds => options.Value.EscalationIntervalSeconds;

    protected override string PassName => "Escalation";

    protected override async Task PassAsync(CancellationToken ct) => Count("escalated", (await RunOnceAsync(ct)).Count);
}
