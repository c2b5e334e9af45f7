using System.Collections.Concurrent;
using AdminPortal.Live;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Data.Reads;

/// <summary>
/// Read-your-writes (decision 0041): the primary's WAL position after each user's last write on this instance. For
/// <see cref="Window"/> after it, that user's reads check that the standby they landed on has replayed past it, and read
/// from the primary when it has not. Another user's reads never wait: they may be behind by the standby's lag.
/// Every action publishes its change event after its commit and before it returns to the page that acted, so the change
/// feeds mark the actor here as they publish (registered only with ConnectionStrings:PortalReadOnly).
/// </summary>
public sealed class RecentWrites(NpgsqlDataSource primary, TimeProvider clock, ILogger<RecentWrites> logger)
{
    /// <summary>How long after a user's last write their reads check the standby's replay position.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, Mark> _marks = new();

    private sealed record Mark(NpgsqlLogSequenceNumber? Lsn, DateTimeOffset At);

    /// <summary>Marks the actor of a change about to be published (not presence, not the feed's own signals).</summary>
    public Task MarkAsync(ChangeEvent change, CancellationToken ct = default) =>
        change.ActorId is { } actor && change.EntityType is not (EntityTypes.Presence or EntityTypes.Feed)
            ? MarkAsync(actor, ct)
            : Task.CompletedTask;

    /// <summary>
    /// After <paramref name="userId"/>'s write committed: remembers the primary's current WAL position, which is at or
    /// past that commit. When the primary does not answer, the mark has no position and the user reads from the primary.
    /// </summary>
    public async Task MarkAsync(int userId, CancellationToken ct = default)
    {
        NpgsqlLogSequenceNumber? lsn = null;
        try
        {
            await using var command = primary.CreateCommand("SELECT pg_current_wal_lsn()");
            lsn = (NpgsqlLogSequenceNumber?)await command.ExecuteScalarAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "No WAL position for user {UserId}'s write: their reads go to the primary for {Window}",
                userId, Window);
        }
        var mark = new Mark(lsn, clock.GetUtcNow());
        _marks.AddOrUpdate(userId, mark, (_, _) => mark);
    }

    /// <summary>
    /// Whether <paramref name="userId"/> wrote within <see cref="Window"/>; <paramref name="lsn"/> is the position a
    /// standby must have replayed for them to read there (null: read from the primary).
    /// </summary>
    public bool IsPending(int? userId, out NpgsqlLogSequenceNumber? lsn)
    {
        lsn = null;
        if (userId is not { } id || !_marks.TryGetValue(id, out var mark))
            return false;
        if (clock.GetUtcNow() - mark.At > Window)
        {
            _marks.TryRemove(new KeyValuePair<int, Mark>(id, mark));
            return false;
        }
        lsn = mark.Lsn;
        return true;
    }
}
