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
    private readonly bool _readAhead;
    private Dictionary<TKey, Entry> _entries = [];

    // Asked: someone used this read (not only started by a read-ahead): the view is on screen somewhere
    private sealed record Entry(Task<TValue> Read, long StartedAt, Func<Task<TValue>> Source)
    {
        public bool Asked { get; set; }
    }

    /// <param name="feed">The instance's change feed.</param>
    /// <param name="invalidates">Which events make the shared reads stale (a resync always does).</param>
    /// <param name="maxAge">Also read again once a shared read is this old (for data changed outside the portal).</param>
    /// <param name="clock">The time source for <paramref name="maxAge"/>.</param>
    /// <param name="readAhead">
    /// On a relevant event, start the read again at once for every key someone used since the previous event (and
    /// whose read is not still running), so that those who hear the event a little later find it done
    /// (<see cref="TryGetCompleted"/>). A resync only drops.
    /// </param>
    public SharedReads(IChangeFeed feed, Func<ChangeEvent, bool> invalidates, TimeSpan? maxAge = null,
        TimeProvider? clock = null, bool readAhead = false)
    {
        _maxAge = maxAge;
        _clock = clock ?? TimeProvider.System;
        _readAhead = readAhead;
        _subscription = feed.Subscribe(invalidates, change =>
        {
            if (_readAhead && !change.IsResync)
                ReadAhead();
            else
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
                && Fresh(entry, now))
            {
                entry.Asked = true;
                task = entry.Read;
            }
            else
            {
                if (_entries.Count >= MaxEntries)
                    _entries = [];
                var started = StartLocked(key, read, now);
                started.Asked = true;
                task = started.Read;
            }
        }
        return task.WaitAsync(ct);
    }

    /// <summary>
    /// The value of <paramref name="key"/> when its current shared read has already finished (begun after the last
    /// relevant event, like every current read); false when there is none or it is still running.
    /// </summary>
    public bool TryGetCompleted(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Read.IsCompletedSuccessfully
                && Fresh(entry, _clock.GetTimestamp()))
            {
                entry.Asked = true;
                value = entry.Read.Result;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The current shared read of <paramref name="key"/>, finished or still running; null when there is none.</summary>
    public Task<TValue>? Current(TKey key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.Read.IsFaulted || entry.Read.IsCanceled
                || !Fresh(entry, _clock.GetTimestamp()))
                return null;
            entry.Asked = true;
            return entry.Read;
        }
    }

    private bool Fresh(Entry entry, long now) => _maxAge is not { } maxAge || _clock.GetElapsedTime(entry.StartedAt, now) < maxAge;

    private Entry StartLocked(TKey key, Func<Task<TValue>> read, long now)
    {
        // not a caller's token: others may wait on it
        var entry = _entries[key] = new Entry(Task.Run(read, CancellationToken.None), now, read);
        ReadCount++;
        return entry;
    }

    // A read still running is only dropped (the next caller starts one): a burst of events costs one read per view
    // per read's duration, not one per event.
    private void ReadAhead()
    {
        lock (_gate)
        {
            var used = _entries.Where(e => e.Value.Asked && e.Value.Read.IsCompleted).ToList();
            _entries = [];
            var now = _clock.GetTimestamp();
            foreach (var (key, entry) in used)
                StartLocked(key, entry.Source, now);
        }
    }

    /// <summary>Drops every shared read; the next caller of each key reads again.</summary>
    public void Invalidate()
    {
        lock (_gate)
            _entries = [];
    }

    public void Dispose() => _subscription.Dispose();
}
