using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Data.Reads;

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
            Exception? failure = null;
            try
            {
                await db.Database.OpenConnectionAsync(ct);
                if (await HasReplayedAsync(db, mustSee, ct))
                    return db;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                failure = ex;
            }
            catch
            {
                await db.DisposeAsync();   // cancelled: the connection goes back, the caller sees the cancellation
                throw;
            }
            await db.DisposeAsync();
            if (failure is null)
                return null;   // answered, but has not replayed what the reader must see
            if (attempt == 2)
            {
                logger.LogWarning(failure, "No server of ConnectionStrings:PortalReadOnly answers: reading from the primary");
                return null;
            }
            dataSource.Clear();
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

    /// <summary>Whether <paramref name="db"/>'s server is a standby (not the primary a read-only list may name last).</summary>
    public async Task<bool> IsStandbyAsync(PortalDbContext db, CancellationToken ct)
    {
        await using var command = ((NpgsqlConnection)db.Database.GetDbConnection()).CreateCommand();
        command.CommandText = "SELECT pg_is_in_recovery()";
        return await command.ExecuteScalarAsync(ct) is true;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
