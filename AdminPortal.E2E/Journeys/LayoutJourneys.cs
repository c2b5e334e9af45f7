using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// Every page at 1366x768 and at phone width: nothing overflows sideways, the heading is in view. Screenshots go to
/// TestResults/screenshots for a person to look at.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LayoutJourneys(BrowserFixture portal)
{
    public static TheoryData<string, string?, int, int> Pages() => new()
    {
        { "/account/login", null, 1366, 768 },
        { "/account/login", null, 390, 844 },
        { "/", Demo.Admin, 1366, 768 },
        { "/", Demo.Admin, 390, 844 },
        { "/products", Demo.Moderator, 1366, 768 },
        { "/products", Demo.Moderator, 390, 844 },
        { "/products/IM_00000000000000Z8", Demo.Moderator, 1366, 768 },   // a demo product; any status renders
        { "/products/IM_00000000000000Z8", Demo.Moderator, 390, 844 },
        { "/tickets", Demo.StaffA, 1366, 768 },
        { "/tickets", Demo.StaffA, 390, 844 },
        { "/tickets", Demo.Admin, 1366, 768 },
        { "/tickets/1", Demo.StaffA, 1366, 768 },
        { "/tickets/1", Demo.StaffA, 390, 844 },
        { "/tickets/new", Demo.StaffA, 390, 844 },
        { "/tickets/categories", Demo.Admin, 1366, 768 },
        { "/tickets/categories", Demo.Admin, 390, 844 },
        { "/users", Demo.Admin, 1366, 768 },
        { "/chats", Demo.Moderator, 1366, 768 },
        { "/users", Demo.Admin, 390, 844 },
        { "/users/access", Demo.Admin, 1366, 768 },
        { "/users/access", Demo.Admin, 390, 844 },
        { "/users/new", Demo.Admin, 1366, 768 },
        { "/users/new", Demo.Admin, 390, 844 },
        { "/chats", Demo.Moderator, 390, 844 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_fit_the_screen(string url, string? email, int width, int height)
    {
        await using var context = await portal.NewContextAsync(email, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        if (email is not null)
            await new ShellPage(page).WaitForCircuitAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{url} at {width}px overflows sideways by {overflow}px");
        var name = $"{(url.Trim('/').Replace('/', '-') is { Length: > 0 } n ? n : "dashboard")}-{email?.Split('@')[0] ?? "anonymous"}-{width}x{height}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Repository.ScreenshotPath(name) });
    }

}
