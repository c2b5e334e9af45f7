using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Users;

/// <summary>
/// The user check that live reloads share (ActorResolver.RequireForReloadAsync): one read for all circuits of a
/// user, and never an excuse to keep a revoked right.
/// </summary>
public sealed class ReloadChecksTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private ActorResolver Resolver() => Services.CreateScope().ServiceProvider.GetRequiredService<ActorResolver>();

    [Fact]
    public async Task The_open_circuits_of_one_user_share_one_read_of_their_roles()
    {
        var moderator = await IdOf("moderator@adminportal.demo");
        var checks = Get<ActorChecks>();
        var before = checks.Actors.ReadCount;

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Resolver().RequireForReloadAsync(As(moderator), Permission.ModerateProducts)));

        Assert.Equal(before + 1, checks.Actors.ReadCount);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Resolver().RequireForReloadAsync(As(moderator), Permission.ManageUsers));
    }

    [Fact]
    public async Task A_revocation_in_the_portal_ends_the_shared_check_at_once()
    {
        var moderator = await IdOf("moderator@adminportal.demo");
        await Resolver().RequireForReloadAsync(As(moderator), Permission.ModerateProducts);

        var revoked = await Services.CreateScope().ServiceProvider.GetRequiredService<AdminPortal.Features.Users.RoleAssignments>()
            .RevokeAsync(await AdminAsync(), await RoleRowAsync(moderator, PortalRoles.Moderator), "moved to support");
        Assert.True(revoked.Succeeded, revoked.Message);

        // the revocation's event drops the shared check; no clock moves here
        await WaitUntilRefusedAsync(moderator);
    }

    [Fact]
    public async Task A_role_removed_outside_the_portal_is_refused_once_the_shared_check_is_older_than_its_limit()
    {
        var moderator = await IdOf("moderator@adminportal.demo");
        await Resolver().RequireForReloadAsync(As(moderator), Permission.ModerateProducts);
        await using (var db = await DbAsync())
            await db.UserRoles.Where(r => r.UserId == moderator).ExecuteDeleteAsync();   // no event: another system did it

        await Resolver().RequireForReloadAsync(As(moderator), Permission.ModerateProducts);   // still within the limit
        Fixture.Clock.Advance(ActorChecks.MaxAge + TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Resolver().RequireForReloadAsync(As(moderator), Permission.ModerateProducts));
        // an action never used the shared check
        await Assert.ThrowsAsync<AccessDeniedException>(() => Resolver().RequireAsync(As(moderator), Permission.ModerateProducts));
    }

    private async Task WaitUntilRefusedAsync(int userId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            try
            {
                await Resolver().RequireForReloadAsync(As(userId), Permission.ModerateProducts);
            }
            catch (AccessDeniedException)
            {
                return;
            }
            await Task.Delay(20, timeout.Token);
        }
    }
}
