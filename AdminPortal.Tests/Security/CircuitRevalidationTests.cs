using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data.Demo;
using AdminPortal.Data.Identity;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using AdminPortal.Security.Sessions;
using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Security;

/// <summary>
/// The circuits' revalidation answered in batches (decision 0051): a batch mixing live and dead principals answers
/// each exactly as the single check does, concurrent callers each get their own answer, and a database out of reach
/// answers "still valid" so no circuit is signed out.
/// </summary>
public sealed class CircuitRevalidationTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private IdentityOptions Options => Get<IOptions<IdentityOptions>>().Value;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
    }

    /// <summary>Every way a circuit's principal can be dead, beside two live ones; name → expected answer.</summary>
    private async Task<List<(string Case, ClaimsPrincipal Principal, bool Valid)>> CasesAsync()
    {
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var idle = Get<IOptions<SessionOptions>>().Value.Idle;
        var live = await SignedInAsync("admin@adminportal.demo");
        var cases = new List<(string, ClaimsPrincipal, bool)>
        {
            ("live", live, true),
            ("live, another user", await SignedInAsync("moderator@adminportal.demo"), true),
        };
        async Task<ClaimsPrincipal> SessionAsync(Action<UserSession> change)
        {
            var principal = await SignedInAsync("admin@adminportal.demo");
            var id = PostgresTicketStore.SessionId(principal);
            await using var db = await Fixture.CreateDbContextAsync();
            change(await db.Set<UserSession>().SingleAsync(s => s.Id == id));
            await db.SaveChangesAsync();
            return principal;
        }
        cases.Add(("session ended", await SessionAsync(s => { s.EndedAt = now; s.EndReason = SessionEndReasons.SignedOut; }), false));
        cases.Add(("session expired", await SessionAsync(s => s.AbsoluteExpiresAt = now.AddSeconds(-1)), false));
        cases.Add(("session idle", await SessionAsync(s => s.LastSeenAt = now - idle - TimeSpan.FromSeconds(1)), false));

        var rotated = await SignedInAsync("moderator2@adminportal.demo");
        await UserAsync("moderator2@adminportal.demo", u => u.SecurityStamp = Guid.NewGuid().ToString("N"));
        cases.Add(("stamp rotated", rotated, false));
        var deactivated = await SignedInAsync("staff.a@adminportal.demo");
        await UserAsync("staff.a@adminportal.demo", u => u.Status = PlatformUserStatus.Inactive);
        cases.Add(("deactivated", deactivated, false));
        var deleted = await SignedInAsync("staff.b@adminportal.demo");
        await UserAsync("staff.b@adminportal.demo", u => u.DeletedAt = now);
        cases.Add(("deleted", deleted, false));

        var roleless = await SignedInAsync(await NewModeratorAsync("roleless@example.org"));
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.UserRoles.Where(r => r.UserId == roleless.UserId()).ExecuteDeleteAsync();
        cases.Add(("every portal role removed", roleless, false));

        // a live session row, but the principal names a user that does not exist
        var unknown = new ClaimsPrincipal(new ClaimsIdentity(
            live.Claims.Where(c => c.Type != ClaimTypes.NameIdentifier).Append(new Claim(ClaimTypes.NameIdentifier, "987654")), "test"));
        cases.Add(("unknown user", unknown, false));
        return cases;
    }

    [Fact]
    public async Task A_batch_mixing_live_and_dead_principals_answers_each_as_the_single_check_does()
    {
        var cases = await CasesAsync();
        var batcher = Get<RevalidationBatcher>();
        var before = batcher.Counters();
        // one window: every check below is asked before the first is answered
        var answers = await Task.WhenAll(cases.Select(c => batcher.IsStillValidAsync(RevalidationRequest.Of(c.Principal, Options)!)));
        var after = batcher.Counters();

        await using var scope = Scope();
        var sessions = scope.ServiceProvider.GetRequiredService<UserSessions>();
        var access = scope.ServiceProvider.GetRequiredService<PortalAccess>();
        for (var i = 0; i < cases.Count; i++)
        {
            var single = await CircuitRevalidation.SessionIsLiveAsync(sessions, cases[i].Principal)
                         && await CircuitRevalidation.UserIsStillValidAsync(access, cases[i].Principal, Options);
            Assert.True(cases[i].Valid == answers[i], $"{cases[i].Case}: the batch answered {answers[i]}");
            Assert.True(single == answers[i], $"{cases[i].Case}: the single check answered {single}, the batch {answers[i]}");
        }
        Assert.Equal(1, after["batches"] - before["batches"]);
        Assert.Equal(2, after["queries"] - before["queries"]);
        Assert.Equal(cases.Count, after["requests"] - before["requests"]);
    }

    [Fact]
    public async Task The_single_checks_agree_with_the_verdict_of_an_open_circuits_access_check()
    {
        var cases = await CasesAsync();
        foreach (var (name, principal, valid) in cases)
        {
            await using var scope = Scope();
            var verdict = (await CircuitAccessCheck.RunAsync(scope.ServiceProvider, principal, Options)).Verdict;
            // a dead principal never passes as unchanged; a live one is unchanged
            Assert.True(valid == (verdict == CircuitAccessCheck.Verdict.Unchanged), $"{name}: {verdict}");
        }
    }

    [Fact]
    public async Task Many_concurrent_callers_each_get_their_own_answer_and_one_session_asks_once_per_batch()
    {
        var cases = await CasesAsync();
        // a small batch size: batches fill up and are answered before the window ends, as well as by the window
        var batcher = new RevalidationBatcher(Get<IServiceScopeFactory>(), new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Security:RevalidationBatchSize"] = "4", ["Security:RevalidationBatchMilliseconds"] = "100" }).Build(),
            NullLogger<RevalidationBatcher>.Instance);
        // runs of the same principal, as the circuits of one session revalidate at about the same moments
        var callers = Enumerable.Range(0, 400).Select(i => cases[i / 8 % cases.Count]).ToList();
        var answers = await Task.WhenAll(callers.Select(c => Task.Run(() => batcher.IsStillValidAsync(RevalidationRequest.Of(c.Principal, Options)!))));
        for (var i = 0; i < callers.Count; i++)
            Assert.True(callers[i].Valid == answers[i], $"caller {i} ({callers[i].Case}) got {answers[i]}");
        var counters = batcher.Counters();
        Assert.Equal(400, counters["checks"]);
        Assert.True(counters["requests"] < 400, $"identical requests of one batch share one answer ({counters["requests"]} answered)");
        Assert.True(counters["batches"] >= counters["requests"] / 4, "no batch holds more than its size");
    }

    [Fact]
    public void A_principal_without_a_session_or_a_user_is_no_request()
    {
        Assert.Null(RevalidationRequest.Of(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "1")], "test")), Options));
        Assert.Null(RevalidationRequest.Of(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PostgresTicketStore.SessionClaim, Guid.NewGuid().ToString())], "test")), Options));
    }

    [Fact]
    public async Task A_database_out_of_reach_answers_still_valid_and_signs_no_circuit_out()
    {
        var principal = await SignedInAsync("admin@adminportal.demo");
        var unreachable = $"Host=127.0.0.1;Port={AdminPortal.Data.Local.EmbeddedPostgres.FreeLoopbackPort()};Database=none;Username=none;Password=none;Timeout=3";
        var quick = new Dictionary<string, string?> { ["Security:RevalidationSeconds"] = "1" };
        await using (var down = PostgresFixture.BuildServices(unreachable, Fixture.Clock, settings: quick))
        {
            Assert.True(await down.GetRequiredService<RevalidationBatcher>().IsStillValidAsync(RevalidationRequest.Of(principal, Options)!));
            Assert.True(await StillSignedInAfterRoundsAsync(down, principal), "a circuit was signed out while the database was down");
        }
        // the same circuit on a reachable database whose session has ended is signed out: the check above could fail
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.Set<UserSession>().ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, Fixture.Clock.GetUtcNow().UtcDateTime));
        await using var up = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock, settings: quick);
        Assert.False(await StillSignedInAfterRoundsAsync(up, principal), "an ended session kept its circuit");
    }

    /// <summary>A circuit's provider holding <paramref name="principal"/> through three revalidation rounds (1 s each).</summary>
    private static async Task<bool> StillSignedInAfterRoundsAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        await using var circuit = services.CreateAsyncScope();
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var signedOut = new TaskCompletionSource();
        provider.AuthenticationStateChanged += _ => signedOut.TrySetResult();
        var ended = await Task.WhenAny(signedOut.Task, Task.Delay(TimeSpan.FromSeconds(3.5))) == signedOut.Task;
        return !ended && (await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;
    }

    private async Task<ClaimsPrincipal> SignedInAsync(string email)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        return await SignedInAsync(await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    /// <summary>The principal as a cookie gives it: made by the portal's factory, with a live session row.</summary>
    private async Task<ClaimsPrincipal> SignedInAsync(int userId)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>()
            .CreateAsync((await users.FindByIdAsync(userId.ToString(CultureInfo.InvariantCulture)))!);
        await Get<PostgresTicketStore>().StoreAsync(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
        return principal;
    }

    private async Task UserAsync(string email, Action<PortalUser> change)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        change(await db.Users.SingleAsync(u => u.Email == email));
        await db.SaveChangesAsync();
    }

    private async Task<int> NewModeratorAsync(string email)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var admin = await db.Users.AsNoTracking().Where(u => u.Email == "admin@adminportal.demo").Select(u => u.Id).SingleAsync();
        await using var scope = Scope();
        var created = await scope.ServiceProvider.GetRequiredService<AdminPortal.Features.Users.StaffAccounts>().CreateAsync(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.ToString(CultureInfo.InvariantCulture))], "test")),
            new AdminPortal.Features.Users.StaffAccounts.Input(email, "Roleless", null, [new AdminPortal.Features.Users.RoleAssignments.Grant(PortalRoles.Moderator)]));
        Assert.True(created.Succeeded, created.Message);
        return created.Value!.UserId;
    }
}
