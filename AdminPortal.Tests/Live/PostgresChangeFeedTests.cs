using AdminPortal.Live;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdminPortal.Tests.Live;

public sealed class PostgresChangeFeedTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ServiceProvider? _a, _b;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _a = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
        _b = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
    }

    public override async Task DisposeAsync()
    {
        if (_a is not null) await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
    }

    [Fact]
    public async Task An_event_published_on_one_instance_reaches_a_subscriber_on_another()
    {
        var a = await _a!.ListeningFeedAsync();
        var b = await _b!.ListeningFeedAsync();
        var received = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var s = b.Subscribe(e => e.Is(EntityTypes.Product, "42"), e => { received.TrySetResult(e); return Task.CompletedTask; });

        await a.PublishAsync(new ChangeEvent(EntityTypes.Product, "42", ChangeActions.Approved, 7, "Asha Rao"));

        var e = await received.Task.WaitAsync(Patience);
        Assert.Equal((EntityTypes.Product, "42", ChangeActions.Approved, 7, "Asha Rao"),
            (e.EntityType, e.EntityId, e.Action, e.ActorId, e.ActorName));
        Assert.Equal(a.InstanceId, e.OriginInstance);
        Assert.NotEqual(a.InstanceId, b.InstanceId);
    }

    [Fact]
    public async Task The_publishing_instance_delivers_its_own_event_to_local_subscribers_once()
    {
        var a = await _a!.ListeningFeedAsync();
        var seen = 0;
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var s = a.Subscribe(e => e.EntityType == EntityTypes.Ticket, e =>
        {
            if (e.EntityId == "1") Interlocked.Increment(ref seen);
            else marker.TrySetResult();
            return Task.CompletedTask;
        });

        await a.PublishAsync(new ChangeEvent(EntityTypes.Ticket, "1", ChangeActions.Updated));
        await a.PublishAsync(new ChangeEvent(EntityTypes.Ticket, "2", ChangeActions.Updated));
        await marker.Task.WaitAsync(Patience);   // delivery is in order: "1" has come, and only the once

        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task After_its_connection_is_killed_the_listener_reconnects_resyncs_and_keeps_delivering()
    {
        var a = await _a!.ListeningFeedAsync();
        var b = await _b!.ListeningFeedAsync();
        var resynced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var after = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var s = b.Subscribe(e => e.Is(EntityTypes.User), e =>
        {
            if (e.IsResync) resynced.TrySetResult();
            else after.TrySetResult(e);
            return Task.CompletedTask;
        });

        await using (var admin = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name", admin);
            kill.Parameters.AddWithValue("name", b.ListenerApplicationName);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        await resynced.Task.WaitAsync(Patience);
        await a.PublishAsync(new ChangeEvent(EntityTypes.User, "5", ChangeActions.Updated));
        var e = await after.Task.WaitAsync(Patience);
        Assert.Equal("5", e.EntityId);
    }

    [Fact]
    public async Task Only_one_listening_connection_per_instance_however_many_subscribe()
    {
        var a = await _a!.ListeningFeedAsync();
        var subscriptions = Enumerable.Range(0, 50).Select(_ => a.Subscribe(_ => true, _ => Task.CompletedTask)).ToList();

        await using var admin = new NpgsqlConnection(Fixture.ConnectionString);
        await admin.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", admin);
        count.Parameters.AddWithValue("name", a.ListenerApplicationName);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
        subscriptions.ForEach(x => x.Dispose());
    }

    [Fact]
    public async Task An_oversized_event_is_refused()
    {
        var a = _a!.GetRequiredService<PostgresChangeFeed>();
        await Assert.ThrowsAsync<ArgumentException>(() =>
            a.PublishAsync(new ChangeEvent(EntityTypes.Message, new string('x', 9000), ChangeActions.Created)));
    }

    [Fact]
    public void The_reconnect_backoff_doubles_up_to_a_cap()
    {
        var a = _a!.GetRequiredService<PostgresChangeFeed>();
        Assert.Equal(a.FirstBackoff, a.Backoff(0));
        Assert.Equal(a.FirstBackoff * 2, a.Backoff(1));
        Assert.Equal(a.MaxBackoff, a.Backoff(30));
    }

    [Fact]
    public async Task The_latency_probe_returns_one_sample_per_event_on_both_transports()
    {
        var postgres = await LiveLatencyProbe.MeasureAsync(await _a!.ListeningFeedAsync(), 5);
        await using var single = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.InProcess);
        var inProcess = await LiveLatencyProbe.MeasureAsync(single.GetRequiredService<IChangeFeed>(), 5);

        Assert.Equal(5, postgres.SamplesMs.Count);
        Assert.Equal(5, inProcess.SamplesMs.Count);
        Assert.Equal(nameof(InProcessChangeFeed), inProcess.Transport);
    }
}
