using System.Collections.Immutable;
using System.Threading.Channels;

namespace AdminPortal.Live;

/// <summary>
/// The local half of every feed: holds this instance's subscriptions and delivers queued events to them on one
/// loop, in order, so a publisher never waits for handlers and a failing handler never stops the others.
/// </summary>
internal sealed class ChangeDispatcher : IAsyncDisposable
{
    private readonly Channel<ChangeEvent> _queue = Channel.CreateUnbounded<ChangeEvent>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _loop;
    private ImmutableList<Subscription> _subscriptions = ImmutableList<Subscription>.Empty;

    public ChangeDispatcher(ILogger logger)
    {
        _logger = logger;
        _loop = Task.Run(DeliverLoopAsync);
    }

    public int SubscriberCount => _subscriptions.Count;

    public IDisposable Subscribe(Func<ChangeEvent, bool> filter, Func<ChangeEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, filter, handler);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    /// <summary>Queues an event for local delivery; returns at once.</summary>
    public void Enqueue(ChangeEvent change) => _queue.Writer.TryWrite(change);

    private async Task DeliverLoopAsync()
    {
        await foreach (var change in _queue.Reader.ReadAllAsync())
            foreach (var subscription in _subscriptions)
                await subscription.DeliverAsync(change);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed class Subscription(ChangeDispatcher owner, Func<ChangeEvent, bool> filter,
        Func<ChangeEvent, Task> handler) : IDisposable
    {
        private volatile bool _disposed;

        public async Task DeliverAsync(ChangeEvent change)
        {
            if (_disposed)
                return;
            try
            {
                if (change.IsResync || filter(change))
                    await handler(change);
            }
            catch (Exception ex)
            {
                owner._logger.LogError(ex, "A live-update handler failed on {EntityType} {EntityId} {Action}",
                    change.EntityType, change.EntityId, change.Action);
            }
        }

        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            ImmutableInterlocked.Update(ref owner._subscriptions, list => list.Remove(this));
        }
    }
}
