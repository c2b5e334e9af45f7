using AdminPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Security;

/// <summary>
/// The portal's cookies (decision 0017): <c>__Host-</c> and Secure outside Development; in Development (http on
/// loopback, the E2E tests) no prefix and Secure as the request is; always HttpOnly and SameSite Lax or Strict.
/// </summary>
public sealed class CookieTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private static readonly string[] Schemes =
    [
        IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme,
        IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme,
    ];

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public async Task Outside_Development_every_cookie_is_Host_prefixed_and_Secure(string environment, bool secure)
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, environment,
            new Dictionary<string, string?> { ["AllowedHosts"] = "*", ["ForwardedHeaders:Enabled"] = "true" });
        var cookies = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        foreach (var scheme in Schemes)
        {
            var cookie = cookies.Get(scheme).Cookie;
            Assert.Equal(secure, cookie.Name!.StartsWith("__Host-", StringComparison.Ordinal));
            Assert.Equal(secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest, cookie.SecurePolicy);
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
            Assert.Equal("/", cookie.Path);
            Assert.Null(cookie.Domain);
        }
        Assert.NotNull(cookies.Get(IdentityConstants.ApplicationScheme).SessionStore);
        var antiforgery = host.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie;
        Assert.Equal(secure, antiforgery.Name!.StartsWith("__Host-", StringComparison.Ordinal));
        Assert.Equal(SameSiteMode.Strict, antiforgery.SameSite);

        // what a browser gets: the sign-in page's antiforgery cookie, over https (through the proxy: outside Development
        // the antiforgery cookie is refused on plain http altogether)
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (secure)
            request.Headers.Add("X-Forwarded-Proto", "https");   // Development: plain http, Secure follows the request
        using var page = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var setCookie = string.Join("\n", page.Headers.GetValues("Set-Cookie"));
        Assert.Contains(secure ? "__Host-AdminPortal.Antiforgery=" : "AdminPortal.Antiforgery=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(secure, setCookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
