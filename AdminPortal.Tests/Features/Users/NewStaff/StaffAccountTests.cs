using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Users.NewStaff;

public sealed class StaffAccountTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private T Service<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task A_staff_account_is_created_with_roles_and_a_set_password_link_and_bad_input_changes_nothing()
    {
        var admin = await AdminAsync();
        var staff = Service<StaffAccounts>();
        Assert.Equal("email", (await staff.CreateAsync(admin, new("not-an-email", "X", null, [new(PortalRoles.Moderator)]))).Field);
        Assert.Equal("email", (await staff.CreateAsync(admin, new("MODERATOR@adminportal.demo", "X", null, [new(PortalRoles.Moderator)]))).Field);
        Assert.Equal("phone", (await staff.CreateAsync(admin, new("new@example.org", "X", "12ab", [new(PortalRoles.Moderator)]))).Field);
        Assert.Equal("roles", (await staff.CreateAsync(admin, new("new@example.org", "X", null, []))).Field);
        await using (var db = await DbAsync())
            Assert.False(await db.Users.AnyAsync(u => u.Email == "new@example.org"));
        var ok = await staff.CreateAsync(admin, new("new@example.org", "Nia New", "+91 98765 43210", [new(PortalRoles.Moderator)]));
        Assert.True(ok.Succeeded, ok.Message);
        Assert.Contains("token=", ok.Value?.Link, StringComparison.Ordinal);
        var created = await UserAsync("new@example.org");
        Assert.Null(created.PasswordHash);
        Assert.Equal(RoleAssignmentsRow(PortalRoles.Moderator), await RolesOf(created.Id));
        Assert.Equal(UserAuditActions.Create, Assert.Single(await AuditOfAsync(created.Id)).Action);
    }

    private static string[] RoleAssignmentsRow(params string[] roles) => roles;

    private async Task<string[]> RolesOf(int id)
    {
        await using var db = await DbAsync();
        return await db.UserRoles.Where(r => r.UserId == id).Select(r => r.Role!.Name).ToArrayAsync();
    }
}
