using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.Group;
using AdminPortal.Live;
using AdminPortal.Shared;

namespace AdminPortal.Tests.Features.Chats.Group;

public sealed class MessageListStateTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int Page = 50;

    /// <summary>A group's messages in memory, paged as MessageQueryService pages them (oldest first, 50 a page).</summary>
    private sealed class FakeGroup : IMessageReader
    {
        public List<MessageView> All { get; } = [];
        public int Reads { get; private set; }

        public MessageView Add(string? text = null)
        {
            var m = new MessageView(Guid.NewGuid(), 1, "a", text ?? $"m{All.Count}", [], T0.AddMinutes(All.Count), null, 0, 0, null);
            All.Add(m);
            return m;
        }

        public void AddMany(int count) { for (var i = 0; i < count; i++) Add(); }

        public Task<MessagePage> OlderAsync(MessageCursor? before)
        {
            Reads++;
            var older = All.Where(m => before is null || m.Timestamp < before.Timestamp).ToList();
            return Task.FromResult(new MessagePage(older.TakeLast(Page).ToList(), older.Count > Page));
        }

        public Task<MessagePage> NewerAsync(MessageCursor after)
        {
            Reads++;
            var newer = All.Where(m => m.Timestamp > after.Timestamp).ToList();
            return Task.FromResult(new MessagePage(newer.Take(Page).ToList(), newer.Count > Page));
        }

        public Task<IReadOnlyList<MessageView>> ByIdsAsync(IReadOnlyCollection<Guid> ids)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<MessageView>>(All.Where(m => ids.Contains(m.Id)).ToList());
        }

        public Task<MessageWindowPage?> AroundAsync(Guid messageId)
        {
            var i = All.FindIndex(m => m.Id == messageId);
            if (i < 0)
                return Task.FromResult<MessageWindowPage?>(null);
            var start = Math.Max(0, i - Page / 2 + 1);
            var window = All.Skip(start).Take(Page).ToList();
            return Task.FromResult<MessageWindowPage?>(new MessageWindowPage(window, start > 0, start + window.Count < All.Count, messageId));
        }

        public async Task<MessageWindowPage> FromDateAsync(DateTime fromUtc) =>
            (await AroundAsync(All.First(m => m.Timestamp >= fromUtc).Id))!;
    }

    private static ChangeEvent Arrived() => new(EntityTypes.Message, "g", ChangeActions.Created);

    private static ChangeEvent Changed(Guid id) => new(EntityTypes.Message, "g", MessageModeration.Hidden) { Detail = id.ToString() };

    private static Task<bool> AtBottom() => Task.FromResult(true);

    private static Task<bool> ScrolledUp() => Task.FromResult(false);

    [Fact]
    public async Task The_newest_page_opens_scrolled_to_the_bottom()
    {
        var group = new FakeGroup();
        group.AddMany(120);
        var state = new MessageListState(group);

        await state.ShowLatestAsync();

        Assert.Equal(("m70", "m119", true, false), (state.Window.Messages[0].Text, state.Window.Messages[^1].Text, state.Window.HasOlder, state.Window.HasNewer));
        Assert.True(state.Loaded);
        Assert.Equal(ScrollTo.Bottom, state.TakeScroll());
        Assert.Equal(ScrollTo.None, state.TakeScroll());   // asked once
    }

    [Fact]
    public async Task Arrivals_at_the_live_end_are_appended_and_scrolled_to_or_counted_when_the_reader_scrolled_up()
    {
        var group = new FakeGroup();
        group.AddMany(10);
        var state = new MessageListState(group);
        await state.ShowLatestAsync();
        state.TakeScroll();

        group.Add("live 1");
        state.Heard(Arrived());
        await state.CatchUpAsync(AtBottom);
        Assert.Equal(("live 1", 0, ScrollTo.Bottom), (state.Window.Messages[^1].Text, state.Unseen, state.TakeScroll()));

        group.Add("live 2");
        group.Add("live 3");
        state.Heard(Arrived());
        state.Heard(Arrived());
        await state.CatchUpAsync(ScrolledUp);
        Assert.Equal(("live 3", 2, ScrollTo.None), (state.Window.Messages[^1].Text, state.Unseen, state.TakeScroll()));

        Assert.True(state.SeenLatest());   // the reader scrolled down to them
        Assert.Equal(0, state.Unseen);
        Assert.False(state.SeenLatest());
    }

    [Fact]
    public async Task A_reader_far_back_only_gets_the_count_and_nothing_is_read()
    {
        var group = new FakeGroup();
        group.AddMany(200);
        var state = new MessageListState(group);
        await state.ShowAroundAsync(group.All[20].Id);
        Assert.True(state.Window.HasNewer);
        var reads = group.Reads;

        group.Add("live");
        state.Heard(Arrived());
        await state.CatchUpAsync(AtBottom);

        Assert.Equal((1, reads), (state.Unseen, group.Reads));
        Assert.DoesNotContain(state.Window.Messages, m => m.Text == "live");
        Assert.False(state.SeenLatest());   // not at the live end: still unseen

        await state.ShowLatestAsync();   // the "n new messages" button
        Assert.Equal(("live", 0, ScrollTo.Bottom), (state.Window.Messages[^1].Text, state.Unseen, state.Scroll));
    }

    [Fact]
    public async Task A_burst_larger_than_the_catch_up_stops_after_its_pages_and_leaves_load_newer()
    {
        var group = new FakeGroup();
        group.AddMany(5);
        var state = new MessageListState(group, windowSize: 1000);
        await state.ShowLatestAsync();

        var burst = MessageListState.CatchUpPages * Page + 30;
        group.AddMany(burst);
        for (var i = 0; i < burst; i++)
            state.Heard(Arrived());
        await state.CatchUpAsync(ScrolledUp);

        Assert.Equal(5 + MessageListState.CatchUpPages * Page, state.Window.Messages.Count);
        Assert.True(state.Window.HasNewer);
        Assert.Equal(MessageListState.CatchUpPages * Page, state.Unseen);

        Assert.True(await state.LoadNewerAsync());
        Assert.Equal((false, 0, ScrollTo.Anchor), (state.Window.HasNewer, state.Unseen, state.Scroll));
    }

    [Fact]
    public async Task A_message_changed_in_the_window_is_read_again_and_one_outside_is_not()
    {
        var group = new FakeGroup();
        group.AddMany(80);
        var state = new MessageListState(group);
        await state.ShowLatestAsync();
        var inWindow = group.All[^1];
        var outside = group.All[0];
        group.All[^1] = inWindow with { Hidden = new HiddenInfo(T0, "Mira", "rude") };

        state.Heard(Changed(inWindow.Id));
        state.Heard(Changed(outside.Id));
        var reads = group.Reads;
        await state.CatchUpAsync(AtBottom);

        Assert.Equal("rude", state.Window.Messages[^1].Hidden?.Reason);
        Assert.Equal(reads + 2, group.Reads);   // the changed one by id, then the (empty) newer page
        Assert.Equal(0, state.Unseen);
    }

    [Fact]
    public async Task Scrolling_back_loads_older_pages_into_the_bounded_window()
    {
        var group = new FakeGroup();
        group.AddMany(400);
        var state = new MessageListState(group, windowSize: 120);
        await state.ShowLatestAsync();

        Assert.True(await state.LoadOlderAsync());
        Assert.True(await state.LoadOlderAsync());

        Assert.Equal((120, "m250", true, true), (state.Window.Messages.Count, state.Window.Messages[0].Text, state.Window.HasOlder, state.Window.HasNewer));
        Assert.Equal(ScrollTo.Anchor, state.TakeScroll());
    }

    [Fact]
    public async Task Opening_a_hit_focuses_it_and_a_message_gone_from_the_chat_is_reported_not_thrown()
    {
        var group = new FakeGroup();
        group.AddMany(200);
        var state = new MessageListState(group);
        await state.ShowLatestAsync();

        await state.ShowAroundAsync(group.All[30].Id);
        Assert.Equal((group.All[30].Id, ScrollTo.Focus), (state.Focus, state.Scroll));
        Assert.Contains(state.Window.Messages, m => m.Id == group.All[30].Id);

        var before = state.Window.Messages;
        await state.ShowAroundAsync(Guid.NewGuid());
        Assert.Equal(OutcomeKind.NotFound, state.Gate.Last?.Kind);
        Assert.Same(before, state.Window.Messages);

        await state.JumpToDateAsync(T0.AddMinutes(150));
        Assert.Equal(group.All[150].Id, state.Focus);
    }

    [Fact]
    public async Task A_moderation_action_reads_the_message_again_whatever_it_said()
    {
        var group = new FakeGroup();
        group.AddMany(3);
        var state = new MessageListState(group);
        await state.ShowLatestAsync();
        var target = group.All[1];
        group.All[1] = target with { Hidden = new HiddenInfo(T0, "Ben", "spam") };   // someone else hid it first

        var outcome = await state.ModerateAsync(target.Id, () => Task.FromResult(Outcome.Conflict("This message is already hidden.", "Ben")));

        Assert.Equal(OutcomeKind.Conflict, outcome?.Kind);
        Assert.Same(outcome, state.Gate.Last);
        Assert.Equal("spam", state.Window.Messages[1].Hidden?.Reason);
    }
}
