using AdminPortal.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Live;

public sealed class SharedReadsTests : IAsyncLifetime
{
    private readonly InProcessChangeFeed _feed = new(new LiveInstance(), new FakeTimeProvider(),
        NullLogger<InProcessChangeFeed>.Instance);
    private SharedReads<string, int> _reads = default!;
    private int _started;

    public Task InitializeAsync()
    {
        _reads = new SharedReads<string, int>(_feed, e => e.Is(EntityTypes.Product));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _reads.Dispose();
        await _feed.DisposeAsync();
    }

    [Fact]
    public async Task Many_callers_of_one_view_share_one_read()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = Enumerable.Range(0, 100).Select(_ => _reads.GetAsync("suggestions", async () =>
        {
            Interlocked.Increment(ref _started);
            await gate.Task;
            return 42;
        })).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(waiting), v => Assert.Equal(42, v));
        Assert.Equal(1, _started);
        Assert.Equal(1, _reads.ReadCount);
    }

    [Fact]
    public async Task A_relevant_event_makes_the_next_caller_read_again_and_others_do_not()
    {
        var value = 1;
        Assert.Equal(1, await _reads.GetAsync("q", () => Task.FromResult(value)));
        value = 2;
        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Ticket, "7", ChangeActions.Updated));
        Assert.Equal(1, await _reads.GetAsync("q", () => Task.FromResult(value)));   // a ticket says nothing of products

        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Product, "42", ChangeActions.Approved));
        Assert.Equal(2, await _reads.GetAsync("q", () => Task.FromResult(value)));
    }

    [Fact]
    public async Task A_read_begun_before_an_event_is_not_handed_out_after_it()
    {
        var before = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _reads.GetAsync("q", () => before.Task);

        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Product, "42", ChangeActions.Approved));
        var second = _reads.GetAsync("q", () => Task.FromResult(2));
        before.SetResult(1);

        Assert.Equal(1, await first);
        Assert.Equal(2, await second);
    }

    [Fact]
    public async Task A_resync_drops_everything_and_a_failed_read_is_not_kept()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _reads.GetAsync("q", () => Task.FromException<int>(new InvalidOperationException("db down"))));
        Assert.Equal(5, await _reads.GetAsync("q", () => Task.FromResult(5)));

        _feed.Resync();
        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Group, "g", ChangeActions.Updated));
        Assert.Equal(6, await _reads.GetAsync("q", () => Task.FromResult(6)));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_read_for_the_others()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cts = new CancellationTokenSource();
        var impatient = _reads.GetAsync("q", () => gate.Task, cts.Token);
        var patient = _reads.GetAsync("q", () => Task.FromResult(-1));
        await cts.CancelAsync();
        gate.SetResult(9);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.Equal(9, await patient);
    }

    [Fact]
    public async Task Read_ahead_rereads_on_the_event_the_views_someone_used_and_no_others()
    {
        using var ahead = new SharedReads<string, int>(_feed, e => e.Is(EntityTypes.Product), readAhead: true);
        var value = 1;
        Assert.Equal(1, await ahead.GetAsync("on screen", () => Task.FromResult(value)));
        Assert.False(ahead.TryGetCompleted("never asked", out _));
        value = 2;

        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Product, "42", ChangeActions.Approved));
        Assert.Equal(2, ahead.ReadCount);   // the event itself started the second read: nobody asked
        Assert.True(await WhenCompletedAsync(ahead, "on screen") is 2);

        // nobody used that read-ahead before the next event (the view is no longer on screen): not read again
        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Product, "43", ChangeActions.Approved));
        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Product, "44", ChangeActions.Approved));
        Assert.Equal(3, ahead.ReadCount);
        Assert.False(ahead.TryGetCompleted("on screen", out _));
    }

    [Fact]
    public async Task Read_ahead_never_hands_out_a_read_begun_before_the_event_and_a_resync_only_drops()
    {
        using var ahead = new SharedReads<string, int>(_feed, e => e.Is(EntityTypes.Product), readAhead: true);
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = ahead.GetAsync("q", () => slow.Task);

        // still running when the event comes: dropped, not read ahead (and its value never comes back)
        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Product, "42", ChangeActions.Approved));
        slow.SetResult(1);
        Assert.Equal(1, await first);
        Assert.False(ahead.TryGetCompleted("q", out _));
        Assert.Equal(2, await ahead.GetAsync("q", () => Task.FromResult(2)));

        _feed.Resync();
        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Group, "g", ChangeActions.Updated));
        Assert.False(ahead.TryGetCompleted("q", out _));
        Assert.Equal(2, ahead.ReadCount);
    }

    [Fact]
    public async Task The_current_read_is_handed_out_running_or_done_and_none_after_an_event_nobody_read_ahead()
    {
        using var ahead = new SharedReads<string, int>(_feed, e => e.Is(EntityTypes.Product), readAhead: true);
        Assert.Null(ahead.Current("q"));
        var running = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = ahead.GetAsync("q", () => running.Task);

        var current = Assert.IsAssignableFrom<Task<int>>(ahead.Current("q"));
        Assert.False(current.IsCompleted);
        running.SetResult(3);
        Assert.Equal(3, await current);
        Assert.Equal(3, await first);

        _feed.Resync();
        await PublishAndWaitAsync(new ChangeEvent(EntityTypes.Group, "g", ChangeActions.Updated));
        Assert.Null(ahead.Current("q"));
    }

    private static async Task<int> WhenCompletedAsync(SharedReads<string, int> reads, string key)
    {
        for (var i = 0; i < 500; i++)
        {
            if (reads.TryGetCompleted(key, out var value))
                return value;
            await Task.Delay(10);
        }
        throw new TimeoutException($"no completed read of {key}");
    }

    // delivery is in subscription order on one loop: once a later subscriber has it, SharedReads has seen it too
    private async Task PublishAndWaitAsync(ChangeEvent change)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var probe = _feed.Subscribe(e => e == change with { OriginInstance = e.OriginInstance, At = e.At },
            _ => { seen.TrySetResult(); return Task.CompletedTask; });
        await _feed.PublishAsync(change);
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
