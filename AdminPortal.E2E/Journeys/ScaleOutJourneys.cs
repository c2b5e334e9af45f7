using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>Several instances over one database, behind the nginx config of docs/deploy.md.</summary>
[Collection(SecondPortalCollection.Name)]
public sealed class ScaleOutJourneys(BrowserFixture portal)
{
    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_valid_on_another()
    {
        var second = await portal.Server.StartAnotherInstanceAsync();
        await using var first = await portal.NewContextAsync(Demo.Moderator);   // signed in on instance 1
        var state = await first.StorageStateAsync();
        await using var other = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = second,
            StorageState = state,
        });
        CspViolations.Watch(other);
        var page = await other.NewPageAsync();
        await page.GotoAsync("/products");
        Assert.DoesNotContain("/account/login", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(new ShellPage(page).SignedInUser).ToContainTextAsync("Mira Moderator");
    }

    [Fact]
    public async Task Signing_in_and_working_through_nginx_keeps_a_live_circuit()
    {
        var second = await portal.Server.StartAnotherInstanceAsync();
        await using var nginx = await NginxProxy.StartAsync(Repository.Root, [portal.BaseUrl, second]);
        await using var context = await portal.NewContextAsync(baseUrl: nginx.BaseUrl);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(Demo.Admin, Demo.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        var shell = new ShellPage(page);
        await shell.WaitForCircuitAsync();
        // the theme toggle is handled over the circuit's WebSocket: it only works if nginx upgrades the connection
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" })).ToBeVisibleAsync();
    }
}
