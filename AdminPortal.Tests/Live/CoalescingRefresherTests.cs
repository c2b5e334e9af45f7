using AdminPortal.Live;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Live;

public sealed class CoalescingRefresherTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(150);
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_burst_within_the_window_reloads_once()
    {
        var reloads = 0;
        using var refresher = new CoalescingRefresher(() => { reloads++; return Task.CompletedTask; }, Window, _clock);

        for (var i = 0; i < 20; i++)
        {
            refresher.Trigger();
            _clock.Advance(TimeSpan.FromMilliseconds(5));
        }
        Assert.Equal(0, reloads);  // 100 ms in: still gathering
        _clock.Advance(Window);
        Assert.Equal(1, reloads);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, reloads);  // nothing new asked
    }

    [Fact]
    public async Task Triggers_during_a_reload_schedule_exactly_one_more()
    {
        var reloads = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var refresher = new CoalescingRefresher(async () =>
        {
            if (Interlocked.Increment(ref reloads) == 1)
                await gate.Task;
        }, Window, _clock);

        refresher.Trigger();
        _clock.Advance(Window);
        Assert.Equal(1, reloads);   // first reload in flight, held at the gate
        for (var i = 0; i < 10; i++)
            refresher.Trigger();
        _clock.Advance(Window);
        Assert.Equal(1, reloads);   // never two at once
        gate.SetResult();
        await WaitUntilAsync(() => refresher.ReloadCount == 1 && !refresher.IsReloading);
        _clock.Advance(Window);
        Assert.Equal(2, reloads);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, reloads);
    }

    [Fact]
    public void Dispose_cancels_a_pending_reload()
    {
        var reloads = 0;
        var refresher = new CoalescingRefresher(() => { reloads++; return Task.CompletedTask; }, Window, _clock);
        refresher.Trigger();
        refresher.Dispose();
        refresher.Trigger();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, reloads);
    }

    [Fact]
    public void A_failing_reload_is_reported_and_the_next_trigger_still_reloads()
    {
        var reloads = 0;
        var errors = new List<Exception>();
        using var refresher = new CoalescingRefresher(() =>
        {
            reloads++;
            return reloads == 1 ? Task.FromException(new InvalidOperationException("db down")) : Task.CompletedTask;
        }, Window, _clock, errors.Add);

        refresher.Trigger();
        _clock.Advance(Window);
        refresher.Trigger();
        _clock.Advance(Window);

        Assert.Equal(2, reloads);
        Assert.Single(errors);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
            await Task.Delay(10);
        Assert.True(condition());
    }
}
