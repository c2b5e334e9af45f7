using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

[Collection(SecondPortalCollection.Name)]
public sealed class SignInJourneys(BrowserFixture portal)
{
    [Fact]
    public async Task A_moderator_signs_in_and_out()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/products");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await new LoginPage(page).SignInAsync(Demo.Moderator, Demo.Password);
        await page.WaitForURLAsync("**/products");
        var shell = new ShellPage(page);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Products");
        await Assertions.Expect(shell.SignedInUser).ToContainTextAsync("Mira Moderator");
        // the interactive render replaces the prerendered layout: a click before that can land on a node being replaced
        await page.Locator("[data-interactive=true]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await shell.SignOutButton.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out.", new() { Timeout = 10_000 });
        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_clear_message()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(Demo.Admin, "not-the-right-password");
        await Assertions.Expect(login.Error).ToHaveTextAsync("Wrong email or password.");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_never_lock_the_account_out()
    {
        const string email = "lockout@e2e.test";
        var (code, output) = await portal.Server.RunVerbAsync(["create-admin", "--email", email, "--password-stdin"], Demo.Password);
        Assert.True(code == 0, output);

        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await login.SignInAsync(email, $"wrong-password-{i}");
            await Assertions.Expect(login.Error).ToHaveTextAsync("Wrong email or password.");
        }
        await login.SignInAsync(email, Demo.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>A dedicated admin account per journey: ending its sessions never touches the shared demo sign-ins.</summary>
    private async Task<string> NewAdminAsync(string email)
    {
        var (code, output) = await portal.Server.RunVerbAsync(["create-admin", "--email", email, "--password-stdin"], Demo.Password);
        Assert.True(code == 0, output);
        return email;
    }

    private async Task<IPage> SignedInPageAsync(IBrowserContext context, string email, int width = 1366, int height = 768)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await new LoginPage(page).SignInAsync(email, Demo.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task An_open_tab_of_a_session_ended_from_another_browser_is_sent_to_sign_in_within_5_seconds()
    {
        var email = await NewAdminAsync("everywhere@e2e.test");
        await using var laptop = await portal.NewContextAsync();
        await using var phone = await portal.NewContextAsync();
        var open = await SignedInPageAsync(laptop, email);
        await open.GotoAsync("/users");
        await new ShellPage(open).WaitForCircuitAsync();
        await open.Locator("[data-live-access=watching]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var other = await SignedInPageAsync(phone, email);
        await other.GotoAsync("/account/sessions");
        await new ShellPage(other).WaitForCircuitAsync();
        var started = DateTime.UtcNow;
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await open.WaitForURLAsync("**/account/login**", new() { Timeout = 5_000 });
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        await other.WaitForURLAsync("**/account/login**", new() { Timeout = 5_000 });
        // and the tab stays out: its cookie is refused
        await open.GotoAsync("/users");
        Assert.Contains("/account/login", open.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sessions_page_lists_the_sessions_and_ends_one()
    {
        var email = await NewAdminAsync("sessions@e2e.test");
        await using var first = await portal.NewContextAsync();
        await using var second = await portal.NewContextAsync();
        var elsewhere = await SignedInPageAsync(first, email);
        await elsewhere.GotoAsync("/");
        await new ShellPage(elsewhere).WaitForCircuitAsync();
        await elsewhere.Locator("[data-live-access=watching]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var here = await SignedInPageAsync(second, email);
        await here.GotoAsync("/account/sessions");
        await new ShellPage(here).WaitForCircuitAsync();
        var table = here.Locator(".session-table");
        await Assertions.Expect(table.Locator("tr[data-live=true]")).ToHaveCountAsync(2);
        await Assertions.Expect(table.GetByText("this browser")).ToHaveCountAsync(1);
        await Shots.TakeAsync(here, "sessions-1366x768");
        await using (var phone = await portal.NewContextAsync(width: 390, height: 844))
        {
            await phone.AddCookiesAsync((await second.CookiesAsync()).Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure,
                SameSite = c.SameSite, Expires = c.Expires,
            }));
            var small = await phone.NewPageAsync();
            await small.GotoAsync("/account/sessions");
            await new ShellPage(small).WaitForCircuitAsync();
            await Assertions.Expect(small.Locator(".session-table tr[data-live=true]")).ToHaveCountAsync(2);
            await Shots.TakeAsync(small, "sessions-390x844");
        }

        var other = table.Locator("tr[data-live=true]").Filter(new() { HasNot = here.GetByText("this browser") });
        await other.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^End the session") }).ClickAsync();
        await Assertions.Expect(here.GetByTestId("outcome")).ToContainTextAsync("The session has ended.");
        await Assertions.Expect(table.Locator("tr[data-live=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(table.GetByText("ended by the user")).ToHaveCountAsync(1);
        await elsewhere.WaitForURLAsync("**/account/login**", new() { Timeout = 5_000 });
        Assert.Contains("/account/sessions", here.Url, StringComparison.Ordinal);   // this browser carries on
    }

    [Fact]
    public async Task Too_many_attempts_get_a_page_saying_when_to_try_again()
    {
        // an instance of its own with a tiny limit: the shared instance's limiter must stay fresh for the other journeys
        await using var limitedInstance = await portal.Server.StartInstanceAsync(new Dictionary<string, string>
        {
            ["SignIn:Throttle:PerAccountAddressBurst"] = "2",
            ["SignIn:Throttle:PerAccountAddressSecondsPerAttempt"] = "120",
        });
        var baseUrl = limitedInstance.Url;
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            await using var context = await portal.NewContextAsync(width: width, height: height, baseUrl: baseUrl);
            var page = await context.NewPageAsync();
            var login = new LoginPage(page);
            await login.OpenAsync();
            await Shots.TakeAsync(page, $"sign-in-{width}x{height}");
            var email = $"hammered{width}@e2e.test";
            for (var i = 0; i < 2; i++)
            {
                await login.SignInAsync(email, $"wrong-password-{i}");
                await Assertions.Expect(login.Error).ToHaveTextAsync("Wrong email or password.");
            }
            await Shots.TakeAsync(page, $"sign-in-failed-{width}x{height}");
            var response = await page.RunAndWaitForResponseAsync(() => login.SignInAsync(email, "wrong-password-3"),
                r => r.Request.Method == "POST" && r.Url.Contains("/account/login", StringComparison.Ordinal));
            Assert.Equal(429, response.Status);
            Assert.NotNull(await response.HeaderValueAsync("retry-after"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Too many sign-in attempts");
            await Assertions.Expect(page.GetByTestId("throttled")).ToContainTextAsync("Try again in");
            await Shots.TakeAsync(page, $"too-many-attempts-{width}x{height}");
        }
    }
}

/// <summary>Screenshots of these journeys, for a person to look at (TestResults/screenshots/).</summary>
internal static class Shots
{
    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Repository.ScreenshotPath($"{name}.png"), FullPage = true });
}
