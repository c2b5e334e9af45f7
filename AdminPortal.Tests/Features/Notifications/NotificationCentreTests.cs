using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Features.Notifications;
using AdminPortal.Features.Notifications.Centre;
using AdminPortal.Features.Notifications.Email;
using AdminPortal.Features.Notifications.Moderation;
using AdminPortal.Features.Notifications.Preferences;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Notifications;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Notifications;

/// <summary>The notification centre on PostgreSQL: moderators' notifications, preferences and channels, e-mail over a
/// real SMTP listener, marking, keyset paging, and only one's own.</summary>
[Collection(SecondDatabaseCollection.Name)]
public sealed class NotificationCentreTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private async Task<(ClaimsPrincipal Admin, ClaimsPrincipal Moderator, int ModeratorId, string ProductId)> DemoAsync()
    {
        await Fixture.SeedDemoAsync();
        await using var db = await Fixture.CreateDbContextAsync();
        var admin = await db.Users.SingleAsync(u => u.Email == "admin@adminportal.demo");
        var moderator = await db.Users.SingleAsync(u => u.Email == "moderator@adminportal.demo");
        var product = await db.Set<Product>().Where(p => p.PublishingStatus == PublishingStatus.Suggestion).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        // start from a clean outbox: the demo's own rows are not what these tests are about
        await db.Set<OutboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAt, DateTime.UtcNow));
        await db.Set<PortalNotification>().ExecuteDeleteAsync();
        return (As(admin.Id), As(moderator.Id), moderator.Id, product);
    }

    private static ClaimsPrincipal As(int id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString(CultureInfo.InvariantCulture))], "test"));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act, IServiceProvider? services = null)
    {
        await using var scope = (services ?? Services).CreateAsyncScope();
        return await act(scope.ServiceProvider);
    }

    private async Task DecideAsync(ClaimsPrincipal who, string productId, ModerationAction action = ModerationAction.Approve)
    {
        var outcome = await InScopeAsync(sp => sp.GetRequiredService<ProductModeration>()
            .DecideAsync(who, new ProductDecision(productId, action, null, action == ModerationAction.Reject ? "Prohibited item" : null)));
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    private async Task<List<PortalNotification>> NotesAsync(int userId)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await db.Set<PortalNotification>().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync();
    }

    private async Task SettingsAsync(int userId, bool inApp = true, bool email = true, object? prefs = null)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        db.Add(new NotificationSetting
        {
            UserId = userId, InAppEnabled = inApp, EmailEnabled = email,
            Preferences = prefs is null ? null : JsonSerializer.SerializeToDocument(prefs),
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_moderator_hears_once_when_someone_else_decides_a_suggestion_they_opened()
    {
        var (admin, moderator, moderatorId, product) = await DemoAsync();
        Assert.True(await InScopeAsync(sp => sp.GetRequiredService<ReviewVisits>().OpenedAsync(moderator, product)));

        await DecideAsync(admin, product);
        await Get<OutboxDispatcher>().RunOnceAsync();
        await Get<OutboxDispatcher>().RunOnceAsync();

        var note = Assert.Single(await NotesAsync(moderatorId));
        Assert.Equal(NotificationEvents.SuggestionDecidedType, note.Kind);
        Assert.Equal($"/products/{product}", note.Link);
        Assert.Contains("was approved by", note.Title, StringComparison.Ordinal);
        var page = await InScopeAsync(sp => sp.GetRequiredService<NotificationCentre>().PageAsync(moderator, new NotificationCentreQuery()));
        Assert.Equal(note.Id, Assert.Single(page.Rows).Id);
        Assert.Equal(1, page.Unread);
    }

    [Fact]
    public async Task A_decision_wakes_the_running_dispatcher_so_the_notification_does_not_wait_for_the_next_pass()
    {
        // the fixture's clock is fake and never moves here: the dispatcher's timer never ticks after its first pass, so
        // the notification can only come from the wake the decision's change event gives it
        await using var services = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock);
        var (admin, moderator, moderatorId, product) = await DemoAsync();
        await InScopeAsync(sp => sp.GetRequiredService<ReviewVisits>().OpenedAsync(moderator, product), services);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < 200 && dispatcher.LastPassAt is null; i++)
                await Task.Delay(50);
            Assert.NotNull(dispatcher.LastPassAt);

            await InScopeAsync(async sp =>
            {
                var outcome = await sp.GetRequiredService<ProductModeration>().DecideAsync(admin, new ProductDecision(product, ModerationAction.Approve, null, null));
                Assert.True(outcome.Succeeded, outcome.Message);
                return outcome;
            }, services);

            var notes = await NotesAsync(moderatorId);
            for (var i = 0; i < 300 && notes.Count == 0; i++)
            {
                await Task.Delay(50);
                notes = await NotesAsync(moderatorId);
            }
            Assert.Equal(NotificationEvents.SuggestionDecidedType, Assert.Single(notes).Kind);
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Deciding_what_one_opened_oneself_tells_nobody()
    {
        var (_, moderator, moderatorId, product) = await DemoAsync();
        await InScopeAsync(sp => sp.GetRequiredService<ReviewVisits>().OpenedAsync(moderator, product));

        await DecideAsync(moderator, product, ModerationAction.Reject);
        await Get<OutboxDispatcher>().RunOnceAsync();

        Assert.Empty(await NotesAsync(moderatorId));
    }

    [Fact]
    public async Task The_event_switch_off_means_no_notification_on_any_channel()
    {
        var (admin, moderator, moderatorId, product) = await DemoAsync();
        await SettingsAsync(moderatorId, prefs: new { suggestion_decided = false });
        await InScopeAsync(sp => sp.GetRequiredService<ReviewVisits>().OpenedAsync(moderator, product));

        await DecideAsync(admin, product);
        await Get<OutboxDispatcher>().RunOnceAsync();

        Assert.Empty(await NotesAsync(moderatorId));
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.False(await db.Set<OutboxMessage>().AnyAsync(o => o.EventType == NotificationEvents.EmailType));
    }

    [Fact]
    public async Task E_mail_goes_through_the_outbox_to_a_real_smtp_server_and_in_app_off_is_honoured()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using var services = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock,
            s => s.Configure<SmtpOptions>(o => { o.Host = "127.0.0.1"; o.Port = smtp.Port; o.Security = "None"; o.PortalUrl = "https://portal.example"; }));
        var (admin, moderator, moderatorId, product) = await DemoAsync();
        await SettingsAsync(moderatorId, inApp: false, email: true);
        await InScopeAsync(sp => sp.GetRequiredService<ReviewVisits>().OpenedAsync(moderator, product), services);

        await InScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<ProductModeration>().DecideAsync(admin, new ProductDecision(product, ModerationAction.Approve, null, null));
            Assert.True(outcome.Succeeded);
            return outcome;
        }, services);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.RunOnceAsync();   // the decision: an e-mail row, no in-app notification
        Assert.Empty(await NotesAsync(moderatorId));
        await dispatcher.RunOnceAsync();   // the e-mail row: sent

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("moderator@adminportal.demo", mail.To.Mailboxes.Single().Address);
        Assert.Contains("was approved by", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example/products/{product}", mail.TextBody, StringComparison.Ordinal);
        await using var db = await Fixture.CreateDbContextAsync();
        var row = await db.Set<OutboxMessage>().SingleAsync(o => o.EventType == NotificationEvents.EmailType);
        Assert.NotNull(row.ProcessedAt);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task A_failing_smtp_server_leaves_the_e_mail_pending_with_its_error_and_attempts()
    {
        await using var services = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock,
            s => s.Configure<SmtpOptions>(o => { o.Host = "127.0.0.1"; o.Port = SmtpListener.FreePort(); o.Security = "None"; }));
        var (admin, moderator, moderatorId, product) = await DemoAsync();
        await InScopeAsync(sp => sp.GetRequiredService<ReviewVisits>().OpenedAsync(moderator, product), services);
        await DecideAsync(admin, product);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();

        await dispatcher.RunOnceAsync();
        await dispatcher.RunOnceAsync();
        await dispatcher.RunOnceAsync();

        Assert.Single(await NotesAsync(moderatorId));   // in-app still delivered
        await using var db = await Fixture.CreateDbContextAsync();
        var row = await db.Set<OutboxMessage>().SingleAsync(o => o.EventType == NotificationEvents.EmailType);
        Assert.Null(row.ProcessedAt);
        Assert.Equal(2, row.Attempts);
        Assert.False(string.IsNullOrEmpty(row.LastError));
    }

    [Fact]
    public async Task Waiting_suggestions_are_announced_once_across_passes_and_instances()
    {
        var (_, moderator, moderatorId, _) = await DemoAsync();
        Fixture.Clock.Advance(TimeSpan.FromDays(30));   // every demo suggestion has now waited past the limit
        await using var second = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock);

        var found = await Task.WhenAll(
            Task.Run(() => Get<WaitingSuggestionsPass>().RunOnceAsync()),
            Task.Run(() => second.GetRequiredService<WaitingSuggestionsPass>().RunOnceAsync()));
        var again = await Get<WaitingSuggestionsPass>().RunOnceAsync();
        await Get<OutboxDispatcher>().RunOnceAsync();
        await Get<OutboxDispatcher>().RunOnceAsync();

        await using var db = await Fixture.CreateDbContextAsync();
        var waiting = await db.Set<Product>().CountAsync(p => p.PublishingStatus == PublishingStatus.Suggestion);
        Assert.True(waiting > 0);
        Assert.Equal(waiting, found.Sum());
        Assert.Equal(0, again);
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(o => o.EventType == NotificationEvents.SuggestionsWaitingType));
        var note = Assert.Single(await NotesAsync(moderatorId));
        Assert.Equal(NotificationEvents.SuggestionsWaitingType, note.Kind);
        Assert.StartsWith("/products", note.Link, StringComparison.Ordinal);
    }

    private async Task<List<long>> SeedNotesAsync(int userId, int count)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var start = Fixture.Clock.GetUtcNow().UtcDateTime;
        var notes = Enumerable.Range(0, count).Select(i => new PortalNotification
        {
            UserId = userId, Kind = "ticket.assigned", Title = $"Note {i}", Link = "/tickets",
            CreatedAt = start.AddMinutes(-(i / 2)),   // pairs share a time: the id breaks the tie
            ReadAt = i % 3 == 0 ? start : null,
        }).ToList();
        db.AddRange(notes);
        await db.SaveChangesAsync();
        return notes.Select(n => n.Id).ToList();
    }

    [Fact]
    public async Task Pages_go_newest_first_by_keyset_without_gaps_or_repeats_and_filter_unread()
    {
        var (_, moderator, moderatorId, _) = await DemoAsync();
        await SeedNotesAsync(moderatorId, 30);
        var centre = (NotificationCentreQuery q) => InScopeAsync(sp => sp.GetRequiredService<NotificationCentre>().PageAsync(moderator, q));

        var first = await centre(new NotificationCentreQuery());
        var second = await centre(new NotificationCentreQuery(Before: first.Older));
        var unread = await centre(new NotificationCentreQuery(UnreadOnly: true));

        Assert.Equal(25, first.Rows.Count);
        Assert.Equal(5, second.Rows.Count);
        Assert.Null(second.Older);
        var all = first.Rows.Concat(second.Rows).ToList();
        Assert.Equal(30, all.Select(r => r.Id).Distinct().Count());
        Assert.Equal(all.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id), all.Select(r => r.Id));
        Assert.Equal(20, first.Unread);
        Assert.Equal(20, unread.Rows.Count);
        Assert.All(unread.Rows, r => Assert.True(r.Unread));
    }

    [Fact]
    public async Task Marking_read_and_unread_touches_only_ones_own()
    {
        var (admin, moderator, moderatorId, _) = await DemoAsync();
        var mine = await SeedNotesAsync(moderatorId, 3);
        var centre = (IServiceProvider sp) => sp.GetRequiredService<NotificationCentre>();

        var read = await InScopeAsync(sp => centre(sp).MarkAsync(moderator, mine[1], read: true));
        var adminTries = await InScopeAsync(sp => centre(sp).MarkAsync(admin, mine[2], read: true));
        var unread = await InScopeAsync(sp => centre(sp).MarkAsync(moderator, mine[0], read: false));
        var adminAll = await InScopeAsync(sp => centre(sp).MarkAllReadAsync(admin));

        Assert.Equal(OutcomeKind.Done, read.Kind);
        Assert.Equal(OutcomeKind.NotFound, adminTries.Kind);
        Assert.Equal(OutcomeKind.Done, unread.Kind);
        Assert.Equal(OutcomeKind.Done, adminAll.Kind);
        var notes = await NotesAsync(moderatorId);
        Assert.Null(notes.Single(n => n.Id == mine[0]).ReadAt);   // was read: now unread
        Assert.NotNull(notes.Single(n => n.Id == mine[1]).ReadAt);
        Assert.Null(notes.Single(n => n.Id == mine[2]).ReadAt);   // the admin's attempts changed nothing of it

        var all = await InScopeAsync(sp => centre(sp).MarkAllReadAsync(moderator));
        Assert.Equal("Marked 2 as read.", all.Message);
        Assert.All(await NotesAsync(moderatorId), n => Assert.NotNull(n.ReadAt));
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        await DemoAsync();
        var nobody = new ClaimsPrincipal(new ClaimsIdentity());
        await Assert.ThrowsAsync<AccessDeniedException>(() => InScopeAsync(sp => sp.GetRequiredService<NotificationCentre>().PageAsync(nobody, new NotificationCentreQuery())));
        await Assert.ThrowsAsync<AccessDeniedException>(() => InScopeAsync(sp => sp.GetRequiredService<NotificationPreferences>().ReadAsync(nobody)));
    }

    [Fact]
    public async Task Preferences_are_stored_in_the_settings_row_and_unavailable_channels_refused()
    {
        var (_, moderator, moderatorId, _) = await DemoAsync();
        var prefs = (IServiceProvider sp) => sp.GetRequiredService<NotificationPreferences>();

        var view = await InScopeAsync(sp => prefs(sp).ReadAsync(moderator));
        var saved = await InScopeAsync(sp => prefs(sp).SaveAsync(moderator, new PreferencesInput(
            new Dictionary<string, bool> { [NotificationEvents.SuggestionsWaiting] = false },
            new Dictionary<string, bool> { [NotificationChannels.InApp] = false })));
        var ticketEvent = await InScopeAsync(sp => prefs(sp).SaveAsync(moderator, new PreferencesInput(
            new Dictionary<string, bool> { [NotificationEvents.TicketUpdates] = false }, new Dictionary<string, bool>())));
        var slack = await InScopeAsync(sp => prefs(sp).SaveAsync(moderator, new PreferencesInput(
            new Dictionary<string, bool>(), new Dictionary<string, bool> { [NotificationChannels.Email] = false, [NotificationChannels.Slack] = true })));
        var after = await InScopeAsync(sp => prefs(sp).ReadAsync(moderator));

        // a moderator is offered the moderation events only; e-mail, Slack and push have no sender here
        Assert.Equal([NotificationEvents.SuggestionDecided, NotificationEvents.SuggestionsWaiting], view.Events.Select(e => e.Key));
        Assert.Equal([NotificationChannels.InApp], view.Channels.Where(c => c.Unavailable is null).Select(c => c.Key));
        Assert.Equal(OutcomeKind.Done, saved.Kind);
        Assert.Equal(NotificationPreferences.EventsField, ticketEvent.ErrorFor(NotificationPreferences.EventsField) is null ? null : NotificationPreferences.EventsField);
        Assert.Equal(OutcomeKind.Refused, ticketEvent.Kind);
        Assert.Equal(OutcomeKind.Done, slack.Kind);   // Slack already stored on (the default): unchanged, not refused
        Assert.False(after.Events.Single(e => e.Key == NotificationEvents.SuggestionsWaiting).On);
        Assert.False(after.Channels.Single(c => c.Key == NotificationChannels.InApp).On);
        await using var db = await Fixture.CreateDbContextAsync();
        var row = await db.Set<NotificationSetting>().SingleAsync(s => s.UserId == moderatorId);
        Assert.False(row.InAppEnabled);
        Assert.True(row.EmailEnabled);   // e-mail is unavailable: its stored switch stays as it was
        Assert.False(row.Preferences!.RootElement.GetProperty(NotificationEvents.SuggestionsWaiting).GetBoolean());
    }
}
