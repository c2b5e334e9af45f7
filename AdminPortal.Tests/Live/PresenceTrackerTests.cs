using AdminPortal.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Live;

public sealed class PresenceTrackerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly InProcessChangeFeed _feed;
    private readonly PresenceTracker _presence;

    public PresenceTrackerTests()
    {
        _feed = new InProcessChangeFeed(new LiveInstance(), _clock, NullLogger<InProcessChangeFeed>.Instance);
        _presence = new PresenceTracker(_feed, _clock, NullLogger<PresenceTracker>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _presence.Dispose();
        await _feed.DisposeAsync();
    }

    [Fact]
    public void Enter_shows_the_user_and_dispose_removes_them()
    {
        var visit = _presence.Enter(EntityTypes.Ticket, "42", 7, "Asha Rao", "circuit-1");

        var who = Assert.Single(_presence.Who(EntityTypes.Ticket, "42"));
        Assert.Equal((7, "Asha Rao", "AR"), (who.UserId, who.UserName, who.Initials));
        Assert.Empty(_presence.Who(EntityTypes.Ticket, "43"));

        visit.Dispose();
        Assert.Empty(_presence.Who(EntityTypes.Ticket, "42"));
    }

    [Fact]
    public void A_type_watch_hears_every_entity_of_that_type_with_its_id_until_disposed()
    {
        var heard = new List<string>();
        var watch = _presence.WatchType(EntityTypes.Product, heard.Add);

        using (_presence.Enter(EntityTypes.Product, "p-1", 7, "Asha Rao", "circuit-1"))
        using (_presence.Enter(EntityTypes.Ticket, "42", 7, "Asha Rao", "circuit-1"))
            _presence.Enter(EntityTypes.Product, "p-2", 8, "Ben Okafor", "circuit-2").Dispose();
        Assert.Equal(["p-1", "p-2", "p-2", "p-1"], heard);   // entered and left, tickets not heard

        watch.Dispose();
        _presence.Enter(EntityTypes.Product, "p-3", 7, "Asha Rao", "circuit-1").Dispose();
        Assert.Equal(4, heard.Count);
    }

    [Fact]
    public void Watchers_hear_only_their_entity_and_a_disposed_one_stops_hearing_while_the_others_of_it_go_on()
    {
        var (first, second, other) = (0, 0, 0);
        var firstWatch = _presence.Watch(EntityTypes.Product, "p-1", () => first++);
        using var secondWatch = _presence.Watch(EntityTypes.Product, "p-1", () => second++);
        using var otherWatch = _presence.Watch(EntityTypes.Product, "p-2", () => other++);

        using (_presence.Enter(EntityTypes.Product, "p-1", 7, "Asha Rao", "circuit-1"))
            Assert.Equal((1, 1, 0), (first, second, other));
        Assert.Equal((2, 2, 0), (first, second, other));   // the leave too

        firstWatch.Dispose();
        firstWatch.Dispose();   // twice is harmless
        using (_presence.Enter(EntityTypes.Product, "p-1", 7, "Asha Rao", "circuit-1"))
            Assert.Equal((2, 3, 0), (first, second, other));
        using (_presence.Enter(EntityTypes.Product, "p-2", 7, "Asha Rao", "circuit-1"))
            Assert.Equal((2, 4, 1), (first, second, other));
    }

    [Fact]
    public void The_same_user_in_two_tabs_counts_once_and_stays_until_both_leave()
    {
        var first = _presence.Enter(EntityTypes.Ticket, "42", 7, "Asha", "circuit-1");
        using var second = _presence.Enter(EntityTypes.Ticket, "42", 7, "Asha", "circuit-2");
        Assert.Single(_presence.Who(EntityTypes.Ticket, "42"));

        first.Dispose();
        Assert.Single(_presence.Who(EntityTypes.Ticket, "42"));
    }

    [Fact]
    public void A_closed_circuit_leaves_everything_it_entered()
    {
        _presence.Enter(EntityTypes.Ticket, "42", 7, "Asha", "circuit-1");
        _presence.Enter(EntityTypes.Product, "9", 7, "Asha", "circuit-1");
        _presence.Enter(EntityTypes.Product, "9", 8, "Ben", "circuit-2");

        _presence.LeaveCircuit("circuit-1");

        Assert.Empty(_presence.Who(EntityTypes.Ticket, "42"));
        Assert.Equal(["Ben"], _presence.Who(EntityTypes.Product, "9").Select(p => p.UserName));
    }

    [Fact]
    public void Local_visits_never_expire_while_open()
    {
        using var visit = _presence.Enter(EntityTypes.Ticket, "42", 7, "Asha", "circuit-1");
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(_presence.Who(EntityTypes.Ticket, "42"));
    }

    [Fact]
    public void A_remote_visit_expires_after_silence_and_watchers_hear_of_it()
    {
        var changes = 0;
        using var watch = _presence.Watch(EntityTypes.Ticket, "42", () => changes++);

        _presence.Apply(Remote(PresenceTracker.Arrive));
        Assert.Equal(["Chen"], _presence.Who(EntityTypes.Ticket, "42").Select(p => p.UserName));
        Assert.Equal(1, changes);

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(_presence.Who(EntityTypes.Ticket, "42"));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_presence.Who(EntityTypes.Ticket, "42"));
        Assert.Equal(2, changes);   // the heartbeat pruned it and said so
    }

    [Fact]
    public void Remote_heartbeats_keep_a_visit_and_a_leave_ends_it_at_once()
    {
        _presence.Apply(Remote(PresenceTracker.Arrive));
        _clock.Advance(TimeSpan.FromSeconds(25));
        _presence.Apply(Remote(PresenceTracker.Beat));
        _clock.Advance(TimeSpan.FromSeconds(25));
        Assert.Single(_presence.Who(EntityTypes.Ticket, "42"));

        _presence.Apply(Remote(PresenceTracker.Leave));
        Assert.Empty(_presence.Who(EntityTypes.Ticket, "42"));
    }

    [Fact]
    public async Task Entering_publishes_a_presence_event_on_the_feed()
    {
        var published = new List<ChangeEvent>();
        using var s = _feed.Subscribe(e => e.EntityType == EntityTypes.Presence,
            e => { lock (published) published.Add(e); return Task.CompletedTask; });
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var m = _feed.Subscribe(e => e.EntityType == "marker", _ => { marker.TrySetResult(); return Task.CompletedTask; });

        using var visit = _presence.Enter(EntityTypes.Ticket, "42", 7, "Asha", "circuit-1");
        _ = _feed.PublishAsync(new ChangeEvent("marker", "0", "x"));
        await marker.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var e = Assert.Single(published);
        Assert.Equal(("ticket:42", PresenceTracker.Arrive, 7, "Asha"), (e.EntityId, e.Action, e.ActorId, e.ActorName));
    }

    private ChangeEvent Remote(string action) =>
        new(EntityTypes.Presence, "ticket:42", action, 9, "Chen") { OriginInstance = "other-instance", Detail = "visit-1" };
}
