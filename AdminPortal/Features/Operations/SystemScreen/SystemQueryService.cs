using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Audit.Log;
using AdminPortal.Features.Tickets.Notifications;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Operations.SystemScreen;

/// <summary>What /system reads (admins): the outbox's waiting and failed events, keyset paged, and each worker's passes.</summary>
public sealed class SystemQueryService(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, TimeProvider clock)
{
    /// <summary>Counts stop here ("10,000+").</summary>
    public const int CountCap = 10_000;

    /// <summary>How far back an instance's last pass still shows (older instances are gone).</summary>
    public static readonly TimeSpan InstancesSeenWithin = TimeSpan.FromDays(1);

    public async Task<OutboxPage> OutboxAsync(ClaimsPrincipal by, OutboxQuery query, CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.OperateSystem, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var max = OutboxDispatcher.MaxAttempts;
        var (minAttempts, maxAttempts) = query.Show switch
        {
            OutboxShow.Failed => (max, int.MaxValue),
            OutboxShow.Pending => (0, max - 1),
            _ => (0, int.MaxValue),
        };
        var before = query.Before ?? new AuditCursor(new DateTime(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc), long.MaxValue);
        // the partial index on created_at WHERE processed_at IS NULL serves the order and the cursor
        var rows = await db.Database.SqlQuery<RawRow>($"""
            SELECT o.id, o.event_type, left(o.payload::text, 300) AS payload, o.created_at, o.attempts, o.last_error,
                   o.xmin::text::bigint AS version
            FROM helpdesk.outbox o
            WHERE o.processed_at IS NULL AND o.attempts BETWEEN {minAttempts} AND {maxAttempts}
              AND (o.created_at, o.id) < ({before.At}, {before.Id})
            ORDER BY o.created_at DESC, o.id DESC
            LIMIT {query.PageSize + 1}
            """).ToListAsync(ct);
        var page = rows.Take(query.PageSize)
            .Select(r => new OutboxRow(r.Id, r.EventType, r.Payload, r.CreatedAt, r.Attempts, r.LastError, (uint)r.Version)).ToList();
        var older = rows.Count > query.PageSize ? new AuditCursor(page[^1].CreatedAt, page[^1].Id) : null;
        var counts = await db.Database.SqlQuery<RawCounts>($"""
            SELECT count(*) FILTER (WHERE s.attempts < {max})::int AS pending, count(*) FILTER (WHERE s.attempts >= {max})::int AS failed
            FROM (SELECT o.attempts FROM helpdesk.outbox o WHERE o.processed_at IS NULL LIMIT {CountCap + 1}) s
            """).SingleAsync(ct);
        return new OutboxPage(page, older, counts.Pending, counts.Failed);
    }

    /// <summary>The latest pass of each worker on each instance seen within <see cref="InstancesSeenWithin"/>.</summary>
    public async Task<IReadOnlyList<WorkerStatus>> WorkersAsync(ClaimsPrincipal by, CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.OperateSystem, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime - InstancesSeenWithin;
        var passes = db.Set<WorkerPass>().AsNoTracking();
        var latest = await passes.Where(p => p.FinishedAt > since)
            .GroupBy(p => new { p.Worker, p.Instance })
            .Select(g => g.OrderByDescending(p => p.FinishedAt).First())
            .ToListAsync(ct);
        var notable = await passes.Where(p => p.FinishedAt > since && p.Notable)
            .GroupBy(p => new { p.Worker, p.Instance })
            .Select(g => new { g.Key.Worker, g.Key.Instance, At = g.Max(p => p.FinishedAt) })
            .ToListAsync(ct);
        var statuses = new List<WorkerStatus>();
        foreach (var p in latest.OrderBy(p => p.Worker, StringComparer.Ordinal).ThenBy(p => p.Instance, StringComparer.Ordinal))
        {
            // a handful of workers × instances: one small read each, by the (worker, instance, finished_at) index
            var lastError = await passes.Where(x => x.Worker == p.Worker && x.Instance == p.Instance && x.Error != null && x.FinishedAt > since)
                .OrderByDescending(x => x.FinishedAt).Select(x => x.Error).FirstOrDefaultAsync(ct);
            var n = notable.FirstOrDefault(x => x.Worker == p.Worker && x.Instance == p.Instance);
            statuses.Add(new WorkerStatus(p.Worker, p.Instance, p.StartedAt, p.FinishedAt, p.NextRunAt, p.Error, CountsOf(p.Counts),
                n?.At, lastError));
        }
        return statuses;
    }

    private static Dictionary<string, int> CountsOf(JsonDocument counts) =>
        counts.RootElement.ValueKind == JsonValueKind.Object
            ? counts.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number)
                .ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal)
            : [];

    private sealed record RawRow(long Id, string EventType, string Payload, DateTime CreatedAt, int Attempts, string? LastError, long Version);

    private sealed record RawCounts(int Pending, int Failed);
}
