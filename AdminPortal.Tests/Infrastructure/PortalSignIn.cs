using System.Net;
using System.Text.RegularExpressions;
using AdminPortal.Data.Demo;

namespace AdminPortal.Tests.Infrastructure;

/// <summary>Signs a client of <see cref="PortalWebHost"/> in through the real login form (antiforgery token included).</summary>
public static partial class PortalSignIn
{
    /// <summary>A client with the sign-in cookie of <paramref name="email"/> (a demo account: DemoAccounts.SeedAsync first).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this PortalWebHost host, string email)
    {
        var client = host.Client();
        var form = await client.GetStringAsync("/account/login");
        var token = Token().Match(form);
        Assert.True(token.Success, "the login form has no antiforgery token");
        using var post = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = DemoAccounts.Password,
        }));
        Assert.True(post.StatusCode == HttpStatusCode.Redirect,
            $"signing in as {email} answered {(int)post.StatusCode}: {await post.Content.ReadAsStringAsync()}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
