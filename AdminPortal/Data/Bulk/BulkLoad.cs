using System.Diagnostics;
using Npgsql;

namespace AdminPortal.Data.Bulk;

/// <summary>
/// One table group of a large load in one transaction on its own connection: a failure rolls everything back
/// (rows and dropped indexes), so no table is ever half loaded.
/// <list type="bullet">
/// <item><c>synchronous_commit = off</c>: nothing waits for the WAL flush of a load that can simply be rerun.</item>
/// <item><c>session_replication_role = replica</c> (superusers only, as the embedded cluster's user is): FK and
/// other triggers do not fire; the generators only make ids that exist.</item>
/// <item>Tables listed in <c>truncate</c> are emptied in the same transaction: with <c>wal_level = minimal</c>
/// (the embedded cluster) COPY and CREATE INDEX on them write no WAL, and <c>COPY ... FREEZE</c> writes rows frozen
/// and all-visible (no later vacuum pass needed for index-only scans). Only for tables whose referencing tables are
/// still empty: TRUNCATE ... CASCADE empties those too.</item>
/// <item>Secondary indexes are dropped and rebuilt once after the COPY (<see cref="DeferredIndexes"/>). A B-tree build
/// sorts with <see cref="SortMemory"/> of <c>maintenance_work_mem</c>: an external sort of runs that fit in the CPU's
/// cache costs less CPU than one quicksort of 10M tuples in 1 GB (the audit log's (action, at DESC): 13 CPU s at 8 MB,
/// 23-29 s at 1 GB; decision 0050). That memory also leaves no room for parallel workers (PostgreSQL wants 32 MB per
/// participant), which suits a load whose parts already keep both cores busy. GIN builds (trigram, jsonb) gather
/// their entries in memory: <see cref="GinMemory"/>.</item>
/// <item><c>synchronize_seqscans = off</c>: each index build reads the heap from its first page. With it on, a build
/// starts where the previous scan of the table last reported (near its end), so rows written in an index's order
/// reach that index's sort rotated, and PostgreSQL's quicksort no longer sees them presorted (it checks that first,
/// in one pass): the audit log's entity index, 10M rows, took 22 s instead of 6 (decision 0050).</item>
/// </list>
/// </summary>
public static class BulkLoad
{
    /// <summary><c>maintenance_work_mem</c> of a load's B-tree builds (primary keys too): runs of this size sort in the
    /// CPU's cache (this machine: 32 MB of L3 for both cores).</summary>
    public const string SortMemory = "8MB";

    /// <summary><c>maintenance_work_mem</c> of a load's GIN builds, which collect every entry in memory before writing.</summary>
    public const string GinMemory = "1GB";

    public static async Task RunAsync(NpgsqlDataSource dataSource, string phase, IReadOnlyList<string> truncate,
        IReadOnlyList<string> deferIndexesOf, Func<NpgsqlConnection, bool, Task> load, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var superuser = (string?)await new NpgsqlCommand("SELECT current_setting('is_superuser')", conn).ExecuteScalarAsync(ct) == "on";
        await ExecuteAsync(conn, $"SET LOCAL synchronous_commit = off; SET LOCAL maintenance_work_mem = '{SortMemory}'; " +
                                 "SET LOCAL max_parallel_maintenance_workers = 0; SET LOCAL synchronize_seqscans = off", ct);
        if (superuser)
            await ExecuteAsync(conn, "SET LOCAL session_replication_role = replica", ct);
        if (truncate.Count > 0)
            await ExecuteAsync(conn, $"TRUNCATE {string.Join(", ", truncate)} CASCADE", ct);
        var watch = Stopwatch.StartNew();
        var copied = TimeSpan.Zero;
        var cpuAtStart = LoadTimings.BackendCpuOf(conn.ProcessID);
        var clientAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        TimeSpan? cpuCopied = null;
        var indexCount = await DeferredIndexes.RunAsync(conn, deferIndexesOf, async () =>
        {
            await load(conn, truncate.Count > 0);
            copied = watch.Elapsed;
            cpuCopied = LoadTimings.BackendCpuOf(conn.ProcessID);
            // the whole process's CPU: this part's own only when it runs alone (seed --only)
            Console.WriteLine($"  {phase}: COPY used {(Process.GetCurrentProcess().TotalProcessorTime - clientAtStart).TotalSeconds:F1} s of the loading process's CPU");
        }, ct);
        await tx.CommitAsync(ct);
        var cpuAtEnd = LoadTimings.BackendCpuOf(conn.ProcessID);
        LoadTimings.Record($"{phase}: COPY", copied, cpuCopied - cpuAtStart);
        LoadTimings.Record($"{phase}: {indexCount} index(es), ANALYZE, commit", watch.Elapsed - copied, cpuAtEnd - cpuCopied);
    }

    /// <summary>The COPY options: FREEZE where the table was emptied in this transaction.</summary>
    public static string CopyOptions(bool freeze) => freeze ? "(FORMAT BINARY, FREEZE)" : "(FORMAT BINARY)";

    public static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
