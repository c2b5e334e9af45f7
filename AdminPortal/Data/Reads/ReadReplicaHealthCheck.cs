using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminPortal.Data.Reads;

/// <summary>
/// <c>reads</c> on /healthz, registered only with ConnectionStrings:PortalReadOnly: Degraded when no standby answers and
/// lists, searches, dashboards and reports fall back to the primary (they still work; the primary carries them).
/// </summary>
internal sealed class ReadReplicaHealthCheck(ReadReplica replica) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await replica.TryOpenAsync(null, cancellationToken);
        if (db is null)
            return HealthCheckResult.Degraded("No server of ConnectionStrings:PortalReadOnly answers: reads go to the primary");
        return await replica.IsStandbyAsync(db, cancellationToken)
            ? HealthCheckResult.Healthy("Reading from a standby")
            : HealthCheckResult.Degraded("No standby answers: reads go to the primary");
    }
}
