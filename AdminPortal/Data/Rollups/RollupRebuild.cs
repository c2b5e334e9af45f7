using System.Diagnostics;
using Npgsql;

namespace AdminPortal.Data.Rollups;

/// <summary>
/// <c>rollups rebuild</c>: counts the rollups, the live counters and the niches' link counts (decisions 0020, 0023, 0031)
/// again from scratch, as the owner (it empties them first), one grouped INSERT … SELECT per table, in one transaction:
/// readers see the old figures until the new ones commit. The large load runs the same statements after its COPYs,
/// as <see cref="Pieces"/> side by side (<see cref="RunSideBySideAsync"/>).
/// </summary>
public static class RollupRebuild
{
    /// <summary>
    /// The recount in pieces that share no table (each empties and counts its own rollups): the two dear ones, the
    /// moderation rollups over the audit log and the tickets' over a million tickets, and everything else.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Sql)> Pieces =
    [
        ("moderation", RollupSql.RebuildModeration + RollupSql.RebuildModerationCharts),
        ("tickets", RollupSql.RebuildTickets + LiveSql.RebuildTickets),
        ("users, products, niches, vendors, brands", RollupSql.RebuildUsers + LiveSql.RebuildProducts + NicheLinkSql.Rebuild
                                                      + VendorOwnerSql.Rebuild + BrandStateSql.Rebuild + VendorIntegrationSql.Rebuild),
    ];

    private const string Settings = "SET LOCAL work_mem = '256MB';";

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

    public static Task<TimeSpan> RunAsync(PortalDatabase database, CancellationToken ct = default) =>
        RunAsync(database.PrivilegedConnectionString, ct);

    /// <summary>
    /// The large load's recount: each of the <see cref="Pieces"/> in its own transaction on its own connection, all at
    /// once (the load's readers are not there yet, so nobody sees one piece's figures beside another's old ones).
    /// </summary>
    public static async Task RunSideBySideAsync(NpgsqlDataSource dataSource, Action<string, TimeSpan> done, CancellationToken ct)
    {
        await Task.WhenAll(Pieces.Select(piece => Task.Run(async () =>
        {
            var watch = Stopwatch.StartNew();
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await RunInTransactionAsync(connection, piece.Sql, ct);
            done(piece.Name, watch.Elapsed);
        }, ct)));
    }

    private static async Task<TimeSpan> RunAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await RunInTransactionAsync(connection, string.Concat(Pieces.Select(p => p.Sql)), ct);
        return watch.Elapsed;
    }

    private static async Task RunInTransactionAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(Settings + sql, connection, tx) { CommandTimeout = 0 })
            await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }
}
