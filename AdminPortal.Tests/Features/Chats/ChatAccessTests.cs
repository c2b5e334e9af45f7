using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.Group;
using AdminPortal.Features.Chats.List;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Features.Chats.ChatWorld;

namespace AdminPortal.Tests.Features.Chats;

public sealed class ChatAccessTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private ChatWorld _world = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _world = await CreateAsync(Services, Fixture.CreateDbContextAsync);
        await using var db = await Fixture.CreateDbContextAsync();
        await _world.AddMessagesAsync(db, 3, i => new DateTime(2026, 11, 1, 10, i, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Opening_records_who_which_group_when_and_why_once_per_session_before_any_message()
    {
        await using var session = Scope();
        var access = session.ServiceProvider.GetRequiredService<ChatAccess>();
        var messages = session.ServiceProvider.GetRequiredService<MessageQueryService>();

        var grant = (await access.OpenAsync(Principal(_world.Moderator), _world.GroupId, "  report 42: spam  ")).Value!;
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            var entry = await db.Set<AuditLogEntry>().AsNoTracking().SingleAsync();
            Assert.Equal((ChatAccess.OpenAction, "group", _world.GroupId.ToString(), _world.Moderator, "report 42: spam"),
                (entry.Action, entry.EntityType, entry.EntityId, entry.ActorId!.Value, entry.Reason!));
            Assert.Equal("Mira Moderator", entry.ActorName);
            Assert.Equal(Fixture.Clock.GetUtcNow().UtcDateTime, entry.At, TimeSpan.FromMilliseconds(1));
        }
        Assert.Equal(3, (await messages.OlderAsync(grant, null)).Messages.Count);

        var again = (await access.OpenAsync(Principal(_world.Moderator), _world.GroupId, "another reason")).Value;
        Assert.Same(grant, again);
        Assert.Same(grant, access.Existing(_world.Moderator, _world.GroupId));
        await using var check = await Fixture.CreateDbContextAsync();
        Assert.Equal(1, await check.Set<AuditLogEntry>().CountAsync());
    }

    [Fact]
    public async Task Messages_are_refused_without_a_recorded_reason()
    {
        await using var session = Scope();
        var messages = session.ServiceProvider.GetRequiredService<MessageQueryService>();
        var forged = new ChatAccessGrant(Guid.NewGuid(), _world.Moderator, _world.GroupId, DateTime.UtcNow, "made up");

        await Assert.ThrowsAsync<AccessDeniedException>(() => messages.OlderAsync(forged, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => messages.SearchAsync(forged, "message"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => messages.OlderAsync(null!, null));

        // a grant of another session (another circuit) does not open this one
        ChatAccessGrant elsewhere;
        await using (var other = Scope())
            elsewhere = (await other.ServiceProvider.GetRequiredService<ChatAccess>()
                .OpenAsync(Principal(_world.Moderator), _world.GroupId, "report 7: threats")).Value!;
        await Assert.ThrowsAsync<AccessDeniedException>(() => messages.OlderAsync(elsewhere, null));
        Assert.Null(session.ServiceProvider.GetRequiredService<ChatAccess>().Existing(_world.Moderator, _world.GroupId));
    }

    [Fact]
    public async Task A_too_short_reason_is_refused_and_nothing_is_recorded()
    {
        await using var session = Scope();
        var access = session.ServiceProvider.GetRequiredService<ChatAccess>();
        Assert.Equal(OutcomeKind.Refused, (await access.OpenAsync(Principal(_world.Moderator), _world.GroupId, " hm ")).Kind);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(0, await db.Set<AuditLogEntry>().CountAsync());
    }

    [Fact]
    public async Task Staff_are_refused_by_every_service()
    {
        await using var session = Scope();
        var staff = Principal(_world.Staff);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            session.ServiceProvider.GetRequiredService<ChatAccess>().OpenAsync(staff, _world.GroupId, "just curious, really"));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            session.ServiceProvider.GetRequiredService<GroupQueryService>().ListAsync(staff, new ChatListQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            session.ServiceProvider.GetRequiredService<ChatGroupQueryService>().HeaderAsync(staff, _world.GroupId));
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(0, await db.Set<AuditLogEntry>().CountAsync());
    }

    [Fact]
    public async Task A_role_revoked_after_opening_stops_the_reading()
    {
        await using var session = Scope();
        var grant = (await session.ServiceProvider.GetRequiredService<ChatAccess>()
            .OpenAsync(Principal(_world.Moderator), _world.GroupId, "report 9: scam links")).Value!;
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.UserRoles.Where(r => r.UserId == _world.Moderator).ExecuteDeleteAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            session.ServiceProvider.GetRequiredService<MessageQueryService>().OlderAsync(grant, null));
    }
    [Fact]
    public async Task A_role_revoked_outside_the_portal_stops_the_reading_once_the_verified_roles_expire()
    {
        await using var session = Scope();
        var messages = session.ServiceProvider.GetRequiredService<MessageQueryService>();
        var grant = (await session.ServiceProvider.GetRequiredService<ChatAccess>()
            .OpenAsync(Principal(_world.Moderator), _world.GroupId, "report 10: scam links")).Value!;
        await messages.OlderAsync(grant, null);   // roles read and trusted for ChatAccess.VerifiedFor
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.UserRoles.Where(r => r.UserId == _world.Moderator).ExecuteDeleteAsync();   // no live event

        await messages.OlderAsync(grant, null);   // still within VerifiedFor: the documented bound
        Fixture.Clock.Advance(ChatAccess.VerifiedFor);
        await Assert.ThrowsAsync<AccessDeniedException>(() => messages.OlderAsync(grant, null));
    }

    [Fact]
    public async Task A_role_revoked_in_the_portal_stops_the_reading_at_once()
    {
        await using var session = Scope();
        var messages = session.ServiceProvider.GetRequiredService<MessageQueryService>();
        var grant = (await session.ServiceProvider.GetRequiredService<ChatAccess>()
            .OpenAsync(Principal(_world.Moderator), _world.GroupId, "report 11: scam links")).Value!;
        await messages.OlderAsync(grant, null);
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.UserRoles.Where(r => r.UserId == _world.Moderator).ExecuteDeleteAsync();
        // what RoleAssignments publishes after committing a change to the user's roles
        await Get<IChangeFeed>().PublishAsync(new ChangeEvent(EntityTypes.User, _world.Moderator.ToString(), ChangeActions.Updated));

        // the feed delivers on its own loop: wait for it, with the clock standing still
        var refused = false;
        for (var i = 0; i < 100 && !refused; i++)
        {
            try { await messages.OlderAsync(grant, null); await Task.Delay(50); }
            catch (AccessDeniedException) { refused = true; }
        }
        Assert.True(refused);
    }

    [Fact]
    public async Task Hiding_a_message_reads_the_roles_every_time()
    {
        await using var session = Scope();
        var grant = (await session.ServiceProvider.GetRequiredService<ChatAccess>()
            .OpenAsync(Principal(_world.Moderator), _world.GroupId, "report 12: scam links")).Value!;
        var page = await session.ServiceProvider.GetRequiredService<MessageQueryService>().OlderAsync(grant, null);
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.UserRoles.Where(r => r.UserId == _world.Moderator).ExecuteDeleteAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            session.ServiceProvider.GetRequiredService<ChatAccess>().VerifyAsync(grant, Permission.HideMessages));
        Assert.NotEmpty(page.Messages);
    }
}
