using AdminPortal.Live;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AdminPortal.Tests.Live;

/// <summary>
/// A NOTIFY on portal_changes is input: any role may send one (here the owner, not the portal's role). Malformed and
/// out-of-shape payloads are logged and dropped; a burst reloads a screen at most once per coalescing window.
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
            notify.Parameters.Add(new() { Value = payload });
            await notify.ExecuteNonQueryAsync();
            notify.Parameters[0].Value = """{"entityType":"user","entityId":"marker","action":"updated"}""";
            await notify.ExecuteNonQueryAsync();   // same session: arrives after the first
        }
        await marker.Task.WaitAsync(Patience);

        lock (seen)
            Assert.Equal(["marker"], seen.Select(e => e.EntityId));
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
