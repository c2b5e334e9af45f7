using System.Net;
using System.Text.RegularExpressions;

namespace AdminPortal.Bench.CircuitClient;

/// <summary>
/// One sign-in through the real login form (antiforgery token, cookies kept): the HttpClient that fetches pages and
/// the cookie jar the circuits' WebSockets present. One per role, shared by all of that role's circuits, so the
/// sign-in throttling (decision 0017) is met once and never measured; the portal caps neither sessions nor circuits
/// per user, so thousands of circuits on one session are what thousands of tabs of one person would be.
/// </summary>
public sealed partial class PortalSession(HttpClient http, CookieContainer cookies) : IDisposable
{
    public HttpClient Http { get; } = http;
    public CookieContainer Cookies { get; } = cookies;
    public Uri BaseAddress => Http.BaseAddress!;

    public static async Task<PortalSession> SignInAsync(Uri baseAddress, string email, string password)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var page = await http.GetStringAsync("/account/login");
        var token = WebUtility.HtmlDecode(AntiforgeryInput().Match(page).Groups[1].Value);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await http.PostAsync("/account/login", form);
        var location = response.Headers.Location?.ToString() ?? "";
        if ((int)response.StatusCode is not (302 or 303) || location.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
        {
            http.Dispose();
            throw new InvalidOperationException($"sign-in as {email} failed: {(int)response.StatusCode} {location}");
        }
        return new PortalSession(http, cookies);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    public void Dispose() => Http.Dispose();
}
