using AdminPortal.Tests.Infrastructure;

namespace AdminPortal.Tests.Security;

/// <summary>Browser security headers on a page, a static asset, a media file and the health check (issue 20).</summary>
public sealed class SecurityHeadersTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    public static TheoryData<string> Paths => new() { "/account/login", "/app.css", "/assets/chat/photo.svg", "/healthz", "/no-such-page" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_response_carries_the_browser_security_headers(string path)
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var client = host.Client();
        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Matches(@"script-src 'self' 'nonce-[A-F0-9]{32}';", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        Assert.Matches("connect-src 'self' ws://127.0.0.1:[0-9]+;", csp);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS in Development");
    }

    [Fact]
    public async Task The_page_gives_its_import_map_the_nonce_of_its_policy()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var client = host.Client();
        using var response = await client.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

        Assert.Matches($"<script type=\"importmap\"[^>]*nonce=\"{nonce}\"", html);
        Assert.DoesNotMatch("<script(?![^>]*\\b(src|nonce)=)[^>]*>", html);   // no other inline script
        Assert.DoesNotMatch("\\son[a-z]+=\"", html);                         // no inline event handler
    }

    [Fact]
    public async Task Outside_Development_https_responses_carry_HSTS_and_unknown_hosts_are_refused()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Production", new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "portal.example.org",
            ["ForwardedHeaders:Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        using var client = host.Client();

        using var https = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        https.Headers.Host = "portal.example.org";
        https.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(https);
        Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' wss://portal.example.org;", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        other.Headers.Host = "evil.example.com";
        using var refused = await client.SendAsync(other);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
