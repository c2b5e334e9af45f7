using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminPortal.Live;

/// <summary>
/// The <c>live</c> entry of <c>/healthz</c>: Degraded while the PostgreSQL feed is not listening, since this
/// instance's screens then miss other instances' changes until it reconnects and resyncs. A load balancer or an
/// operator sees it; the figures behind it (circuits, subscriptions, delivery times) are in the Development-only
/// <c>/_diagnostics/live</c>, not in this public answer.
/// </summary>
internal sealed class LiveHealthCheck(IChangeFeed feed) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!feed.IsListening
            ? HealthCheckResult.Degraded("Not listening for other instances' changes (reconnecting)")
            : HealthCheckResult.Healthy(feed is PostgresChangeFeed ? "Listening on PostgreSQL" : "In-process feed (one instance)"));
}
