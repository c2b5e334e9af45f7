using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

[Collection(PortalCollection.Name)]
public sealed class RoleAccessJourneys(BrowserFixture portal)
{
    [Theory]
    [InlineData(Demo.Admin, "Dashboard,Products,Brands,Influencers,Niches,Vendors,Subscriptions,Tickets,Users,Chats")]
    [InlineData(Demo.Moderator, "Dashboard,Products,Brands,Influencers,Niches,Vendors,Chats")]
    [InlineData(Demo.StaffA, "Dashboard,Tickets")]
    public async Task Each_role_sees_only_its_sections(string email, string expected)
    {
        await using var context = await portal.NewContextAsync(email);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var sections = await new ShellPage(page).VisibleSectionsAsync();
        Assert.Equal(expected.Split(','), sections);
    }

    [Theory]
    [InlineData(Demo.Moderator, "/users")]
    [InlineData(Demo.Moderator, "/tickets")]
    [InlineData(Demo.StaffA, "/products")]
    [InlineData(Demo.StaffA, "/chats")]
    [InlineData(Demo.StaffA, "/brands")]
    [InlineData(Demo.StaffA, "/vendors")]
    [InlineData(Demo.Moderator, "/subscriptions")]
    [InlineData(Demo.StaffB, "/users")]
    public async Task A_forbidden_url_typed_by_hand_shows_access_denied(string email, string url)
    {
        await using var context = await portal.NewContextAsync(email);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_theme_choice_is_remembered()
    {
        await using var context = await portal.NewContextAsync(Demo.Admin);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var shell = new ShellPage(page);
        await shell.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync("theme-dark");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_live_feed()
    {
        using var http = new HttpClient();
        var body = await http.GetStringAsync($"{portal.BaseUrl}/healthz");
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        // the listener is up once the portal has served a page; no figures in the public answer
        Assert.Contains("\"live\":{\"status\":\"Healthy\",\"description\":\"Listening on PostgreSQL\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("subscribers", body, StringComparison.OrdinalIgnoreCase);
    }
}
