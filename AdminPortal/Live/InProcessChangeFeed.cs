using AdminPortal.Data;
using AdminPortal.Data.Reads;

namespace AdminPortal.Live;

/// <summary>The change feed of a single instance: events never leave the process.</summary>
public sealed class InProcessChangeFeed : IChangeFeed, IAsyncDisposable, IDisposable
{
    private readonly ChangeDispatcher _dispatcher;
    private readonly TimeProvider _clock;

    private readonly DatabaseAvailability? _availability;
    private readonly RecentWrites? _writes;

    /// <param name="availability">When given, screens re-read (a resync) once the database answers again after an
    /// outage, as the PostgreSQL feed does when its listener reconnects.</param>
    public InProcessChangeFeed(LiveInstance instance, TimeProvider clock, ILogger<InProcessChangeFeed> logger,
        DatabaseAvailability? availability = null, RecentWrites? writes = null)
    {
        _writes = writes;
        InstanceId = instance.Id;
        _clock = clock;
        _dispatcher = new ChangeDispatcher(logger);
        _availability = availability;
        if (availability is not null)
            availability.Changed += ResyncWhenBack;
    }

    private void ResyncWhenBack()
    {
        if (_availability!.IsAvailable)
            Resync();
    }

    public string InstanceId { get; }

    public int SubscriberCount => _dispatcher.SubscriberCount;

    public bool IsListening => true;

    public async Task PublishAsync(ChangeEvent change, CancellationToken cancellationToken = default)
    {
        if (_writes is not null)
            await _writes.MarkAsync(change, cancellationToken);   // read-your-writes (decision 0041)
        _dispatcher.Enqueue(ChangeStamp.Stamp(change, InstanceId, _clock));
    }

    public IDisposable Subscribe(Func<ChangeEvent, bool> filter, Func<ChangeEvent, Task> handler) =>
        _dispatcher.Subscribe(filter, handler);

    /// <summary>Delivers a resync to every subscriber (an in-process feed never needs one; tests and tools do).</summary>
    public void Resync() => _dispatcher.Enqueue(ChangeEvent.Resync(InstanceId, _clock.GetUtcNow()));

    public ValueTask DisposeAsync()
    {
        if (_availability is not null)
            _availability.Changed -= ResyncWhenBack;
        return _dispatcher.DisposeAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

internal static class ChangeStamp
{
    public static ChangeEvent Stamp(ChangeEvent change, string instance, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change with
        {
            OriginInstance = instance,
            At = change.At == default ? clock.GetUtcNow() : change.At,
        };
    }
}
