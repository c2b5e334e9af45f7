using System.Security.Claims;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Operations;
using AdminPortal.Features.Operations.SystemScreen;
using AdminPortal.Features.Tickets.Notifications;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Operations;

/// <summary>/system's outbox: failed events listed, retried and discarded with a reason, audited, never under the dispatcher.</summary>
public sealed class OutboxConsoleTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private ClaimsPrincipal _admin = null!;
    private ClaimsPrincipal _moderator = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Scope())
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
        await using var db = await Fixture.CreateDbContextAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        _admin = ProductTestData.Principal(users["admin@adminportal.demo"]);
        _moderator = ProductTestData.Principal(users["moderator@adminportal.demo"]);
    }

    private sealed record Key(long Id, long Version);

    /// <summary>An event about a ticket that does not exist (the dispatcher handles it by notifying nobody).</summary>
    private async Task<(long Id, uint Version)> EventAsync(int attempts, string? error = "Ticket 404 has no assignee", int minutesAgo = 10)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var at = Fixture.Clock.GetUtcNow().UtcDateTime.AddMinutes(-minutesAgo);
        var key = (await db.Database.SqlQuery<Key>($"""
            INSERT INTO helpdesk.outbox (event_type, payload, created_at, attempts, last_error)
            VALUES ('ticket.assigned', jsonb_build_object('ticket_id', 404), {at}, {attempts}, {error})
            RETURNING id, xmin::text::bigint AS version
            """).ToListAsync()).Single();
        return (key.Id, (uint)key.Version);
    }

    private async Task<(int Attempts, DateTime? ProcessedAt, string? LastError)> RowAsync(long id)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var row = await db.Set<AdminPortal.Features.Tickets.Model.OutboxMessage>().AsNoTracking().SingleAsync(o => o.Id == id);
        return (row.Attempts, row.ProcessedAt, row.LastError);
    }

    private async Task<List<AuditLogEntry>> AuditAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == OutboxConsole.EntityType).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Failed_events_are_listed_as_failed_apart_from_waiting_ones_newest_first_by_keyset()
    {
        var failedOld = await EventAsync(OutboxDispatcher.MaxAttempts, minutesAgo: 30);
        var failedNew = await EventAsync(OutboxDispatcher.MaxAttempts, minutesAgo: 20);
        var waiting = await EventAsync(1, minutesAgo: 5);
        await using var scope = Scope();
        var queries = scope.ServiceProvider.GetRequiredService<SystemQueryService>();

        var failed = await queries.OutboxAsync(_admin, new OutboxQuery(OutboxShow.Failed, null, 25));
        var firstOfAll = await queries.OutboxAsync(_admin, new OutboxQuery(OutboxShow.Stuck, null, 25) with { PageSize = 25 });
        var one = await queries.OutboxAsync(_admin, new OutboxQuery(OutboxShow.Failed, null, 1) with { PageSize = 1 });
        var next = await queries.OutboxAsync(_admin, new OutboxQuery(OutboxShow.Failed, one.Older, 1) with { PageSize = 1 });

        Assert.Equal([failedNew.Id, failedOld.Id], failed.Rows.Select(r => r.Id));
        Assert.All(failed.Rows, r => Assert.True(r.Failed));
        Assert.Equal((1, 2), (failed.Pending, failed.Failed));
        Assert.Equal([waiting.Id, failedNew.Id, failedOld.Id], firstOfAll.Rows.Select(r => r.Id));
        Assert.Equal([failedNew.Id], one.Rows.Select(r => r.Id));
        Assert.Equal([failedOld.Id], next.Rows.Select(r => r.Id));
        Assert.Null(next.Older);
    }

    [Fact]
    public async Task A_retried_event_gets_its_attempts_back_audited_and_the_dispatcher_delivers_it()
    {
        var failed = await EventAsync(OutboxDispatcher.MaxAttempts);
        await using var scope = Scope();
        var console = scope.ServiceProvider.GetRequiredService<OutboxConsole>();

        var noReason = await console.RetryAsync(_admin, failed.Id, failed.Version, " ");
        var done = await console.RetryAsync(_admin, failed.Id, failed.Version, "Cause fixed, deliver it now");
        Assert.Equal(0, (await RowAsync(failed.Id)).Attempts);
        await Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();

        Assert.Equal((OutcomeKind.Refused, "Reason"), (noReason.Kind, noReason.Field));
        Assert.True(done.Succeeded, done.Message);
        var row = await RowAsync(failed.Id);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.ProcessedAt);
        var audit = Assert.Single(await AuditAsync());
        Assert.Equal(("outbox.retry", "Cause fixed, deliver it now", "Asha Admin"), (audit.Action, audit.Reason, audit.ActorName));
    }

    [Fact]
    public async Task A_waiting_event_is_not_retried_and_a_stale_retry_is_a_conflict_naming_who()
    {
        var waiting = await EventAsync(2);
        var failed = await EventAsync(OutboxDispatcher.MaxAttempts);
        await using var scope = Scope();
        var console = scope.ServiceProvider.GetRequiredService<OutboxConsole>();

        var early = await console.RetryAsync(_admin, waiting.Id, waiting.Version, "Cause fixed, deliver it now");
        await console.DiscardAsync(_admin, failed.Id, failed.Version, "Duplicate event");
        var stale = await console.RetryAsync(_admin, failed.Id, failed.Version, "Cause fixed, deliver it now");
        var missing = await console.RetryAsync(_admin, 987654, 1, "Cause fixed, deliver it now");

        Assert.Equal(OutcomeKind.Refused, early.Kind);
        Assert.Equal(2, (await RowAsync(waiting.Id)).Attempts);
        Assert.Equal((OutcomeKind.Conflict, "Asha Admin"), (stale.Kind, stale.ChangedBy));
        Assert.NotNull(stale.ChangedAt);
        Assert.Equal(OutcomeKind.NotFound, missing.Kind);
        Assert.Equal(["outbox.discard"], (await AuditAsync()).Select(a => a.Action));
    }

    [Fact]
    public async Task An_event_the_dispatcher_holds_is_neither_retried_nor_discarded_under_it()
    {
        var failed = await EventAsync(OutboxDispatcher.MaxAttempts);
        // the dispatcher's pass: the row claimed FOR UPDATE in its open transaction
        await using var dispatcher = await Fixture.CreateDbContextAsync();
        await using var pass = await dispatcher.Database.BeginTransactionAsync();
        await dispatcher.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM helpdesk.outbox WHERE id = {failed.Id} FOR UPDATE SKIP LOCKED");
        await using var scope = Scope();
        var console = scope.ServiceProvider.GetRequiredService<OutboxConsole>();

        var retry = await console.RetryAsync(_admin, failed.Id, failed.Version, "Cause fixed, deliver it now");
        var discard = await console.DiscardAsync(_admin, failed.Id, failed.Version, "Duplicate event");
        await pass.RollbackAsync();

        Assert.Equal((OutcomeKind.Conflict, OutcomeKind.Conflict), (retry.Kind, discard.Kind));
        Assert.Contains("delivering this event right now", retry.Message, StringComparison.Ordinal);
        var row = await RowAsync(failed.Id);
        Assert.Equal((OutboxDispatcher.MaxAttempts, (DateTime?)null), (row.Attempts, row.ProcessedAt));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_discarded_event_leaves_the_list_is_never_dispatched_and_says_who_discarded_it()
    {
        var waiting = await EventAsync(1);
        await using var scope = Scope();
        var console = scope.ServiceProvider.GetRequiredService<OutboxConsole>();

        var done = await console.DiscardAsync(_admin, waiting.Id, waiting.Version, "Recipient no longer exists");
        var handled = await Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
        var page = await scope.ServiceProvider.GetRequiredService<SystemQueryService>().OutboxAsync(_admin, new OutboxQuery());

        Assert.True(done.Succeeded, done.Message);
        Assert.Equal(0, handled);
        Assert.Empty(page.Rows);
        var row = await RowAsync(waiting.Id);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("Discarded by Asha Admin: Recipient no longer exists", row.LastError);
        Assert.Equal("outbox.discard", Assert.Single(await AuditAsync()).Action);
    }

    [Fact]
    public async Task A_moderator_can_neither_read_nor_change_the_outbox()
    {
        var failed = await EventAsync(OutboxDispatcher.MaxAttempts);
        await using var scope = Scope();

        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<SystemQueryService>().OutboxAsync(_moderator, new OutboxQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<OutboxConsole>().RetryAsync(_moderator, failed.Id, failed.Version, "Cause fixed, deliver it now"));
        Assert.Equal(OutboxDispatcher.MaxAttempts, (await RowAsync(failed.Id)).Attempts);
    }
}
