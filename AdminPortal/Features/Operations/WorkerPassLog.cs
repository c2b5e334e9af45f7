using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Live;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Operations;

/// <summary>What one pass did, as the worker reports it at its end.</summary>
public sealed record PassReport(string Worker, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, TimeSpan Interval,
    IReadOnlyDictionary<string, int> Counts, string? Error);

/// <summary>
/// Writes each periodic worker's pass into ops.worker_passes at the end of the pass (every instance its own rows) and
/// announces it on the live feed, so /system shows every instance's last pass. The table stays bounded: the newest
/// <see cref="KeepIdle"/> passes of a worker on an instance are kept whatever they did; older ones only when they failed
/// or did something, and nothing past <see cref="KeepNotable"/> (decision 0027).
/// </summary>
public sealed class WorkerPassLog(IDbContextFactory<PortalDbContext> dbFactory, IChangeFeed feed, LiveInstance instance,
    ILogger<WorkerPassLog> log)
{
    public const string EntityType = "worker_pass";
    public const int KeepIdle = 20;
    public static readonly TimeSpan KeepNotable = TimeSpan.FromDays(7);

    /// <summary>Records the pass; a failure to record is logged, never thrown into the worker's loop.</summary>
    public async Task RecordAsync(PassReport report, CancellationToken ct = default)
    {
        try
        {
            var finished = report.FinishedAt.UtcDateTime;
            var error = report.Error is { Length: > 1000 } e ? e[..1000] : report.Error;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Add(new WorkerPass
            {
                Worker = report.Worker, Instance = instance.Id, StartedAt = report.StartedAt.UtcDateTime, FinishedAt = finished,
                NextRunAt = finished + report.Interval, Error = error,
                Counts = JsonSerializer.SerializeToDocument(report.Counts),
                Notable = error is not null || report.Counts.Values.Any(v => v != 0),
            });
            await db.SaveChangesAsync(ct);
            var cutoff = finished - KeepNotable;
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                DELETE FROM ops.worker_passes p
                WHERE p.worker = {report.Worker} AND p.instance = {instance.Id}
                  AND p.finished_at < (SELECT k.finished_at FROM ops.worker_passes k
                                       WHERE k.worker = {report.Worker} AND k.instance = {instance.Id}
                                       ORDER BY k.finished_at DESC OFFSET {KeepIdle - 1} LIMIT 1)
                  AND (NOT p.notable OR p.finished_at < {cutoff})
                """, ct);
            // instances that stopped long ago
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM ops.worker_passes WHERE finished_at < {cutoff}", ct);
            await feed.PublishAsync(new ChangeEvent(EntityType, report.Worker.Replace(' ', '-').ToLowerInvariant(), "passed"), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not record the {Worker} pass", report.Worker);
        }
    }
}
