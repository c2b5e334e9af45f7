using AdminPortal.Data.Identity;
using AdminPortal.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Live;

public sealed class InProcessChangeFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly InProcessChangeFeed _feed = new(new LiveInstance(), new FakeTimeProvider(),
        NullLogger<InProcessChangeFeed>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _feed.DisposeAsync();

    [Fact]
    public async Task Delivers_each_event_to_the_subscribers_whose_filter_accepts_it()
    {
        var tickets = new List<ChangeEvent>();
        var products = new List<ChangeEvent>();
        using var t = _feed.Subscribe(e => e.Is(EntityTypes.Ticket), e => { tickets.Add(e); return Task.CompletedTask; });
        using var p = _feed.Subscribe(e => e.Is(EntityTypes.Product), e => { products.Add(e); return Task.CompletedTask; });

        await _feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, "7", ChangeActions.Updated, 3, "Asha"));
        await _feed.PublishAsync(new ChangeEvent(EntityTypes.Product, "42", ChangeActions.Approved));
        await _feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, "8", ChangeActions.Created));
        await FlushAsync();

        Assert.Equal(["7", "8"], tickets.Select(e => e.EntityId));
        Assert.Equal(["42"], products.Select(e => e.EntityId));
        Assert.Equal(_feed.InstanceId, tickets[0].OriginInstance);
        Assert.Equal("Asha", tickets[0].ActorName);
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_delivery_to_the_others()
    {
        var received = 0;
        using var bad = _feed.Subscribe(_ => true, _ => throw new InvalidOperationException("boom"));
        using var good = _feed.Subscribe(_ => true, _ => { received++; return Task.CompletedTask; });

        await _feed.PublishAsync(new ChangeEvent(EntityTypes.User, "1", ChangeActions.Updated));
        await _feed.PublishAsync(new ChangeEvent(EntityTypes.User, "2", ChangeActions.Updated));
        await FlushAsync();

        Assert.Equal(3, received); // two events and the flush marker
    }

    [Fact]
    public async Task A_resync_reaches_every_subscriber_whatever_its_filter()
    {
        var resynced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var s = _feed.Subscribe(_ => false, e =>
        {
            if (e.IsResync) resynced.TrySetResult();
            return Task.CompletedTask;
        });

        _feed.Resync();

        await resynced.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task Disposing_subscriptions_removes_them_and_stops_delivery()
    {
        var before = _feed.SubscriberCount;
        var calls = 0;
        var subscriptions = Enumerable.Range(0, 1000)
            .Select(_ => _feed.Subscribe(_ => true, _ => { Interlocked.Increment(ref calls); return Task.CompletedTask; }))
            .ToList();
        Assert.Equal(before + 1000, _feed.SubscriberCount);

        subscriptions.ForEach(s => s.Dispose());
        subscriptions[0].Dispose(); // twice is harmless

        Assert.Equal(before, _feed.SubscriberCount);
        await _feed.PublishAsync(new ChangeEvent(EntityTypes.Role, "1", ChangeActions.Updated));
        await FlushAsync();
        Assert.Equal(0, calls);
    }

    /// <summary>Events are delivered in order: once a later marker arrives, everything before it has.</summary>
    private async Task FlushAsync()
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var s = _feed.Subscribe(e => e.EntityType == "flush", _ => { marker.TrySetResult(); return Task.CompletedTask; });
        await _feed.PublishAsync(new ChangeEvent("flush", "0", "flush"));
        await marker.Task.WaitAsync(Patience);
    }
}
