using AdminPortal.Components.Shared;
using AdminPortal.Data;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Shared;
using AdminPortal.Tests.Features.Tickets;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminPortal.Tests.Data;

/// <summary>
/// PostgreSQL restarts and stops under a running portal (issue 19, part 3), on a cluster of this class's own (never the
/// shared fixture's): the availability state goes down and comes back, the change feed's listener reconnects and
/// resyncs its subscribers, an action tried while the server is stopped ends in <see cref="OutcomeKind.Unavailable"/>
/// and writes nothing, and every acknowledged write before and after is in the database. Not timed.
/// </summary>
public sealed class DatabaseOutageTests(PostgresFixture cluster) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly List<bool> _transitions = [];
    private TicketTestData _desk = null!;
    private Ticket _ticket = null!;
    private int _acknowledged;

    private IServiceProvider Services => cluster.Services;
    private DatabaseAvailability Availability => Services.GetRequiredService<DatabaseAvailability>();

    public async Task InitializeAsync()
    {
        await cluster.ResetAsync();
        _desk = await TicketTestData.CreateAsync(cluster);
        _ticket = await _desk.TicketAsync(cluster, _desk.HostelA);
        await Availability.WhenAsync(true).WaitAsync(Patience);   // the previous test's outage is over
        Availability.Changed += RecordTransition;
    }

    public Task DisposeAsync()
    {
        Availability.Changed -= RecordTransition;
        foreach (var subscription in _subscriptions)
            subscription.Dispose();
        return Task.CompletedTask;
    }

    private void RecordTransition()
    {
        lock (_transitions)
            _transitions.Add(Availability.IsAvailable);
    }

    [Fact]
    public async Task After_a_fast_restart_the_listener_resyncs_availability_returns_and_no_acknowledged_write_is_lost()
    {
        var (feed, resynced) = await ListeningSubscriberAsync();
        await CommentAsync("before", 3);

        await cluster.Cluster.RestartServerAsync();

        await resynced.Task.WaitAsync(Patience);
        Assert.True(Availability.IsAvailable);
        Assert.True(feed.IsListening);
        lock (_transitions)
            Assert.Equal(new[] { false, true }, _transitions.Take(2).ToArray());   // it went down, then came back
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync()).Status);
        await CommentAsync("after", 3);   // the pool's connections the restart broke are not handed out again
        await AssertAcknowledgedCommentsStoredAsync();
    }

    [Fact]
    public async Task Stopped_for_a_while_health_says_so_an_action_changes_nothing_and_after_the_start_all_is_current()
    {
        var (feed, resynced) = await ListeningSubscriberAsync();
        await CommentAsync("before", 3);

        await cluster.Cluster.StopServerAsync();
        try
        {
            await Availability.WhenAsync(false).WaitAsync(Patience);   // the listener saw its session end
            Assert.False(feed.IsListening);
            var health = await HealthAsync();
            Assert.Equal(HealthStatus.Unhealthy, health.Entries["database"].Status);
            Assert.Equal(HealthStatus.Degraded, health.Entries["live"].Status);

            var gate = new ActionGate();
            var outcome = await gate.RunAsync(() => Comment("while stopped"));
            Assert.Equal(OutcomeKind.Unavailable, outcome!.Kind);
            Assert.False(outcome.Succeeded);
            Assert.Null(await gate.ReadAsync(() => TicketTestData.ReloadAsync(cluster, _ticket.Id)));
            Assert.True(gate.Unavailable);
            Assert.False(resynced.Task.IsCompleted);
        }
        finally
        {
            await cluster.Cluster.StartAgainAsync();
        }

        await resynced.Task.WaitAsync(Patience);
        await Availability.WhenAsync(true).WaitAsync(Patience);
        Assert.True(feed.IsListening);
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync()).Status);
        await CommentAsync("after", 3);
        await AssertAcknowledgedCommentsStoredAsync();
        await using var db = await cluster.CreateDbContextAsync();
        Assert.False(await db.Set<Comment>().AnyAsync(c => c.Body == "while stopped"));
        Assert.Equal(_acknowledged, await db.Set<AdminPortal.Security.Audit.AuditLogEntry>().CountAsync(a => a.Action == "ticket.note"));
    }

    private async Task<(PostgresChangeFeed Feed, TaskCompletionSource Resynced)> ListeningSubscriberAsync()
    {
        var feed = Services.GetRequiredService<PostgresChangeFeed>();
        var resynced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = feed.Subscribe(_ => false, e =>
        {
            if (e.IsResync) resynced.TrySetResult();
            return Task.CompletedTask;
        });
        _subscriptions.Add(subscription);
        await feed.WhenListeningAsync().WaitAsync(Patience);
        return (feed, resynced);
    }

    private readonly List<IDisposable> _subscriptions = [];

    private async Task<Outcome> Comment(string body)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketActions>()
            .CommentAsync(_desk.AsStaffA, _ticket.Id, body, isInternal: true);
    }

    /// <summary>Writes <paramref name="count"/> notes through the screens' gate; each must be acknowledged.</summary>
    private async Task CommentAsync(string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var outcome = await new ActionGate().RunAsync(() => Comment($"{prefix} {i}"));
            Assert.Equal(OutcomeKind.Done, outcome!.Kind);
            _acknowledged++;
        }
    }

    private async Task AssertAcknowledgedCommentsStoredAsync()
    {
        await using var db = await cluster.CreateDbContextAsync();
        Assert.Equal(_acknowledged, await db.Set<Comment>().CountAsync(c => c.TicketId == _ticket.Id));
    }

    private Task<HealthReport> HealthAsync() => Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
}
