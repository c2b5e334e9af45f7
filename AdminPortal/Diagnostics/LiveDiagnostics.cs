using System.Net;
using AdminPortal.Live;
using AdminPortal.Security;

namespace AdminPortal.Diagnostics;

/// <summary>
/// <c>GET /_diagnostics/live</c>, for the circuit leak check and the commit-to-render benchmark: how many circuits,
/// change-feed subscriptions and presence visits this instance holds, and its deliveries so far by duration
/// (<see cref="LiveMetrics"/>). Mapped only in Development (PortalPipeline), only for admins, only from loopback.
/// </summary>
public static class LiveDiagnostics
{
    /// <param name="GcPauseMs">This process's total GC pause time so far, and <paramref name="PoolThreads"/> its thread
    /// pool's size: the benchmark tells a pause or a starved pool from a queue.</param>
    /// <param name="Revalidation">The circuits' revalidation so far: checks asked, distinct requests answered, batches,
    /// queries (<see cref="RevalidationBatcher"/>).</param>
    public sealed record LiveReport(int Subscribers, int Presence, int Circuits, bool Listening,
        IReadOnlyDictionary<string, long> Deliveries, double GcPauseMs, int PoolThreads, string LongestRecentGc,
        IReadOnlyDictionary<string, long> Revalidation);

    public static IEndpointRouteBuilder MapLiveDiagnostics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/_diagnostics/live", (HttpContext context, IChangeFeed feed, PresenceTracker presence, LiveInstance instance,
            RevalidationBatcher revalidation) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is null || !IPAddress.IsLoopback(remote))
                return Results.NotFound();
            return Results.Ok(new LiveReport(feed.SubscriberCount, presence.LocalVisitCount, instance.OpenCircuits,
                feed.IsListening, LiveMetrics.Snapshot(),
                GC.GetTotalPauseDuration().TotalMilliseconds, ThreadPool.ThreadCount, LongestRecentGc(), revalidation.Counters()));
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Admin));
        return app;
    }

    // the runtime keeps the last GC of each kind: the longest pause among them, and what kind of GC it was
    private static string LongestRecentGc() =>
        new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background }
            .Select(GC.GetGCMemoryInfo)
            .Where(i => i.Index > 0)
            .Select(i => (i, Pause: i.PauseDurations.ToArray().Sum(p => p.TotalMilliseconds)))
            .OrderByDescending(x => x.Pause)
            .Select(x => $"#{x.i.Index} gen{x.i.Generation}{(x.i.Compacted ? " compacting" : "")}{(x.i.Concurrent ? " background" : "")} {x.Pause:F0} ms, heap {x.i.HeapSizeBytes / 1_048_576} MB")
            .FirstOrDefault() ?? "none";
}
