using AdminPortal.Features.Operations.SystemScreen;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Components.Operations;

/// <summary>/system's panels: the workers' last passes (failed and late ones stand out) and the outbox's rows.</summary>
public sealed class SystemPanelTests : MudBunitContext
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public SystemPanelTests()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<ViewerClock>();
    }

    private static WorkerStatus Pass(string worker, DateTime finished, string? error = null, Dictionary<string, int>? counts = null) =>
        new(worker, "host:1:abcd", finished.AddSeconds(-1), finished, finished.AddSeconds(30), error, counts ?? [], null, error);

    [Fact]
    public void Each_worker_shows_what_it_did_and_failed_or_late_passes_say_so()
    {
        var panel = RenderWithMud<WorkerPanel>(p => p
            .Add(x => x.Now, Now)
            .Add(x => x.Workers, [
                Pass("Escalation", Now.AddSeconds(-10), counts: new() { ["escalated"] = 3 }),
                Pass("Outbox", Now.AddSeconds(-5), error: "connection refused"),
                Pass("Subscription expiry", Now.AddHours(-2)),
            ]));

        var rows = panel.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("3 escalated", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Failed", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("connection refused", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Late", rows[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void No_pass_recorded_says_the_workers_may_be_off()
    {
        var panel = RenderWithMud<WorkerPanel>(p => p.Add(x => x.Now, Now).Add(x => x.Workers, []));
        Assert.Contains("RunWorkers", panel.Find("[data-testid=workers-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_event_offers_retry_and_discard_a_waiting_one_only_discard()
    {
        var retried = 0;
        var failed = RenderWithMud<OutboxEventRow>(p => p
            .Add(x => x.Row, new OutboxRow(7, "ticket.assigned", """{"ticket_id": 4}""", Now, 5, "boom", 1))
            .Add(x => x.OnRetry, () => retried++));
        var waiting = Render<OutboxEventRow>(p => p.Add(x => x.Row, new OutboxRow(8, "ticket.resolved", "{}", Now, 2, null, 1)));

        failed.Find("button[aria-label='Retry event 7']").Click();

        Assert.Equal(1, retried);
        Assert.Contains("Failed · 5 attempts", failed.Find("[data-testid=outbox-attempts]").TextContent, StringComparison.Ordinal);
        Assert.Empty(waiting.FindAll("button[aria-label='Retry event 8']"));
        Assert.Single(waiting.FindAll("button[aria-label='Discard event 8']"));
        Assert.Contains("Waiting · 2 of 5", waiting.Find("[data-testid=outbox-attempts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_state_reads_again_on_a_pass_or_an_outbox_change_only()
    {
        Assert.True(SystemState.IsRelevant(new AdminPortal.Live.ChangeEvent("worker_pass", "outbox", "passed")));
        Assert.True(SystemState.IsRelevant(new AdminPortal.Live.ChangeEvent("outbox", "7", "retried")));
        Assert.False(SystemState.IsRelevant(new AdminPortal.Live.ChangeEvent("ticket", "7", "updated")));
        var state = new SystemState();
        Assert.True(state.Show(OutboxQuery.Read("failed", null, null)));
        Assert.False(state.Show(OutboxQuery.Read("failed", null, null)));
        Assert.Equal("/system?show=failed", SystemState.Url(state.Query));
    }
}
