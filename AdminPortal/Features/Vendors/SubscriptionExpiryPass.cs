using AdminPortal.Features.Operations;
using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Features.Tickets;
using AdminPortal.Live;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Vendors;

/// <summary>Configuration section "Vendors".</summary>
public sealed class VendorsOptions
{
    /// <summary>How often the expiry pass looks for active subscriptions whose end date passed.</summary>
    public int ExpiryIntervalSeconds { get; set; } = 300;

    /// <summary>Most subscriptions one pass expires.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Expires active subscriptions whose end date has passed ("expired but still active"), like the escalation worker:
/// rows are claimed with FOR UPDATE SKIP LOCKED inside the pass's transaction and re-checked there, so several
/// instances never expire one subscription twice. Each expiry is audited as the system ("subscription.expire"): the
/// subscriptions list shows what the pass did from those records.
/// </summary>
public sealed class SubscriptionExpiryPass(IDbContextFactory<PortalDbContext> dbFactory, AuditTrail audit, IChangeFeed feed,
    TimeProvider clock, IOptions<VendorsOptions> options, ILogger<SubscriptionExpiryPass> log, WorkerPassLog? passes = null)
    : PeriodicPass(clock, log, passes)
{
    public const string Action = "subscription.expire";
    public const string Reason = "End date passed";

    /// <summary>One pass: the ids expired.</summary>
    public async Task<IReadOnlyList<int>> RunOnceAsync(CancellationToken ct = default)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Set<Subscription>().FromSqlInterpolated($"""
            SELECT s.*, s.xmin FROM vendors.subscriptions s
            WHERE s.status = 'active' AND s.end_date < {now}
            ORDER BY s.end_date
            LIMIT {options.Value.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        foreach (var s in due)
        {
            audit.Add(db, AuditActor.System, Action, SubscriptionActions.EntityType, s.Id.ToString(CultureInfo.InvariantCulture),
                new { status = s.Status.ToString() }, new { status = nameof(SubscriptionStatus.Expired) }, Reason);
            s.Status = SubscriptionStatus.Expired;
            s.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (due.Count > 0)
        {
            await feed.PublishAsync(new ChangeEvent(SubscriptionActions.EntityType, "*", "expired", null, "system"), ct);
            Log.LogInformation("Expired {Count} subscriptions whose end date passed", due.Count);
        }
        return due.Select(s => s.Id).ToList();
    }

    protected override int IntervalSeconds => options.Value.ExpiryIntervalSeconds;

    protected override string PassName => "Subscription expiry";

    protected override async Task PassAsync(CancellationToken ct) => Count("expired", (await RunOnceAsync(ct)).Count);
}
