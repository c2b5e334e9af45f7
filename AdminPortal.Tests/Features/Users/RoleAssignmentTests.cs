using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Users;

public sealed class RoleAssignmentTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private RoleAssignments Roles() => Services.CreateScope().ServiceProvider.GetRequiredService<RoleAssignments>();

    private async Task<int> HostelAsync(string name)
    {
        await using var db = await DbAsync();
        var hostel = new AdminPortal.Features.Tickets.Model.Hostel { Name = name };
        db.Add(hostel);
        await db.SaveChangesAsync();
        return hostel.Id;
    }

    [Fact]
    public async Task Revoking_a_role_removes_it_rotates_the_stamp_audits_and_announces_it()
    {
        var moderator = await UserAsync("moderator@adminportal.demo");
        var events = new List<ChangeEvent>();
        using var sub = Get<IChangeFeed>().Subscribe(e => e.Is(EntityTypes.User, moderator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            e => { lock (events) events.Add(e); return Task.CompletedTask; });
        var result = await Roles().RevokeAsync(await AdminAsync(), await RoleRowAsync(moderator.Id, PortalRoles.Moderator), "moved to support");
        Assert.True(result.Succeeded, result.Message);
        var after = await UserAsync(moderator.Email!);
        Assert.NotEqual(moderator.SecurityStamp, after.SecurityStamp);
        var entry = Assert.Single(await AuditOfAsync(moderator.Id));
        Assert.Equal(UserAuditActions.RevokeRole, entry.Action);
        Assert.Equal("Moderator", entry.Before!.RootElement.GetProperty("role").GetString());
        // the revoked moderator's next approve-like action is refused by the service, whatever the circuit believes
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Services.CreateScope().ServiceProvider.GetRequiredService<ActorResolver>().RequireAsync(As(moderator.Id), Permission.ModerateProducts));
        await WaitForAsync(() => { lock (events) return events.Count > 0; });
    }

    [Fact]
    public async Task The_open_circuit_of_a_revoked_user_sees_its_rights_change()
    {
        var moderator = await UserAsync("moderator@adminportal.demo");
        System.Security.Claims.ClaimsPrincipal principal;
        await using (var scope = Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>()
                .CreateAsync((await users.FindByIdAsync(moderator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!);
            // as a cookie gives it: with a live session (the store adds the session claim)
            await Get<AdminPortal.Security.Sessions.PostgresTicketStore>().StoreAsync(
                new Microsoft.AspNetCore.Authentication.AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
        }
        var options = Get<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;
        await using (var scope = Scope())
            Assert.Equal(CircuitAccessCheck.Verdict.Unchanged, (await CircuitAccessCheck.RunAsync(scope.ServiceProvider, principal, options)).Verdict);
        await Roles().RevokeAsync(await AdminAsync(), await RoleRowAsync(moderator.Id, PortalRoles.Moderator), "moved");
        await using (var scope = Scope())
        {
            Assert.False(await CircuitRevalidation.UserIsStillValidAsync(
                scope.ServiceProvider.GetRequiredService<PortalAccess>(), principal, options, default));
            var check = await CircuitAccessCheck.RunAsync(scope.ServiceProvider, principal, options);
            Assert.Equal(CircuitAccessCheck.Verdict.RightsChanged, check.Verdict);
            Assert.False(check.Fresh!.IsInRole(PortalRoles.Moderator));
        }
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_deactivated_or_deleted()
    {
        var admin = await UserAsync("admin@adminportal.demo");
        var second = await CreateStaffAsync("second.admin@example.org", new RoleAssignments.Grant(PortalRoles.Admin));
        // the second admin tries to remove the first: fine while two exist, refused for the last
        Assert.True((await Roles().RevokeAsync(As(second), await RoleRowAsync(admin.Id, PortalRoles.Admin), "rotation")).Succeeded);
        var last = await Roles().RevokeAsync(As(second), await RoleRowAsync(second, PortalRoles.Admin), "leaving");
        Assert.Equal(AdminGuard.LastAdminMessage, last.Message);
        await using (var db = await DbAsync())
            Assert.Equal([second], await AdminGuard.ActiveAdminIds(db).ToListAsync());
        // deactivating or deleting the last admin is refused too (here: by a re-promoted first admin, then demoted again)
        await Roles().GrantAsync(As(second), admin.Id, new RoleAssignments.Grant(PortalRoles.Admin), "back");
        var actions = Services.CreateScope().ServiceProvider.GetRequiredService<UserStatusActions>();
        var s = await UserAsync("second.admin@example.org");
        Assert.True((await actions.DeactivateAsync(As(admin.Id), s.Id, s.Version, "test")).Succeeded);
        var a = await UserAsync(admin.Email!);
        await using (var db = await DbAsync())
            Assert.Equal([admin.Id], await AdminGuard.ActiveAdminIds(db).ToListAsync());
        // the only admin cannot delete themselves either (own account), and nobody else is an admin to try
        Assert.False((await actions.DeleteAsync(As(admin.Id), a.Id, a.Version, "x")).Succeeded);
    }

    [Fact]
    public async Task Two_admins_deactivating_or_deleting_each_other_at_once_leave_one_active_admin()
    {
        var first = await IdOf("admin@adminportal.demo");
        var second = await CreateStaffAsync("second.admin@example.org", new RoleAssignments.Grant(PortalRoles.Admin));
        var a = await UserAsync("admin@adminportal.demo");
        var b = await UserAsync("second.admin@example.org");
        var actions = Services.CreateScope().ServiceProvider;
        var results = await Task.WhenAll(
            Task.Run(() => Outcome(Services.CreateScope().ServiceProvider.GetRequiredService<UserStatusActions>().DeactivateAsync(As(first), b.Id, b.Version, "race"))),
            Task.Run(() => Outcome(Services.CreateScope().ServiceProvider.GetRequiredService<UserStatusActions>().DeleteAsync(As(second), a.Id, a.Version, "race"))));
        Assert.Equal(1, results.Count(r => r));
        await using var db = await DbAsync();
        Assert.Single(await AdminGuard.ActiveAdminIds(db).ToListAsync());
        _ = actions;
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_cannot_both_succeed()
    {
        var first = await IdOf("admin@adminportal.demo");
        var second = await CreateStaffAsync("second.admin@example.org", new RoleAssignments.Grant(PortalRoles.Admin));
        for (var round = 0; round < 5; round++)
        {
            var firstRow = await RoleRowAsync(first, PortalRoles.Admin);
            var secondRow = await RoleRowAsync(second, PortalRoles.Admin);
            var results = await Task.WhenAll(
                Task.Run(() => Outcome(Roles().RevokeAsync(As(first), secondRow, "race"))),
                Task.Run(() => Outcome(Roles().RevokeAsync(As(second), firstRow, "race"))));
            Assert.Equal(1, results.Count(r => r));
            await using (var db = await DbAsync())
                Assert.Single(await AdminGuard.ActiveAdminIds(db).ToListAsync());
            // put the demoted one back for the next round
            var survivor = results[0] ? first : second;
            var demoted = survivor == first ? second : first;
            Assert.True((await Roles().GrantAsync(As(survivor), demoted, new RoleAssignments.Grant(PortalRoles.Admin), "again")).Succeeded);
        }
    }

    private static async Task<bool> Outcome(Task<AdminPortal.Shared.Outcome> action)
    {
        try
        {
            return (await action).Succeeded;
        }
        catch (AccessDeniedException)
        {
            return false; // demoted while waiting for the lock
        }
    }

    [Fact]
    public async Task Grants_are_checked_scoped_to_real_hostels_and_not_duplicated()
    {
        var hostel = await HostelAsync("Neeladri");
        var staff = await IdOf("staff.b@adminportal.demo"); // holds hostel 2; Neeladri is 1
        var admin = await AdminAsync();
        Assert.Equal("scope", (await Roles().GrantAsync(admin, staff, new RoleAssignments.Grant(PortalRoles.Staff, "hostel", 999_999), null)).Field);
        Assert.Equal("scope", (await Roles().GrantAsync(admin, staff, new RoleAssignments.Grant(PortalRoles.Moderator, "hostel", hostel), null)).Field);
        Assert.Equal("scope", (await Roles().GrantAsync(admin, staff, new RoleAssignments.Grant(PortalRoles.Staff, "planet", hostel), null)).Field);
        Assert.True((await Roles().GrantAsync(admin, staff, new RoleAssignments.Grant(PortalRoles.Staff, "hostel", hostel), "covers Neeladri")).Succeeded);
        var again = await Roles().GrantAsync(admin, staff, new RoleAssignments.Grant(PortalRoles.Staff, "hostel", hostel), null);
        Assert.Equal("The user already holds Staff of Neeladri.", again.Message);
        var entry = Assert.Single(await AuditOfAsync(staff));
        Assert.Equal("Neeladri", entry.After!.RootElement.GetProperty("scopeName").GetString());
        // only admins manage roles
        var moderator = await IdOf("moderator@adminportal.demo");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Roles().GrantAsync(As(moderator), staff, new RoleAssignments.Grant(PortalRoles.Admin), null));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
            await Task.Delay(20, timeout.Token);
    }
}
