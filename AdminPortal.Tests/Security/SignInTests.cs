using AdminPortal.Data.Identity;
using AdminPortal.Components.Account;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Security.SignIn;
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

    // a provider of its own: the real clock (the per-account delay really waits) and short delays
    private readonly ServiceProvider _services = PostgresFixture.BuildServices(fixture.ConnectionString, TimeProvider.System,
        s => s.Configure<SignInThrottleOptions>(o =>
        {
            o.AccountFreeFailures = 3;
            o.AccountFirstDelaySeconds = 0.02;
            o.AccountMaxDelaySeconds = 0.1;
        }));

    public override async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    private static LoginAttempt Attempt(IServiceProvider sp, string address = "203.0.113.7")
    {
        var http = new DefaultHttpContext { RequestServices = sp };
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
        sp.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        return sp.GetRequiredService<LoginAttempt>();
    }

    private AsyncServiceScope SignInScope() => _services.CreateAsyncScope();

    private async Task<int> CreatePlatformUserAsync(string email)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var result = await AdminAccounts.CreateWithRolesAsync(users,
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<AdminPortal.Data.PortalDbContext>>(),
            email, DemoAccounts.Password, "Buyer", [(PortalRoles.User, null, null)]);
        Assert.True(result.Succeeded);
        return (await users.FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task Every_failure_kind_gets_the_same_answer()
    {
        await CreatePlatformUserAsync("buyer@example.org");
        await using var scope = SignInScope();
        var attempt = Attempt(scope.ServiceProvider);
        var unknown = await attempt.RunAsync("nobody@adminportal.demo", "whatever-password", false);
        var wrong = await attempt.RunAsync("moderator@adminportal.demo", "not-the-password-at-all", false);
        var platform = await attempt.RunAsync("buyer@example.org", DemoAccounts.Password, false);   // the RIGHT password
        // an account being slowed down (past its free failures) answers a wrong password the same way
        var slowdown = scope.ServiceProvider.GetRequiredService<AccountSlowdown>();
        for (var i = 0; i < 5; i++)
            slowdown.RecordFailure(AccountSlowdown.KeyOf("staff.a@adminportal.demo"));
        Assert.True(slowdown.DelayFor(AccountSlowdown.KeyOf("staff.a@adminportal.demo")) > TimeSpan.Zero);
        var throttled = await attempt.RunAsync("staff.a@adminportal.demo", "wrong-password-again", false);
        Assert.All(new[] { unknown, wrong, platform, throttled }, o => Assert.Equal(LoginAttempt.Failed, o.Error));
    }

    [Fact]
    public async Task Failures_never_lock_the_owner_out_nor_touch_the_account_rows()
    {
        var buyer = await CreatePlatformUserAsync("buyer@example.org");
        await using var db0 = await Fixture.CreateDbContextAsync();
        var before = await db0.Users.AsNoTracking().Where(u => u.Id == buyer || u.Email == "staff.a@adminportal.demo")
            .Select(u => new { u.Id, u.Version }).ToListAsync();
        await using (var scope = SignInScope())
        {
            var attempt = Attempt(scope.ServiceProvider);
            for (var i = 0; i < 12; i++)
            {
                await attempt.RunAsync("staff.a@adminportal.demo", "wrong-password-" + i, false);
                await attempt.RunAsync("buyer@example.org", "wrong-password-" + i, false);
            }
        }
        await using var db = await Fixture.CreateDbContextAsync();
        var after = await db.Users.AsNoTracking().Where(u => u.Id == buyer || u.Email == "staff.a@adminportal.demo")
            .Select(u => new { u.Id, u.Version, u.AccessFailedCount, u.LockoutEnd }).ToListAsync();
        Assert.All(after, u => Assert.Equal(0, u.AccessFailedCount));
        Assert.All(after, u => Assert.Null(u.LockoutEnd));
        Assert.Equal(before.OrderBy(u => u.Id).Select(u => u.Version), after.OrderBy(u => u.Id).Select(u => u.Version));
        // and the owner, slowed down but never refused, signs in with the right password
        await using var owner = SignInScope();
        var outcome = await Attempt(owner.ServiceProvider, "198.51.100.20").RunAsync("staff.a@adminportal.demo", DemoAccounts.Password, false);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task Sign_in_events_are_audited_without_the_password_and_unknown_emails_only_as_a_marker()
    {
        await using (var scope = SignInScope())
        {
            var attempt = Attempt(scope.ServiceProvider);
            await attempt.RunAsync("nobody@adminportal.demo", "secret-password-one", false);
            await attempt.RunAsync("moderator@adminportal.demo", "secret-password-two", false);
            Assert.Null((await attempt.RunAsync("moderator@adminportal.demo", DemoAccounts.Password, false)).Error);
        }
        await using var db = await Fixture.CreateDbContextAsync();
        var moderator = await db.Users.Where(u => u.Email == "moderator@adminportal.demo").Select(u => u.Id).SingleAsync();
        var rows = await db.Set<AdminPortal.Security.Audit.AuditLogEntry>().AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([SignInAuditActions.Failed, SignInAuditActions.Failed, SignInAuditActions.SignedIn], rows.Select(r => r.Action));
        Assert.Equal((SignInAuditActions.UnknownAccountEntity, SignInAudit.Marker(AccountSlowdown.KeyOf("nobody@adminportal.demo"))),
            (rows[0].EntityType, rows[0].EntityId));
        Assert.Equal(("user", moderator.ToString(System.Globalization.CultureInfo.InvariantCulture)), (rows[1].EntityType, rows[1].EntityId));
        Assert.Equal(moderator, rows[2].ActorId);
        Assert.All(rows, r => Assert.Equal("203.0.113.7", r.ClientAddress));
        var text = string.Join("|", rows.Select(r => $"{r.EntityId} {r.Before?.RootElement} {r.After?.RootElement} {r.Reason}"));
        Assert.DoesNotContain("secret-password", text, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody", text, StringComparison.OrdinalIgnoreCase);
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
