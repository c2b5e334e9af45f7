using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

[Collection(PortalCollection.Name)]
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
        await shell.SignOutButton.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out.");
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
}
