namespace AdminPortal.Live;

/// <summary>
/// Who is looking at what, across instances. A screen enters when it shows an entity and disposes the visit when it
/// stops; <see cref="Who"/> answers for all instances. Changes travel as <see cref="EntityTypes.Presence"/> events on
/// the change feed; each instance keeps the other instances' visits from them, refreshed by a heartbeat every
/// <see cref="Heartbeat"/> and forgotten after <see cref="Expiry"/> of silence (an instance that died).
/// A closed circuit leaves everything at once (<see cref="PresenceCircuitHandler"/>).
/// </summary>
public sealed class PresenceTracker : IDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);
    internal const string Arrive = "enter", Beat = "heartbeat", Leave = "leave";

    private readonly IChangeFeed _feed;
    private readonly TimeProvider _clock;
    private readonly ILogger<PresenceTracker> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Visit> _local = [];
    private readonly Dictionary<(string Origin, string VisitId), Visit> _remote = [];
    // by entity: a queue shows 25 rows on every open circuit, so an instance holds 25 x circuits watchers, and a row
    // leaving on an event disposes one on every circuit; one flat list made each of those a scan of all of them
    private readonly Dictionary<(string Type, string? Id), HashSet<Watcher>> _watchers = [];   // Id null: WatchType
    private readonly IDisposable _subscription;
    private readonly ITimer _timer;

    public PresenceTracker(IChangeFeed feed, TimeProvider clock, ILogger<PresenceTracker> logger)
    {
        _feed = feed;
        _clock = clock;
        _logger = logger;
        _subscription = feed.Subscribe(e => e.EntityType == EntityTypes.Presence, ApplyAsync);
        _timer = clock.CreateTimer(_ => OnHeartbeat(), null, Heartbeat, Heartbeat);
    }

    /// <summary>
    /// Records that a user looks at an entity from a circuit; dispose the result when they stop. The same user in
    /// two tabs counts once in <see cref="Who"/>.
    /// </summary>
    public IDisposable Enter(string entityType, string entityId, int userId, string userName, string circuitId)
    {
        var visit = new Visit(Guid.NewGuid().ToString("N")[..12], entityType, entityId, userId, userName, circuitId,
            DateTimeOffset.MaxValue);
        lock (_gate)
            _local[visit.Id] = visit;
        Changed(entityType, entityId);
        Publish(visit, Arrive);
        return new VisitHandle(this, visit.Id);
    }

    /// <summary>How many visits this instance's circuits hold open (for leak checks and diagnostics).</summary>
    public int LocalVisitCount
    {
        get
        {
            lock (_gate)
                return _local.Count;
        }
    }

    /// <summary>Everyone on this entity, on any instance, once per user, by name.</summary>
    public IReadOnlyList<PresenceEntry> Who(string entityType, string entityId)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
            return _local.Values.Select(v => v with { ExpiresAt = now + Expiry })
                .Concat(_remote.Values.Where(v => v.ExpiresAt > now))
                .Where(v => v.EntityType == entityType && v.EntityId == entityId)
                .GroupBy(v => v.UserId)
                .Select(g => g.First())
                .Select(v => new PresenceEntry(v.EntityType, v.EntityId, v.UserId, v.UserName, v.ExpiresAt))
                .OrderBy(p => p.UserName, StringComparer.CurrentCultureIgnoreCase)
                .ToList();
    }

    /// <summary>Everyone on any entity of a type ("who is reviewing products now"), once per user, by name.</summary>
    public IReadOnlyList<PresenceEntry> WhoOn(string entityType)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
            return _local.Values.Select(v => v with { ExpiresAt = now + Expiry })
                .Concat(_remote.Values.Where(v => v.ExpiresAt > now))
                .Where(v => v.EntityType == entityType)
                .GroupBy(v => v.UserId)
                .Select(g => g.First())
                .Select(v => new PresenceEntry(v.EntityType, v.EntityId, v.UserId, v.UserName, v.ExpiresAt))
                .OrderBy(p => p.UserName, StringComparer.CurrentCultureIgnoreCase)
                .ToList();
    }

    /// <summary>
    /// Calls <paramref name="onChanged"/> (on any thread: a component uses InvokeAsync) whenever <see cref="Who"/>
    /// for this entity may have changed. Dispose to stop.
    /// </summary>
    public IDisposable Watch(string entityType, string entityId, Action onChanged) =>
        Add(new Watcher(this, entityType, entityId, _ => onChanged()));

    /// <summary>
    /// Calls <paramref name="onChanged"/> with the entity's id (on any thread) whenever <see cref="Who"/> for any entity
    /// of this type may have changed: one watch for a list's rows instead of one per row. Dispose to stop.
    /// </summary>
    public IDisposable WatchType(string entityType, Action<string> onChanged) =>
        Add(new Watcher(this, entityType, null, onChanged));

    private Watcher Add(Watcher watcher)
    {
        lock (_gate)
        {
            if (!_watchers.TryGetValue((watcher.EntityType, watcher.EntityId), out var set))
                _watchers[(watcher.EntityType, watcher.EntityId)] = set = [];
            set.Add(watcher);
        }
        return watcher;
    }

    /// <summary>Leaves everything a circuit had entered (the circuit closed).</summary>
    public void LeaveCircuit(string circuitId)
    {
        List<Visit> gone;
        lock (_gate)
        {
            gone = _local.Values.Where(v => v.CircuitId == circuitId).ToList();
            foreach (var v in gone)
                _local.Remove(v.Id);
        }
        foreach (var v in gone)
        {
            Changed(v.EntityType, v.EntityId);
            Publish(v, Leave);
        }
    }

    private void LeaveVisit(string visitId)
    {
        Visit? visit;
        lock (_gate)
            if (!_local.Remove(visitId, out visit))
                return;
        Changed(visit.EntityType, visit.EntityId);
        Publish(visit, Leave);
    }

    private Task ApplyAsync(ChangeEvent change)
    {
        Apply(change);
        return Task.CompletedTask;
    }

    /// <summary>Takes in a presence event from the feed (internal for tests).</summary>
    internal void Apply(ChangeEvent change)
    {
        if (change.IsResync)
        {
            List<Visit> mine;
            lock (_gate)
                mine = _local.Values.ToList();
            foreach (var v in mine)   // others may have forgotten us while we were away
                Publish(v, Beat);
            return;
        }
        if (change.OriginInstance == _feed.InstanceId || change.Detail is null || change.ActorId is null)
            return;   // our own visits are in _local already
        var separator = change.EntityId.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
            return;
        var (type, id) = (change.EntityId[..separator], change.EntityId[(separator + 1)..]);
        var key = (change.OriginInstance, change.Detail);
        bool changed;
        lock (_gate)
        {
            if (change.Action == Leave)
                changed = _remote.Remove(key);
            else
            {
                changed = !_remote.ContainsKey(key);
                _remote[key] = new Visit(change.Detail, type, id, change.ActorId.Value, change.ActorName ?? "?", "",
                    _clock.GetUtcNow() + Expiry);
            }
        }
        if (changed)
            Changed(type, id);
    }

    private void OnHeartbeat()
    {
        var now = _clock.GetUtcNow();
        List<Visit> expired, mine;
        lock (_gate)
        {
            expired = _remote.Where(r => r.Value.ExpiresAt <= now).Select(r => r.Value).ToList();
            foreach (var key in _remote.Where(r => r.Value.ExpiresAt <= now).Select(r => r.Key).ToList())
                _remote.Remove(key);
            mine = _local.Values.ToList();
        }
        foreach (var v in expired)
            Changed(v.EntityType, v.EntityId);
        foreach (var v in mine)
            Publish(v, Beat);
    }

    private void Publish(Visit visit, string action) =>
        _ = PublishAsync(new ChangeEvent(EntityTypes.Presence, $"{visit.EntityType}:{visit.EntityId}", action,
            visit.UserId, visit.UserName) { Detail = visit.Id });

    private async Task PublishAsync(ChangeEvent change)
    {
        try { await _feed.PublishAsync(change); }
        catch (Exception ex) { _logger.LogWarning(ex, "Could not publish presence {Action}", change.Action); }
    }

    private void Changed(string entityType, string entityId)
    {
        Watcher[] interested;
        lock (_gate)
        {
            var found = new List<Watcher>();
            if (_watchers.TryGetValue((entityType, entityId), out var one))
                found.AddRange(one);
            if (_watchers.TryGetValue((entityType, null), out var all))   // WatchType
                found.AddRange(all);
            interested = [.. found];
        }
        foreach (var w in interested)
        {
            try { w.OnChanged(entityId); }
            catch (Exception ex) { _logger.LogError(ex, "A presence watcher failed"); }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _subscription.Dispose();
    }

    private sealed record Visit(string Id, string EntityType, string EntityId, int UserId, string UserName,
        string CircuitId, DateTimeOffset ExpiresAt);

    private sealed class VisitHandle(PresenceTracker owner, string visitId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                owner.LeaveVisit(visitId);
        }
    }

    // entityId null: every entity of the type
    private sealed class Watcher(PresenceTracker owner, string entityType, string? entityId, Action<string> onChanged)
        : IDisposable
    {
        public string EntityType => entityType;
        public string? EntityId => entityId;
        public Action<string> OnChanged => onChanged;

        public void Dispose()
        {
            lock (owner._gate)
                if (owner._watchers.TryGetValue((entityType, entityId), out var set) && set.Remove(this) && set.Count == 0)
                    owner._watchers.Remove((entityType, entityId));
        }
    }
}
