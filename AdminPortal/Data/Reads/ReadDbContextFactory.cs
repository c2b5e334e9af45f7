using System.Security.Claims;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Data.Reads;

/// <summary>
/// Contexts for the reads of lists, searches, dashboards and reports (decision 0041). With no
/// ConnectionStrings:PortalReadOnly they are the primary's contexts, exactly as before. With one, they read from a
/// standby (no tracking), unless the reader wrote within <see cref="RecentWrites.Window"/> and the standby has not
/// replayed that write yet, or no standby answers: then from the primary. Writes, security checks, the change feed and
/// the reloads that follow a change event keep using <see cref="IDbContextFactory{PortalDbContext}"/> (the primary).
/// </summary>
public sealed class ReadDbContextFactory(IDbContextFactory<PortalDbContext> primary, RecentWrites writes,
    ReadReplica? replica = null)
{
    /// <summary>Whether a read-only connection string is configured.</summary>
    public bool HasReplica => replica is not null;

    public Task<PortalDbContext> CreateDbContextAsync(ClaimsPrincipal reader, CancellationToken ct = default) =>
        CreateDbContextAsync(reader.UserId(), ct);

    /// <summary>
    /// As <see cref="CreateDbContextAsync(ClaimsPrincipal, CancellationToken)"/>, but a reload after a change event
    /// (<paramref name="afterChange"/>) reads from the primary: a standby may not have replayed that change yet, and no
    /// second event would come to correct a screen that read before it.
    /// </summary>
    public Task<PortalDbContext> CreateDbContextAsync(ClaimsPrincipal reader, bool afterChange, CancellationToken ct = default) =>
        afterChange ? primary.CreateDbContextAsync(ct) : CreateDbContextAsync(reader.UserId(), ct);

    public async Task<PortalDbContext> CreateDbContextAsync(int? readerId, CancellationToken ct = default)
    {
        if (replica is null)
            return await primary.CreateDbContextAsync(ct);
        // a write whose position is unknown can be seen on the primary only
        var mustSee = writes.IsPending(readerId, out var lsn) ? lsn ?? new NpgsqlLogSequenceNumber(ulong.MaxValue) : (NpgsqlLogSequenceNumber?)null;
        return await replica.TryOpenAsync(mustSee, ct) ?? await primary.CreateDbContextAsync(ct);
    }
}

/// <summary>The standbys of ConnectionStrings:PortalReadOnly: their pool, and contexts opened on one of them.</summary>
public sealed class ReadReplica(NpgsqlDataSource dataSource, DbContextOptions<PortalDbContext> options, ILogger<ReadReplica> logger)
    : IAsyncDisposable
{
    public const string PoolName = "portal-read";

    /// <summary>
    /// A context with its connection open on a server of the read-only list that has replayed <paramref name="mustSee"/>
    /// (any, when null), or null when none does or none answers. A pooled connection to a standby that went away fails
    /// its first command: the pool is cleared and the open tried once more (Npgsql then skips the host, decision 0041).
    /// </summary>
    public async Task<PortalDbContext?> TryOpenAsync(NpgsqlLogSequenceNumber? mustSee, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var db = new PortalDbContext(options);
            try
            {
                await db.Database.OpenConnectionAsync(ct);
                if (await HasReplayedAsync(db, mustSee, ct))
                    return db;
                await db.DisposeAsync();
                return null;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                await db.DisposeAsync();
                if (attempt == 2)
                {
                    logger.LogWarning(ex, "No server of ConnectionStrings:PortalReadOnly answers: reading from the primary");
                    return null;
                }
                dataSource.Clear();
            }
        }
    }

    /// <summary>On a primary (a read-only list may name it last) everything is replayed.</summary>
    private static async Task<bool> HasReplayedAsync(PortalDbContext db, NpgsqlLogSequenceNumber? mustSee, CancellationToken ct)
    {
        await using var command = ((NpgsqlConnection)db.Database.GetDbConnection()).CreateCommand();
        command.CommandText = "SELECT NOT pg_is_in_recovery() OR $1::pg_lsn IS NULL OR pg_last_wal_replay_lsn() >= $1::pg_lsn";
        command.Parameters.Add(new NpgsqlParameter { Value = mustSee is { } lsn ? lsn : DBNull.Value, NpgsqlDbType = NpgsqlDbType.PgLsn });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
