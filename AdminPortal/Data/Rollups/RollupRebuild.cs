using System.Diagnostics;
using Npgsql;

namespace AdminPortal.Data.Rollups;

/// <summary>
/// <c>rollups rebuild</c>: counts the rollups, the live counters and the niches' link counts (decisions 0020, 0023, 0031)
/// again from scratch, as the owner (it empties them first), one grouped INSERT … SELECT per table, in one transaction:
/// readers see the old figures until the new ones commit. The large load runs it after its COPYs.
/// </summary>
public static class RollupRebuild
{
    public static async Task<TimeSpan> RunAsync(string ownerConnectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        return await RunAsync(connection, ct);
    }

    public static async Task<TimeSpan> RunAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await RunAsync(connection, ct);
    }

    private static async Task<TimeSpan> RunAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand("SET LOCAL work_mem = '256MB';" + RollupSql.Rebuild + RollupSql.RebuildModerationCharts + LiveSql.Rebuild
                                                     + NicheLinkSql.Rebuild + VendorOwnerSql.Rebuild + BrandStateSql.Rebuild + VendorIntegrationSql.Rebuild, connection, tx) { CommandTimeout = 0 })
            await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return watch.Elapsed;
    }

    public static Task<TimeSpan> RunAsync(PortalDatabase database, CancellationToken ct = default) =>
        RunAsync(database.PrivilegedConnectionString, ct);
}
