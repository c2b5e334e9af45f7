using System.Net;
using System.Text.RegularExpressions;
using AdminPortal.Data.Demo;

namespace AdminPortal.Tests.Infrastructure;

/// <summary>Signs a client of <see cref="PortalWebHost"/> in through the real login form (antiforgery token included).</summary>
public static partial class PortalSignIn
{
    /// <summary>A client with the sign-in cookie of <paramref name="email"/> (a demo account: DemoAccounts.SeedAsync first).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this PortalWebHost host, string email, string? clientAddress = null)
    {
        var client = host.Client(clientAddress);
        using var post = await client.PostLoginAsync(email, DemoAccounts.Password);
        Assert.True(post.StatusCode == HttpStatusCode.Redirect,
            $"signing in as {email} answered {(int)post.StatusCode}: {await post.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Fetches the form (for its antiforgery token) and posts one sign-in attempt.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = Token().Match(form);
        Assert.True(token.Success, "the login form has no antiforgery token");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The error the sign-in page shows after a failed attempt, or null.</summary>
    public static string? LoginError(string html)
    {
        var m = Error().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex Error();
}
