using AdminPortal.Data.Identity;
using AdminPortal.Components.Account;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Security;

public sealed class SignInTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
    }

    private static LoginAttempt Attempt(IServiceProvider sp)
    {
        var http = new DefaultHttpContext { RequestServices = sp };
        sp.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        return new LoginAttempt(sp.GetRequiredService<SignInManager<PortalUser>>(),
            sp.GetRequiredService<PortalAccess>(), TimeProvider.System);
    }

    private AsyncServiceScope SignInScope()
    {
        var scope = Scope();
        return scope;
    }

    [Fact]
    public async Task Wrong_password_says_so_and_counts_a_failure()
    {
        await using var scope = SignInScope();
        var outcome = await Attempt(scope.ServiceProvider).RunAsync("moderator@adminportal.demo", "not-the-password-at-all", false);
        Assert.Equal(LoginAttempt.WrongCredentials, outcome.Error);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(1, await db.Users.Where(u => u.Email == "moderator@adminportal.demo").Select(u => u.AccessFailedCount).SingleAsync());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes()
    {
        await using var scope = SignInScope();
        var attempt = Attempt(scope.ServiceProvider);
        LoginAttempt.Outcome outcome = new(null);
        for (var i = 0; i < 5; i++)
            outcome = await attempt.RunAsync("staff.a@adminportal.demo", "wrong-password-" + i, false);
        Assert.Contains("locked", outcome.Error, StringComparison.OrdinalIgnoreCase);
        // even the right password is refused while locked
        var right = await attempt.RunAsync("staff.a@adminportal.demo", DemoAccounts.Password, false);
        Assert.Contains("locked", right.Error, StringComparison.OrdinalIgnoreCase);
        await using var db = await Fixture.CreateDbContextAsync();
        var end = await db.Users.Where(u => u.Email == "staff.a@adminportal.demo").Select(u => u.LockoutEnd).SingleAsync();
        Assert.NotNull(end);
        Assert.InRange((end!.Value - DateTimeOffset.UtcNow).TotalMinutes, 14, 15.1);
    }

    [Fact]
    public async Task A_platform_user_cannot_sign_in_to_the_portal()
    {
        await using (var scope = Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var result = await AdminAccounts.CreateWithRolesAsync(users,
                scope.ServiceProvider.GetRequiredService<IDbContextFactory<AdminPortal.Data.PortalDbContext>>(),
                "buyer@example.org", DemoAccounts.Password, "Buyer", [(PortalRoles.User, null, null)]);
            Assert.True(result.Succeeded);
        }
        await using var signIn = SignInScope();
        var outcome = await Attempt(signIn.ServiceProvider).RunAsync("buyer@example.org", DemoAccounts.Password, false);
        Assert.Equal(LoginAttempt.NoPortalAccess, outcome.Error);
    }

    [Fact]
    public async Task Role_and_scope_claims_come_from_user_roles()
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        var staff = await users.FindByEmailAsync("staff.b@adminportal.demo");
        var principal = await factory.CreateAsync(staff!);
        Assert.True(principal.IsInRole(PortalRoles.Staff));
        Assert.False(principal.IsInRole(PortalRoles.Moderator));
        Assert.Contains((PortalRoles.Staff, ScopeDomains.Hostel, "2"), ScopeClaims.Read(principal));
    }

    [Theory]
    [InlineData("/products?status=draft", "/products?status=draft")]
    [InlineData("//evil.example.org", "/")]
    [InlineData("https://evil.example.org", "/")]
    [InlineData("/\\evil.example.org", "/")]
    [InlineData(null, "/")]
    public void Return_urls_stay_on_the_portal(string? given, string expected) =>
        Assert.Equal(expected, LoginAttempt.SafeReturnUrl(given));
}
