using AdminPortal.Components.Layout;
using AdminPortal.Lifetime;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Lifetime;

/// <summary>The drain signal and the notice every open screen shows when its instance is told to stop (decision 0042).</summary>
public sealed class RestartNoticeTests : MudBunitContext
{
    private const string Notice = "This server is restarting; reconnecting you…";

    private readonly InstanceDrain _drain = new(Options.Create(new DrainOptions { DrainSeconds = 0 }), NullLogger<InstanceDrain>.Instance);

    public RestartNoticeTests() => Services.AddSingleton(_drain);

    [Fact]
    public async Task An_open_screen_shows_the_notice_when_the_drain_starts_and_stops_watching_when_it_closes()
    {
        var notice = RenderWithMud<RestartNotice>();
        Assert.Equal("false", notice.Find("[data-testid=restart-notice]").GetAttribute("data-draining"));
        Assert.DoesNotContain("restarting", notice.Markup, StringComparison.Ordinal);
        Assert.Equal(1, _drain.Watchers);

        await _drain.DrainAsync();

        Assert.True(_drain.IsDraining);
        notice.WaitForAssertion(() => Assert.Contains(Notice, notice.Markup, StringComparison.Ordinal));
        Assert.Equal("true", notice.Find("[data-testid=restart-notice]").GetAttribute("data-draining"));
        Assert.Equal("status", notice.Find("[data-testid=restart-notice]").GetAttribute("role"));

        await DisposeComponentsAsync();
        Assert.Equal(0, _drain.Watchers);
    }

    [Fact]
    public async Task A_screen_that_opens_during_the_drain_shows_the_notice_at_once()
    {
        await _drain.DrainAsync();
        var notice = RenderWithMud<RestartNotice>();
        notice.WaitForAssertion(() => Assert.Contains(Notice, notice.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_drain_tells_each_screen_once_however_often_it_is_started_and_survives_a_screen_that_fails()
    {
        var told = 0;
        using var counting = _drain.Watch(() => { Interlocked.Increment(ref told); return Task.CompletedTask; });
        using var failing = _drain.Watch(() => throw new ObjectDisposedException("circuit"));

        await _drain.DrainAsync();
        await _drain.DrainAsync();

        Assert.Equal(1, told);
    }
}
