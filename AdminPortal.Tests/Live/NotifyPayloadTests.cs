using AdminPortal.Live;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AdminPortal.Tests.Live;

/// <summary>
/// A NOTIFY on portal_changes is input: any role may send one (here the owner, not the portal's role). Unsigned or
/// wrongly signed payloads are dropped (decision 0013); malformed and out-of-shape payloads, even signed, are logged and
/// dropped; a burst reloads a screen at most once per coalescing window.
/// </summary>
public sealed class NotifyPayloadTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Dropped => new()
    {
        "not json at all",
        "[]",
        "null",
        """{"entityType":"user"}""",
        """{"entityType":"User","entityId":"1","action":"updated"}""",
        """{"entityType":"user","entityId":"","action":"updated"}""",
        """{"entityType":"user","entityId":"1\u0000","action":"updated"}""",
        """{"entityType":"user","entityId":"1","action":"updated","actorName":"Asha\u0007\u001b[31m"}""",
        """{"entityType":"user","entityId":"1","action":"updated","actorId":-4}""",
        """{"entityType":"feed","entityId":"*","action":"resync"}""",
        """{"entityType":"user<script>","entityId":"1","action":"updated"}""",
        $$"""{"entityType":"user","entityId":"{{new string('9', 300)}}","action":"updated"}""",
        """{"entityType":"user","entityId":1,"action":"updated"}""",
    };

    [Theory]
    [MemberData(nameof(Dropped))]
    public async Task A_malformed_or_out_of_shape_payload_from_another_role_is_dropped(string payload)
    {
        await using var portal = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
        var feed = await portal.ListeningFeedAsync();
        var seen = new List<ChangeEvent>();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(_ => true, e =>
        {
            lock (seen) seen.Add(e);
            if (e.EntityId == "marker") marker.TrySetResult();
            return Task.CompletedTask;
        });

        await using (var other = new NpgsqlConnection(Fixture.OwnerConnectionString))
        {
            await other.OpenAsync();
            await using var notify = new NpgsqlCommand("SELECT pg_notify('portal_changes', $1)", other);
            // signed with the instances' key ring, so what drops it is its shape (forgery: the tests below)
            notify.Parameters.Add(new() { Value = feed.Sign(payload) });
            await notify.ExecuteNonQueryAsync();
            notify.Parameters[0].Value = feed.Sign("""{"entityType":"user","entityId":"marker","action":"updated"}""");
            await notify.ExecuteNonQueryAsync();   // same session: arrives after the first
        }
        await marker.Task.WaitAsync(Patience);

        lock (seen)
            Assert.Equal(["marker"], seen.Select(e => e.EntityId));
    }

    public static TheoryData<string> Forged => new()
    {
        """{"entityType":"user","entityId":"1","action":"updated"}""",                       // well-formed, unsigned
        """AAAA.{"entityType":"user","entityId":"1","action":"updated"}""",                  // a made-up signature
        ".{\"entityType\":\"user\",\"entityId\":\"1\",\"action\":\"updated\"}",                // an empty one
    };

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task A_forged_notify_from_a_plain_sql_connection_is_dropped(string payload)
    {
        await using var portal = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
        var feed = await portal.ListeningFeedAsync();
        var seen = await SendAsync(feed, Fixture.OwnerConnectionString, payload, feed.Sign(Marker));
        Assert.Equal(["marker"], seen);
    }

    [Fact]
    public async Task A_signature_over_other_json_or_from_another_key_ring_is_dropped()
    {
        await using var portal = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
        var feed = await portal.ListeningFeedAsync();
        var signed = feed.Sign("""{"entityType":"user","entityId":"1","action":"updated"}""");
        var swapped = signed[..signed.IndexOf('.', StringComparison.Ordinal)] + """.{"entityType":"user","entityId":"2","action":"updated"}""";
        await using var stranger = new PostgresChangeFeed(new AdminPortal.Data.PortalDatabase(Fixture.ConnectionString, null),
            portal.GetRequiredService<NpgsqlDataSource>(), new LiveInstance(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresChangeFeed>.Instance,
            new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());   // a key ring of its own
        var strangers = stranger.Sign("""{"entityType":"user","entityId":"3","action":"updated"}""");
        Assert.Equal(["marker"], await SendAsync(feed, Fixture.ConnectionString, swapped, feed.Sign(Marker)));
        Assert.Equal(["marker"], await SendAsync(feed, Fixture.ConnectionString, strangers, feed.Sign(Marker)));
    }

    [Fact]
    public async Task A_signed_event_from_another_instance_is_delivered()
    {
        await using var one = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
        await using var two = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
        var listener = await two.ListeningFeedAsync();
        var heard = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = listener.Subscribe(e => e.EntityId == "from-one", e => { heard.TrySetResult(e); return Task.CompletedTask; });
        var publisher = one.GetRequiredService<PostgresChangeFeed>();
        Assert.NotEqual(publisher.InstanceId, listener.InstanceId);
        await publisher.PublishAsync(new ChangeEvent(EntityTypes.User, "from-one", ChangeActions.Updated));
        Assert.Equal(publisher.InstanceId, (await heard.Task.WaitAsync(Patience)).OriginInstance);
    }

    private const string Marker = """{"entityType":"user","entityId":"marker","action":"updated"}""";

    /// <summary>Sends the payloads from a plain SQL connection and returns the entity ids the feed delivered, once the
    /// last has arrived (it must be the marker).</summary>
    private static async Task<List<string>> SendAsync(PostgresChangeFeed feed, string connectionString, params string[] payloads)
    {
        var seen = new List<string>();
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(_ => true, e =>
        {
            lock (seen) seen.Add(e.EntityId);
            if (e.EntityId == "marker") marker.TrySetResult();
            return Task.CompletedTask;
        });
        await using (var other = new NpgsqlConnection(connectionString))
        {
            await other.OpenAsync();
            foreach (var payload in payloads)
            {
                await using var notify = new NpgsqlCommand("SELECT pg_notify('portal_changes', $1)", other);
                notify.Parameters.Add(new() { Value = payload });
                await notify.ExecuteNonQueryAsync();
            }
        }
        await marker.Task.WaitAsync(Patience);
        lock (seen) return [.. seen];
    }

    [Fact]
    public void The_portals_own_events_pass()
    {
        Assert.Null(ChangePayloadRules.Problem(new ChangeEvent(EntityTypes.Ticket, "42", "escalated", 7, "Asha Admin")
        {
            OriginInstance = new LiveInstance().Id,
            Detail = "visit-1",
        }));
        Assert.Null(ChangePayloadRules.Problem(new ChangeEvent(EntityTypes.Presence, "ticket:42", ChangeActions.Updated)));
    }

    [Fact]
    public void A_burst_of_events_reloads_a_screen_at_most_once_per_window()
    {
        var window = TimeSpan.FromMilliseconds(150);
        var clock = new FakeTimeProvider();
        var reloads = 0;
        using var refresher = new CoalescingRefresher(() => { reloads++; return Task.CompletedTask; }, window, clock);

        // 1,000 events over one second (a forged flood): one reload per window at most, not one per event
        for (var i = 0; i < 1_000; i++)
        {
            refresher.Trigger();
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        clock.Advance(window);
        Assert.InRange(reloads, 1, (int)Math.Ceiling(1_000 / window.TotalMilliseconds) + 1);
    }
}
