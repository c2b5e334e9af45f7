using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Users;

public sealed class UserStatusActionTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private async Task<UserStatusActions> ActionsAsync()
    {
        await Task.CompletedTask;
        return Services.CreateScope().ServiceProvider.GetRequiredService<UserStatusActions>();
    }

    [Fact]
    public async Task Deactivate_sets_inactive_rotates_the_stamp_audits_and_cuts_access()
    {
        var target = await UserAsync("moderator@adminportal.demo");
        var actions = await ActionsAsync();
        var result = await actions.DeactivateAsync(await AdminAsync(), target.Id, target.Version, "left the team");
        Assert.True(result.Succeeded, result.Message);
        var after = await UserAsync(target.Email!);
        Assert.Equal(PlatformUserStatus.Inactive, after.Status);
        Assert.False(after.IsActive);
        Assert.NotEqual(target.SecurityStamp, after.SecurityStamp);
        var entry = Assert.Single(await AuditOfAsync(target.Id));
        Assert.Equal(UserAuditActions.Deactivate, entry.Action);
        Assert.Equal("left the team", entry.Reason);
        Assert.Equal("not-verified", entry.Before!.RootElement.GetProperty("status").GetString());
        Assert.Equal("inactive", entry.After!.RootElement.GetProperty("status").GetString());
        // the deactivated moderator's next action is refused: roles are read from the database each time
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Get<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<ActorResolver>()
                .RequireAsync(As(target.Id), Permission.ModerateProducts));
        Assert.False(await Services.CreateScope().ServiceProvider.GetRequiredService<PortalAccess>().MaySignInAsync(target.Id));
    }

    [Fact]
    public async Task Every_action_needs_a_reason_and_a_stale_version_is_a_conflict_naming_who()
    {
        var target = await UserAsync("moderator@adminportal.demo");
        var actions = await ActionsAsync();
        var noReason = await actions.VerifyAsync(await AdminAsync(), target.Id, target.Version, "  ");
        Assert.False(noReason.Succeeded);
        Assert.Equal("reason", noReason.Field);
        Assert.True((await actions.VerifyAsync(await AdminAsync(), target.Id, target.Version, "checked id")).Succeeded);
        var stale = await actions.DeactivateAsync(await AdminAsync(), target.Id, target.Version, "late");
        Assert.True(stale.Kind == OutcomeKind.Conflict);
        Assert.Contains("Asha Admin verified the account", stale.Message, StringComparison.Ordinal);
        Assert.Equal(PlatformUserStatus.Verified, (await UserAsync(target.Email!)).Status);
        Assert.Single(await AuditOfAsync(target.Id));
    }

    [Fact]
    public async Task Refusals_change_nothing()
    {
        var admin = await UserAsync("admin@adminportal.demo");
        var target = await UserAsync("staff.a@adminportal.demo");
        var actions = await ActionsAsync();
        Assert.Equal("You cannot deactivate your own account.",
            (await actions.DeactivateAsync(As(admin.Id), admin.Id, admin.Version, "oops")).Message);
        Assert.False((await actions.ReactivateAsync(As(admin.Id), target.Id, target.Version, "not inactive")).Succeeded);
        Assert.False((await actions.RestoreAsync(As(admin.Id), target.Id, target.Version, "not deleted")).Succeeded);
        Assert.False((await actions.UnlockAsync(As(admin.Id), target.Id, target.Version, "not locked")).Succeeded);
        Assert.Empty(await AuditOfAsync(target.Id));
        Assert.Equal(target.Version, (await UserAsync(target.Email!)).Version);
        // a moderator may not manage users at all
        var moderator = await IdOf("moderator@adminportal.demo");
        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.VerifyAsync(As(moderator), target.Id, target.Version, "x"));
    }

    [Fact]
    public async Task Delete_restore_reactivate_and_unlock_round_trip()
    {
        var admin = await AdminAsync();
        var email = "staff.b@adminportal.demo";
        var actions = await ActionsAsync();
        var u = await UserAsync(email);
        Assert.True((await actions.DeleteAsync(admin, u.Id, u.Version, "duplicate")).Succeeded);
        Assert.NotNull((u = await UserAsync(email)).DeletedAt);
        Assert.False((await actions.VerifyAsync(admin, u.Id, u.Version, "x")).Succeeded);
        Assert.True((await actions.RestoreAsync(admin, u.Id, u.Version, "not a duplicate")).Succeeded);
        Assert.Null((u = await UserAsync(email)).DeletedAt);
        Assert.True((await actions.DeactivateAsync(admin, u.Id, u.Version, "on leave")).Succeeded);
        Assert.True((await actions.ReactivateAsync(admin, (u = await UserAsync(email)).Id, u.Version, "back")).Succeeded);
        Assert.Equal(PlatformUserStatus.NotVerified, (u = await UserAsync(email)).Status);
        await using (var db = await DbAsync())
        {
            var row = await db.Users.FindAsync(u.Id);
            row!.LockoutEnd = Fixture.Clock.GetUtcNow().AddMinutes(10);
            row.AccessFailedCount = 5;
            await db.SaveChangesAsync();
        }
        u = await UserAsync(email);
        Assert.True((await actions.UnlockAsync(admin, u.Id, u.Version, "called the helpdesk")).Succeeded);
        Assert.Null((u = await UserAsync(email)).LockoutEnd);
        Assert.Equal(0, u.AccessFailedCount);
        Assert.Equal([UserAuditActions.Delete, UserAuditActions.Restore, UserAuditActions.Deactivate, UserAuditActions.Reactivate, UserAuditActions.Unlock],
            (await AuditOfAsync(u.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Forced_password_reset_voids_the_password_and_gives_a_working_link()
    {
        var target = await UserAsync("staff.a@adminportal.demo");
        var actions = await ActionsAsync();
        var result = await actions.ForcePasswordResetAsync(await AdminAsync(), target.Id, target.Version, "phished");
        Assert.True(result.Succeeded, result.Message);
        Assert.StartsWith("/account/set-password?email=staff.a%40adminportal.demo&token=", result.Value?.Link, StringComparison.Ordinal);
        var after = await UserAsync(target.Email!);
        Assert.Null(after.PasswordHash);
        Assert.NotEqual(target.SecurityStamp, after.SecurityStamp);
        var token = Uri.UnescapeDataString(result.Value!.Link.Split("token=")[1]);
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
        var set = await users.ResetPasswordAsync((await users.FindByIdAsync(target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!, token, "a brand new long passphrase");
        Assert.True(set.Succeeded, string.Join(";", set.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task Two_factor_reset_turns_it_off_and_removes_the_authenticator_key()
    {
        var target = await UserAsync("moderator2@adminportal.demo");
        await using (var scope = Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            var u = (await users.FindByEmailAsync(target.Email!))!;
            await users.ResetAuthenticatorKeyAsync(u);
            await users.SetTwoFactorEnabledAsync(u, true);
        }
        target = await UserAsync(target.Email!);
        Assert.True(target.TwoFactorEnabled);
        var result = await (await ActionsAsync()).ResetTwoFactorAsync(await AdminAsync(), target.Id, target.Version, "lost phone");
        Assert.True(result.Succeeded, result.Message);
        Assert.False((await UserAsync(target.Email!)).TwoFactorEnabled);
        await using var db = await DbAsync();
        Assert.False(db.UserTokens.Any(t => t.UserId == target.Id));
    }
}
