using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// Second factors in Chromium: a passkey made and used through Chromium's virtual authenticator (CDP WebAuthn), an
/// authenticator app whose codes the test computes from the key the page shows, recovery codes that work once, and a
/// role that must enrol. Each journey uses a fresh admin account (create-admin), so the shared demo accounts keep
/// signing in with the password alone. Screenshots of the pages at both sizes go to /tmp/shots-mfa15/.
/// </summary>
[Collection(SecondPortalCollection.Name)]
public sealed class SecondFactorJourneys(BrowserFixture portal)
{
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "shots-mfa15");

    private async Task<string> NewAdminAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}"[..24] + "@e2e.test";
        var (code, output) = await portal.Server.RunVerbAsync(["create-admin", "--email", email, "--password-stdin"], Demo.Password);
        Assert.True(code == 0, output);
        return email;
    }

    /// <summary>WebAuthn needs a domain, not an IP address, as its relying party: the portal on localhost.</summary>
    private string Localhost(string? baseUrl = null) => (baseUrl ?? portal.BaseUrl).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task A_passkey_is_enrolled_and_then_signs_in_on_its_own()
    {
        var email = await NewAdminAsync("passkey");
        await using var context = await portal.NewContextAsync(baseUrl: Localhost());
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await new LoginPage(page).SignInAsync(email, Demo.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/account/security");
        await page.GetByLabel("Name of the new passkey").FillAsync("Laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("security-outcome")).ToHaveTextAsync("The passkey \"Laptop\" is added.");
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Your passkeys" })).ToContainTextAsync("Laptop");
        await ShotAsync(page, "security-passkey-1366");

        // signed out, the passkey alone signs in (no email, no password)
        await context.ClearCookiesAsync();
        await page.GotoAsync("about:blank");   // no circuit of the old session left to redirect mid-sign-in
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await Assertions.Expect(new ShellPage(page).SignedInUser).ToBeVisibleAsync();

        // and the password now asks for it as the second step
        await context.ClearCookiesAsync();
        await page.GotoAsync("about:blank");   // no circuit of the old session left to redirect mid-sign-in
        await new LoginPage(page).SignInAsync(email, Demo.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/second-factor$"), new() { Timeout = 20_000 });
        await ShotAsync(page, "second-factor-passkey-1366");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await Assertions.Expect(new ShellPage(page).SignedInUser).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_authenticator_app_signs_in_with_the_code_of_the_shown_key_and_a_recovery_code_works_once()
    {
        var email = await NewAdminAsync("totp");
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Demo.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/account/security");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code holding the authenticator key shown below" })).ToBeVisibleAsync();
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await ShotAsync(page, "security-authenticator-setup-1366");
        await page.GetByLabel("Code from the app").FillAsync(AuthenticatorCode.At(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the app" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("security-outcome")).ToHaveTextAsync("The authenticator app is set up.");
        var codes = await page.GetByTestId("recovery-codes").Locator("li").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);

        // password, then a code the "app" computes now. Each sign-in in a browser context of its own: after clearing the
        // cookies and going to about:blank, a request of the signed-in page still in flight could come back as a redirect
        // to the login page and interrupt the next sign-in's navigation (CI, stop 27).
        await using var second = await portal.NewContextAsync();
        page = await second.NewPageAsync();
        await new LoginPage(page).SignInAsync(email, Demo.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/second-factor$"), new() { Timeout = 20_000 });
        await page.GetByLabel("Code from your authenticator app").FillAsync("000000" == AuthenticatorCode.At(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("second-factor-error")).ToBeVisibleAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(AuthenticatorCode.At(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await Assertions.Expect(new ShellPage(page).SignedInUser).ToBeVisibleAsync();

        // a recovery code instead: once
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var fresh = await portal.NewContextAsync();
            page = await fresh.NewPageAsync();
            await new LoginPage(page).SignInAsync(email, Demo.Password);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/second-factor$"), new() { Timeout = 20_000 });
            await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Recovery code" }).FillAsync(codes[0]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            if (attempt == 0)
            {
                await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
                await Assertions.Expect(new ShellPage(page).SignedInUser).ToBeVisibleAsync();
            }
            else
            {
                await Assertions.Expect(page.GetByTestId("recovery-error")).ToHaveTextAsync("That recovery code is not right, or it was used already.");
                Assert.Contains("/account/recovery", page.Url, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_role_that_must_enrol_is_taken_to_enrolment_and_the_portal_stays_closed_until_then()
    {
        var email = await NewAdminAsync("enrol");
        await using var strictInstance = await portal.Server.StartInstanceAsync(new Dictionary<string, string> { ["Security:MfaRequiredRoles:0"] = "Admin" });
        var strict = strictInstance.Url;
        foreach (var (width, height) in new[] { (390, 844), (1366, 768) })
        {
            await using var context = await portal.NewContextAsync(width: width, height: height, baseUrl: strict);
            var page = await context.NewPageAsync();
            await new LoginPage(page).SignInAsync(email, Demo.Password);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/second-factor/enrol$"), new() { Timeout = 20_000 });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a second factor" })).ToBeVisibleAsync();
            await ShotAsync(page, $"enrol-{width}");
            await page.GotoAsync("/users");
            Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
            if (width != 1366)
            {
                await page.GotoAsync("/account/login");
                await ShotAsync(page, $"login-{width}");
                continue;
            }
            await new LoginPage(page).SignInAsync(email, Demo.Password);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/second-factor/enrol\\?returnUrl=%2Fusers$"), new() { Timeout = 20_000 });
            var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
            await page.GetByLabel("Code from the app").FillAsync(AuthenticatorCode.At(key, DateTimeOffset.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the app" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
            await ShotAsync(page, "enrol-done-1366");
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue to the portal" }).ClickAsync();
            await Assertions.Expect(new ShellPage(page).SignedInUser).ToBeVisibleAsync();
            // the next sign-in asks for the code: shots of the second step and the recovery page at both sizes
            // Each sign-in in a browser context of its own: clearing the cookies of the signed-in context raced with the
            // old page's last responses, which could set an antiforgery cookie the next login form's token did not match.
            foreach (var (w, h) in new[] { (1366, 768), (390, 844) })
            {
                await using var again = await portal.NewContextAsync(width: w, height: h, baseUrl: strict);
                var next = await again.NewPageAsync();
                await new LoginPage(next).SignInAsync(email, Demo.Password);
                await Assertions.Expect(next).ToHaveURLAsync(new Regex("/account/second-factor$"), new() { Timeout = 20_000 });
                await ShotAsync(next, $"second-factor-{w}");
                await next.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
                await Assertions.Expect(next.GetByRole(AriaRole.Heading, new() { Name = "Use a recovery code" })).ToBeVisibleAsync();
                await ShotAsync(next, $"recovery-{w}");
            }
        }
    }
}

/// <summary>What an authenticator app computes (RFC 6238: HMAC-SHA1, 30 s, 6 digits), written here for the test.</summary>
internal static class AuthenticatorCode
{
    public static string At(string base32Key, DateTimeOffset time)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bits = string.Concat(clean.Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(time.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
            Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }
}
