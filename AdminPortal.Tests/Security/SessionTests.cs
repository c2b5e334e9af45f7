using System.Net;
using System.Text.RegularExpressions;
using AdminPortal.Data.Demo;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Security.Sessions;
using AdminPortal.Security.SignIn;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Security;

/// <summary>
/// Sessions kept on the server (auth.user_sessions): the cookie carries only a key, so a copied cookie dies with its
/// row: after sign-out, after "sign out everywhere" from another browser, after the absolute lifetime and after the
/// idle timeout (a fake clock), and it is refused on every request from then on.
/// </summary>
public sealed partial class SessionTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private const string Admin = "admin@adminportal.demo";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
    }

    private static async Task<(HttpClient Client, string Cookie)> SignInAsync(PortalWebHost host, string email = Admin)
    {
        var jar = new CookieContainer();
        var client = host.Client(cookies: jar);
        using var post = await client.PostLoginAsync(email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var auth = jar.GetCookies(host.Address).Single(c => c.Name.EndsWith("AdminPortal.Auth", StringComparison.Ordinal));
        return (client, $"{auth.Name}={auth.Value}");
    }

    /// <summary>A browser that has nothing but a copy of the auth cookie.</summary>
    private static async Task<HttpStatusCode> ReplayAsync(PortalWebHost host, string cookie, string path = "/users")
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_cookie_carries_only_a_key_and_the_session_row_holds_its_hash()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        var (client, cookie) = await SignInAsync(host);
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, await ReplayAsync(host, cookie));
            await using var db = await Fixture.CreateDbContextAsync();
            var row = await db.Set<UserSession>().AsNoTracking().SingleAsync();
            Assert.Null(row.EndedAt);
            Assert.Equal(32, row.KeyHash.Length);
            Assert.Equal(row.StartedAt.AddHours(12), row.AbsoluteExpiresAt);
            Assert.True(cookie.Length < 1500, "a session-store cookie is small: it holds a key, not the claims");
        }
    }

    [Fact]
    public async Task An_old_cookie_replayed_after_sign_out_is_refused()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        var (client, cookie) = await SignInAsync(host);
        using (client)
        {
            var page = await client.GetStringAsync("/users");
            var token = AntiforgeryToken().Match(page);
            Assert.True(token.Success, "the sign-out form has an antiforgery token");
            using var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }));
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(host, cookie));
        await using var db = await Fixture.CreateDbContextAsync();
        var row = await db.Set<UserSession>().AsNoTracking().SingleAsync();
        Assert.Equal(SessionEndReasons.SignedOut, row.EndReason);
        Assert.Contains(await db.Set<AuditLogEntry>().Select(a => a.Action).ToListAsync(), a => a == SignInAuditActions.SignedOut);
    }

    [Fact]
    public async Task Sign_out_everywhere_from_another_browser_refuses_every_copy_and_only_this_users()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        var (first, firstCookie) = await SignInAsync(host);
        var (second, _) = await SignInAsync(host);
        var (other, otherCookie) = await SignInAsync(host, "moderator@adminportal.demo");
        using (first) using (second) using (other)
        {
            // the second browser's session signs out everywhere (what the sessions page calls)
            await using var scope = host.Services.CreateAsyncScope();
            var sessions = scope.ServiceProvider.GetRequiredService<UserSessions>();
            var principal = await PrincipalOfAsync(host, Admin);
            var outcome = await sessions.EndAllMineAsync(principal);
            Assert.True(outcome.Succeeded, outcome.Message);
            Assert.Equal("Signed out of 2 sessions.", outcome.Message);
        }
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(host, firstCookie));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(host, otherCookie, "/products"));
    }

    [Fact]
    public async Task The_idle_timeout_and_the_absolute_lifetime_end_a_session()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development",
            customise: s => s.AddSingleton<TimeProvider>(clock));
        var (idle, idleCookie) = await SignInAsync(host);
        var (busy, busyCookie) = await SignInAsync(host);
        using (idle) using (busy)
        {
            // the busy browser makes a request every 20 minutes; the idle one does nothing
            for (var i = 0; i < 2; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(20));
                Assert.Equal(HttpStatusCode.OK, await ReplayAsync(host, busyCookie));
            }
            Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(host, idleCookie));   // 40 minutes without use
            // use does not stretch the absolute lifetime: 12 hours after sign-in it ends all the same
            while (clock.GetUtcNow() < clock.Start.AddHours(12).AddMinutes(-20))
            {
                clock.Advance(TimeSpan.FromMinutes(20));
                Assert.Equal(HttpStatusCode.OK, await ReplayAsync(host, busyCookie));
            }
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(host, busyCookie));
        }
        await using var db = await Fixture.CreateDbContextAsync();
        var reasons = await db.Set<UserSession>().AsNoTracking().OrderBy(s => s.StartedAt).Select(s => s.EndReason).ToListAsync();
        Assert.Equal(new[] { SessionEndReasons.Idle, SessionEndReasons.Expired }.Order(), reasons.Order());
    }

    [Fact]
    public async Task An_open_circuit_of_an_ended_session_is_no_longer_valid()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        var (client, _) = await SignInAsync(host);
        using (client)
        {
            var principal = await PrincipalOfAsync(host, Admin);
            await using var scope = host.Services.CreateAsyncScope();
            var sessions = scope.ServiceProvider.GetRequiredService<UserSessions>();
            var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions>>().Value;
            Assert.True(await CircuitRevalidation.SessionIsLiveAsync(sessions, principal, default));
            Assert.Equal(CircuitAccessCheck.Verdict.Unchanged, (await CircuitAccessCheck.RunAsync(scope.ServiceProvider, principal, options)).Verdict);
            Assert.Equal(1, await sessions.EndAllAsync(principal.UserId()!.Value, SessionEndReasons.SecondFactorReset, AuditActor.System));
            Assert.False(await CircuitRevalidation.SessionIsLiveAsync(sessions, principal, default));
            Assert.Equal(CircuitAccessCheck.Verdict.AccountGone, (await CircuitAccessCheck.RunAsync(scope.ServiceProvider, principal, options)).Verdict);
        }
    }

    [Fact]
    public async Task Deactivating_an_account_ends_its_sessions_on_every_device_recorded_as_ended_by_the_admin()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        var (admin, _) = await SignInAsync(host);
        var (moderator, moderatorCookie) = await SignInAsync(host, "moderator@adminportal.demo");
        using (admin) using (moderator)
        {
            var by = await PrincipalOfAsync(host, Admin);
            await using var db0 = await Fixture.CreateDbContextAsync();
            var target = await db0.Users.AsNoTracking().SingleAsync(u => u.Email == "moderator@adminportal.demo");
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<AdminPortal.Features.Users.UserStatusActions>()
                .DeactivateAsync(by, target.Id, target.Version, "Account compromised");
            Assert.True(outcome.Succeeded, outcome.Message);
            Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(host, moderatorCookie, "/products"));
            await using var db = await Fixture.CreateDbContextAsync();
            var row = await db.Set<UserSession>().AsNoTracking().SingleAsync(s => s.UserId == target.Id);
            Assert.Equal(SessionEndReasons.Deactivated, row.EndReason);
            Assert.Equal("Asha Admin", row.EndedByName);
            Assert.True(await db.Set<AuditLogEntry>().AnyAsync(a => a.Action == SignInAuditActions.SessionEnded
                && a.EntityId == target.Id.ToString() && a.ActorId == by.UserId()));
        }
    }

    [Fact]
    public async Task Setting_a_new_password_with_a_one_time_link_ends_every_session()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        var (client, cookie) = await SignInAsync(host);
        using (client)
        {
            var adminId = (await PrincipalOfAsync(host, Admin)).UserId()!.Value;
            var link = await host.Services.GetRequiredService<AdminPortal.Features.Users.PasswordLinks>().CreateAsync(adminId);
            using var browser = host.Client();
            var form = await browser.GetStringAsync(link);
            var token = AntiforgeryToken().Match(form);
            Assert.True(token.Success, "the set-password form has an antiforgery token");
            using var post = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "set-password",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
                ["Input.Password"] = "a brand new long passphrase",
                ["Input.Confirm"] = "a brand new long passphrase",
            }));
            Assert.Contains("Your password is set.", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(host, cookie));
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(SessionEndReasons.PasswordReset, await db.Set<UserSession>().AsNoTracking().Select(s => s.EndReason).SingleAsync());
    }

    /// <summary>The principal of the user's newest session, as its cookie would give it (ticket from the store).</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalOfAsync(PortalWebHost host, string email)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var ticket = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.EndedAt == null && db.Users.Any(u => u.Id == s.UserId && u.Email == email))
            .OrderByDescending(s => s.StartedAt).Select(s => s.Ticket).FirstAsync();
        _ = host;
        return Microsoft.AspNetCore.Authentication.TicketSerializer.Default.Deserialize(ticket)!.Principal;
    }

    [Fact]
    public async Task A_changed_security_stamp_is_refused_on_the_next_request_by_the_check_in_a_scope_of_its_own()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        // the request's services hand out the scoped check (ScopedStampValidator), which keeps no DbContext in them
        await using (var requestScope = host.Services.CreateAsyncScope())
            Assert.IsType<ScopedStampValidator>(requestScope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.ISecurityStampValidator>());
        var (client, cookie) = await SignInAsync(host);
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, await ReplayAsync(host, cookie));
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AdminPortal.Data.Identity.PortalUser>>();
                var admin = await users.FindByEmailAsync(Admin);
                Assert.True((await users.UpdateSecurityStampAsync(admin!)).Succeeded);
            }
            Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(host, cookie));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
