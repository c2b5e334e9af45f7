using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Users;

/// <summary>Demo accounts seeded; helpers to act as one and to read a user back.</summary>
public abstract class UsersTestBase(PostgresFixture fixture) : DatabaseTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
    }

    protected static ClaimsPrincipal As(int id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));

    protected async Task<PortalUser> UserAsync(string email)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    protected async Task<int> IdOf(string email) => (await UserAsync(email)).Id;

    protected async Task<ClaimsPrincipal> AdminAsync() => As(await IdOf("admin@adminportal.demo"));

    protected async Task<List<AuditLogEntry>> AuditOfAsync(int userId)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var key = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == "user" && a.EntityId == key)
            .OrderBy(a => a.Id).ToListAsync();
    }

    protected async Task<int> RoleRowAsync(int userId, string role)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await db.UserRoles.Where(r => r.UserId == userId && r.Role!.Name == role).Select(r => r.Id).SingleAsync();
    }

    protected async Task<int> CreateStaffAsync(string email, params RoleAssignments.Grant[] roles)
    {
        await using var scope = Scope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync(await AdminAsync(), new StaffAccounts.Input(email, "New Person", null, roles));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!.UserId;
    }

    protected async Task<PortalDbContext> DbAsync() => await Fixture.CreateDbContextAsync();
}
