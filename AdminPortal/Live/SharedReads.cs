namespace AdminPortal.Live;

/// <summary>
/// Lets every circuit of this instance that reloads the same view after the same change share one database read
/// (single flight): when 100 open queues hear "product 42 approved", one query runs and 100 pages render its result.
/// A read is shared only until the next relevant event; the feed's subscription drops every entry then, so a read
/// that began before a change is never handed out after it.
/// </summary>
/// <remarks>
/// Only for reloads caused by an event: a user's own action must read directly, since its own event may not have
/// come back through the feed yet. Callers authorise before asking: the entry holds data, not permissions.
/// </remarks>
public sealed class SharedReads<TKey, TValue> : IDisposable where TKey : notnull
{
    private const int MaxEntries = 256;
    private readonly Lock _gate = new();
    private readonly IDisposable _subscription;
    private readonly TimeSpan? _maxAge;
    private readonly TimeProvider _clock;
    private Dictionary<TKey, (Task<TValue> Read, long StartedAt)> _entries = [];

    /// <param name="feed">The instance's change feed.</param>
    /// <param name="invalidates">Which events make the shared reads stale (a resync always does).</param>
    /// <param name="maxAge">Also read again once a shared read is this old (for data changed outside the portal).</param>
    /// <param name="clock">The time source for <paramref name="maxAge"/>.</param>
    public SharedReads(IChangeFeed feed, Func<ChangeEvent, bool> invalidates, TimeSpan? maxAge = null,
        TimeProvider? clock = null)
    {
        _maxAge = maxAge;
        _clock = clock ?? TimeProvider.System;
        _subscription = feed.Subscribe(invalidates, _ =>
        {
            Invalidate();
            return Task.CompletedTask;
        });
    }

    /// <summary>How many reads ran (for tests and diagnostics).</summary>
    public int ReadCount { get; private set; }

    /// <summary>The shared read of <paramref name="key"/>, started by this call when none is current.</summary>
    public Task<TValue> GetAsync(TKey key, Func<Task<TValue>> read, CancellationToken ct = default)
    {
        Task<TValue> task;
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (_entries.TryGetValue(key, out var entry) && !entry.Read.IsFaulted && !entry.Read.IsCanceled
                && (_maxAge is not { } maxAge || _clock.GetElapsedTime(entry.StartedAt, now) < maxAge))
                task = entry.Read;
            else
            {
                if (_entries.Count >= MaxEntries)
                    _entries = [];
                task = Task.Run(read, CancellationToken.None);   // not the caller's token: others may wait on it
                _entries[key] = (task, now);
                ReadCount++;
            }
        }
        return task.WaitAsync(ct);
    }

    /// <summary>Drops every shared read; the next caller of each key reads again.</summary>
    public void Invalidate()
    {
        lock (_gate)
            _entries = [];
    }

    public void Dispose() => _subscription.Dispose();
}
