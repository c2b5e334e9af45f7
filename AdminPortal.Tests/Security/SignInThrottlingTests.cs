using System.Net;
using AdminPortal.Components.Account;
using AdminPortal.Data.Demo;
using AdminPortal.Security.SignIn;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Security;

/// <summary>
/// Sign-in throttling over HTTP through the portal's own pipeline, with client addresses from X-Forwarded-For (the
/// forwarded-headers middleware on, the test client on loopback as the proxy is): after the limit 429 with Retry-After
/// and a page saying when; a stranger hammering an account neither keeps its owner out nor ends its open sessions.
/// </summary>
[Collection(ThirdDatabaseCollection.Name)]
public sealed class SignInThrottlingTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["ForwardedHeaders:Enabled"] = "true",
        ["SignIn:Throttle:PerAddressBurst"] = "8",
        ["SignIn:Throttle:PerAddressSecondsPerAttempt"] = "600",
        ["SignIn:Throttle:PerAccountAddressBurst"] = "3",
        ["SignIn:Throttle:PerAccountAddressSecondsPerAttempt"] = "600",
        ["SignIn:Throttle:AccountFreeFailures"] = "2",
        ["SignIn:Throttle:AccountFirstDelaySeconds"] = "0.05",
        ["SignIn:Throttle:AccountMaxDelaySeconds"] = "0.2",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
    }

    [Fact]
    public async Task After_the_limit_an_attempt_gets_429_with_Retry_After_and_a_page_saying_when()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development", Settings);
        using var stranger = host.Client("203.0.113.66");
        for (var i = 0; i < 3; i++)
        {
            using var failed = await stranger.PostLoginAsync("admin@adminportal.demo", "guess-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Equal(LoginAttempt.Failed, PortalSignIn.LoginError(await failed.Content.ReadAsStringAsync()));
        }
        using var refused = await stranger.PostLoginAsync("admin@adminportal.demo", "guess-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retry = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retry);
        Assert.InRange(retry!.Value.TotalSeconds, 1, 600);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains(TooManyAttemptsPage.Heading, page, StringComparison.Ordinal);
        Assert.Contains("Try again in", page, StringComparison.Ordinal);
        // an unknown email is refused the same way after the same number: the 429 tells nothing about accounts
        for (var i = 0; i < 3; i++)
            (await stranger.PostLoginAsync("nobody@adminportal.demo", "guess-" + i)).Dispose();
        using var unknown = await stranger.PostLoginAsync("nobody@adminportal.demo", "guess-4");
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.StatusCode);
        // and the address limit catches spraying across accounts (8 from one address: 3 + 1 + 3 + 1 used)
        using var sprayed = await stranger.PostLoginAsync("moderator@adminportal.demo", "guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, sprayed.StatusCode);
    }

    [Fact]
    public async Task The_owner_signs_in_from_another_address_while_a_stranger_hammers_the_account_and_open_sessions_carry_on()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development", Settings);
        using var openSession = await host.SignedInClientAsync("admin@adminportal.demo", "198.51.100.10");
        using var stranger = host.Client("203.0.113.66");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var r = await stranger.PostLoginAsync("admin@adminportal.demo", "guess-" + i);
            statuses.Add(r.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        using var owner = await host.SignedInClientAsync("admin@adminportal.demo", "198.51.100.20");
        using var ownerPage = await owner.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, ownerPage.StatusCode);
        using var stillOpen = await openSession.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
    }

    [Fact]
    public async Task Only_sign_in_posts_are_throttled()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development", Settings);
        using var client = host.Client("203.0.113.67");
        for (var i = 0; i < 20; i++)
        {
            using var r = await client.GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
    }

    [Theory]
    [InlineData("/account/login", true)]
    [InlineData("/account/login/second-step", true)]
    [InlineData("/account/passkey/options", true)]
    [InlineData("/account/second-factor", true)]
    [InlineData("/account/recovery", true)]
    [InlineData("/account/logout", false)]
    [InlineData("/account/loginx", false)]
    [InlineData("/users", false)]
    public void The_paths_are_one_prefix_list(string path, bool throttled) =>
        Assert.Equal(throttled, new SignInThrottleOptions().Throttles(path));

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    public void Addresses_are_counted_per_IPv4_address_and_per_IPv6_64(string address, string key) =>
        Assert.Equal(key, SignInThrottling.AddressKey(IPAddress.Parse(address)));

    [Fact]
    public void The_account_slowdown_grows_is_capped_and_decays()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var slowdown = new AccountSlowdown(Options.Create(new SignInThrottleOptions()), clock);
        var key = AccountSlowdown.KeyOf(" Admin@AdminPortal.demo ");
        for (var i = 0; i < 10; i++)
            slowdown.RecordFailure(key);
        Assert.Equal(TimeSpan.FromSeconds(0.25), slowdown.DelayFor(key));
        slowdown.RecordFailure(key);
        Assert.Equal(TimeSpan.FromSeconds(0.5), slowdown.DelayFor(key));
        for (var i = 0; i < 20; i++)
            slowdown.RecordFailure(key);
        Assert.Equal(TimeSpan.FromSeconds(5), slowdown.DelayFor(key));
        Assert.Equal(TimeSpan.Zero, slowdown.DelayFor(AccountSlowdown.KeyOf("someone.else@adminportal.demo")));
        clock.Advance(TimeSpan.FromHours(2));   // eight half-lives: 31 failures decay below the free ten
        Assert.Equal(TimeSpan.Zero, slowdown.DelayFor(key));
    }
}
