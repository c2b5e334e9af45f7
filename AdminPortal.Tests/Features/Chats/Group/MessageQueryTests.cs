using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.Group;
using AdminPortal.Live;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Features.Chats.ChatWorld;

namespace AdminPortal.Tests.Features.Chats.Group;

public sealed class MessageQueryTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly DateTime T0 = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
    private ChatWorld _world = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _world = await CreateAsync(Services, Fixture.CreateDbContextAsync);
    }

    private async Task<(AsyncServiceScope Scope, ChatAccessGrant Grant)> OpenAsync()
    {
        var scope = Scope();
        var grant = (await scope.ServiceProvider.GetRequiredService<ChatAccess>()
            .OpenAsync(Principal(_world.Moderator), _world.GroupId, "report 1: test reading")).Value!;
        return (scope, grant);
    }

    [Fact]
    public async Task Keyset_pages_have_no_gaps_or_repeats_when_timestamps_are_equal()
    {
        List<Message> all;
        await using (var db = await Fixture.CreateDbContextAsync())
            all = await _world.AddMessagesAsync(db, 137, i => T0.AddMinutes(i / 10));   // runs of 10 equal timestamps
        var (scope, grant) = await OpenAsync();
        await using var _ = scope;
        var messages = scope.ServiceProvider.GetRequiredService<MessageQueryService>();

        var seen = new List<Guid>();
        MessageCursor? cursor = null;
        var pages = 0;
        while (true)
        {
            var page = await messages.OlderAsync(grant, cursor, take: 7);
            pages++;
            seen.InsertRange(0, page.Messages.Select(m => m.Id));
            Assert.Equal(page.Messages.OrderBy(m => m.Timestamp).ThenBy(m => m.Id.ToString()).Select(m => m.Id),
                page.Messages.Select(m => m.Id));   // oldest first inside a page
            if (!page.HasMore)
                break;
            cursor = page.Messages[0].Cursor;
        }
        Assert.Equal(20, pages);
        Assert.Equal(137, seen.Count);
        Assert.Equal(137, seen.Distinct().Count());
        Assert.Equal(all.Select(m => m.Id).ToHashSet(), seen.ToHashSet());

        // and forward again from the oldest: the same sequence
        var forward = new List<Guid> { seen[0] };
        var from = (await messages.AroundAsync(grant, seen[0]))!.Messages[0].Cursor;
        while (true)
        {
            var page = await messages.NewerAsync(grant, from, take: 9);
            forward.AddRange(page.Messages.Select(m => m.Id));
            if (!page.HasMore)
                break;
            from = page.Messages[^1].Cursor;
        }
        Assert.Equal(seen, forward);
    }

    [Fact]
    public async Task A_search_hit_opens_in_a_window_around_it_and_a_date_jumps_to_its_first_message()
    {
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            var list = await _world.AddMessagesAsync(db, 120, i => T0.AddHours(i));
            list[70].Text = "Is the 100% cotton_scarf still available?";
            await db.SaveChangesAsync();
        }
        var (scope, grant) = await OpenAsync();
        await using var _ = scope;
        var messages = scope.ServiceProvider.GetRequiredService<MessageQueryService>();

        var found = await messages.SearchAsync(grant, "100% COTTON_");
        var hit = Assert.Single(found.Hits);
        Assert.Contains("cotton_scarf", hit.Text);
        Assert.Null(found.ContinueFrom);   // 120 messages: searched to the first in one step
        Assert.Empty((await messages.SearchAsync(grant, "100x cotton")).Hits);   // % and _ are literal, not wildcards

        var window = (await messages.AroundAsync(grant, hit.Id))!;
        Assert.Equal(hit.Id, window.FocusId);
        Assert.Equal(MessageQueryService.PageSize, window.Messages.Count);
        Assert.Contains(window.Messages, m => m.Id == hit.Id);
        Assert.True(window.HasOlder);
        Assert.True(window.HasNewer);
        Assert.True(window.Messages.Zip(window.Messages.Skip(1)).All(p => p.First.Timestamp < p.Second.Timestamp));

        var day = await messages.FromDateAsync(grant, T0.AddDays(2));
        Assert.Equal(T0.AddDays(2), day.Messages.Single(m => m.Id == day.FocusId).Timestamp);
    }

    [Fact]
    public async Task Windows_among_equal_timestamps_keep_the_database_order()
    {
        await using (var db = await Fixture.CreateDbContextAsync())
            await _world.AddMessagesAsync(db, 30, _ => T0);
        var (scope, grant) = await OpenAsync();
        await using var _ = scope;
        var messages = scope.ServiceProvider.GetRequiredService<MessageQueryService>();
        var all = (await messages.OlderAsync(grant, null, take: 30)).Messages;   // oldest first, as PostgreSQL orders uuids

        var around = (await messages.AroundAsync(grant, all[15].Id, take: 10))!;
        Assert.Equal(all.Skip(11).Take(10).Select(m => m.Id), around.Messages.Select(m => m.Id));
        Assert.True(around.HasOlder && around.HasNewer);
        var day = await messages.FromDateAsync(grant, T0, take: 10);
        Assert.Equal(all.Take(6).Select(m => m.Id), day.Messages.Select(m => m.Id));
        Assert.Equal((all[0].Id, false, true), (day.FocusId!.Value, day.HasOlder, day.HasNewer));
    }

    [Fact]
    public async Task A_search_reads_a_bounded_number_of_messages_per_step_and_says_where_to_go_on()
    {
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            var list = await _world.AddMessagesAsync(db, 120, i => T0.AddHours(i));
            list[100].Text = "the Saffron shawl";
            list[10].Text = "saffron again";
            await db.SaveChangesAsync();
        }
        var (scope, grant) = await OpenAsync();
        await using var _ = scope;
        var messages = scope.ServiceProvider.GetRequiredService<MessageQueryService>();

        var steps = new List<MessageSearchPage>();
        MessageCursor? from = null;
        do
        {
            var step = await messages.SearchAsync(grant, "saffron", from, scanLimit: 30);
            steps.Add(step);
            from = step.ContinueFrom;
        }
        while (from is not null && steps.Count < 10);

        // 120 messages, 30 a step: 90..119, 60..89, 30..59, 0..29, then nothing older
        Assert.Equal(5, steps.Count);
        Assert.Equal(["the Saffron shawl", "saffron again"], steps.SelectMany(p => p.Hits).Select(h => h.Text));
        Assert.Equal([T0.AddHours(90), T0.AddHours(60), T0.AddHours(30), T0], steps.Take(4).Select(p => p.SearchedBackTo!.Value));
        Assert.Equal((0, null), (steps[^1].Hits.Count, steps[^1].ContinueFrom));
    }

    [Fact]
    public async Task A_search_with_more_hits_than_a_page_continues_after_the_last_hit()
    {
        await using (var db = await Fixture.CreateDbContextAsync())
            await _world.AddMessagesAsync(db, 25, i => T0.AddMinutes(i));   // "message 0" .. "message 24"
        var (scope, grant) = await OpenAsync();
        await using var _ = scope;
        var messages = scope.ServiceProvider.GetRequiredService<MessageQueryService>();

        var first = await messages.SearchAsync(grant, "message");
        Assert.Equal(MessageQueryService.SearchLimit, first.Hits.Count);
        Assert.Equal("message 24", first.Hits[0].Text);
        Assert.Null(first.SearchedBackTo);
        var rest = await messages.SearchAsync(grant, "message", first.ContinueFrom);
        Assert.Equal(["message 4", "message 3", "message 2", "message 1", "message 0"], rest.Hits.Select(h => h.Text));
        Assert.Null(rest.ContinueFrom);
    }

    [Fact]
    public async Task Receipts_count_reads_and_deliveries_and_say_who_and_when()
    {
        Message withReceipts, deedO;
        var (asha, ben, chen) = (_world.Members[0], _world.Members[1], _world.Members[2]);
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            withReceipts = new Message { Id = Guid.NewGuid(), GroupId = _world.GroupId, SenderId = asha, Text = "hello", Timestamp = T0 };
            deedO = new Message { Id = Guid.NewGuid(), GroupId = _world.GroupId, SenderId = asha, Text = "read_by only", Timestamp = T0.AddMinutes(1), ReadBy = [ben, chen] };
            db.AddRange(withReceipts, deedO);
            db.Add(new MessageReceipt { MessageId = withReceipts.Id, UserId = ben, DeliveredAt = T0.AddSeconds(5), ReadAt = T0.AddMinutes(3) });
            db.Add(new MessageReceipt { MessageId = withReceipts.Id, UserId = chen, DeliveredAt = T0.AddSeconds(9) });
            await db.SaveChangesAsync();
        }
        var (scope, grant) = await OpenAsync();
        await using var _ = scope;
        var messages = scope.ServiceProvider.GetRequiredService<MessageQueryService>();

        var page = (await messages.OlderAsync(grant, null)).Messages;
        var first = page.Single(m => m.Id == withReceipts.Id);
        Assert.Equal((1, 2), (first.ReadCount, first.DeliveredCount));
        Assert.Equal(2, page.Single(m => m.Id == deedO.Id).ReadCount);

        var receipts = (await messages.ReceiptsAsync(grant, withReceipts.Id))!;
        Assert.Equal(["Ben Okafor", "Chen Li"], receipts.Select(r => r.Name));
        Assert.Equal(T0.AddMinutes(3), receipts[0].ReadAt);
        Assert.Null(receipts[1].ReadAt);
        Assert.Equal(T0.AddSeconds(9), receipts[1].DeliveredAt);
        Assert.Equal(2, (await messages.ReceiptsAsync(grant, deedO.Id))!.Count);
    }

    [Fact]
    public async Task Hiding_and_unhiding_are_reversible_audited_and_published()
    {
        List<Message> list;
        await using (var db = await Fixture.CreateDbContextAsync())
            list = await _world.AddMessagesAsync(db, 2, i => T0.AddMinutes(i));
        var target = list[1];
        var (scope, grant) = await OpenAsync();
        await using var _ = scope;
        var moderation = scope.ServiceProvider.GetRequiredService<MessageModeration>();
        var messages = scope.ServiceProvider.GetRequiredService<MessageQueryService>();
        var events = new List<ChangeEvent>();
        var heard = new TaskCompletionSource();
        using var subscription = Get<IChangeFeed>().Subscribe(e => e.Is(EntityTypes.Message, _world.GroupId.ToString()), e =>
        {
            lock (events) { events.Add(e); if (events.Count == 2) heard.TrySetResult(); }
            return Task.CompletedTask;
        });
        if (Get<IChangeFeed>() is PostgresChangeFeed pg)
            await pg.WhenListeningAsync();

        await moderation.HideAsync(grant, target.Id, "Shares a phone number");
        var hidden = (await messages.ByIdsAsync(grant, [target.Id])).Single().Hidden;
        Assert.NotNull(hidden);
        Assert.Equal(("Shares a phone number", "Mira Moderator"), (hidden.Reason, hidden.ByName));
        Assert.Equal(OutcomeKind.Conflict, (await moderation.HideAsync(grant, target.Id, "twice over")).Kind);

        await moderation.UnhideAsync(grant, target.Id);
        Assert.Null((await messages.ByIdsAsync(grant, [target.Id])).Single().Hidden);
        Assert.Equal(OutcomeKind.Conflict, (await moderation.UnhideAsync(grant, target.Id)).Kind);

        await using var db2 = await Fixture.CreateDbContextAsync();
        var trail = await db2.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == EntityTypes.Message)
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([MessageModeration.HideAction, MessageModeration.UnhideAction], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal((target.Id.ToString(), _world.Moderator), (a.EntityId, a.ActorId!.Value)));
        Assert.Equal("Shares a phone number", trail[0].Reason);
        Assert.Equal("Shares a phone number", trail[1].Before!.RootElement.GetProperty("reason").GetString());
        var row = await db2.Set<Message>().AsNoTracking().SingleAsync(m => m.Id == target.Id);
        Assert.Equal((null, null, null), (row.HiddenAt, row.HiddenBy, row.HiddenReason));

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([MessageModeration.Hidden, MessageModeration.Unhidden], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(target.Id.ToString(), e.Detail));
    }

    [Fact]
    public async Task Ingest_adds_the_message_moves_the_group_and_publishes_it()
    {
        var heard = new TaskCompletionSource<ChangeEvent>();
        using var subscription = Get<IChangeFeed>().Subscribe(e => e.Is(EntityTypes.Message, _world.GroupId.ToString()),
            e => { heard.TrySetResult(e); return Task.CompletedTask; });
        if (Get<IChangeFeed>() is PostgresChangeFeed pg)
            await pg.WhenListeningAsync();
        await using var scope = Scope();
        var id = await scope.ServiceProvider.GetRequiredService<MessageIngest>().AddAsync(_world.GroupId, _world.Members[1],
            "fresh one", [new Attachment("/assets/chat/photo.svg", AttachmentType.Image)]);

        var e = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((ChangeActions.Created, id.ToString()), (e.Action, e.Detail));
        await using var db = await Fixture.CreateDbContextAsync();
        var group = await db.Set<ChatGroup>().AsNoTracking().SingleAsync(g => g.Id == _world.GroupId);
        Assert.Equal(id, group.LastMessageId);
        var message = await db.Set<Message>().AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal(AttachmentType.Image, Assert.Single(message.Attachments).Type);
    }
}
