using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// The notification centre (issue 18): a moderator reviewing a suggestion hears when another moderator decides it,
/// in the bell and in the centre (live: the outbox dispatcher delivers, the feed brings it to the open page), and
/// follows it to the product; the centre and the preferences at both sizes, light and dark.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class NotificationJourneys(BrowserFixture portal)
{
    private static readonly string Shots = Repository.ScreenshotPath("notifications");

    [Fact]
    public async Task A_moderator_hears_that_another_decided_the_suggestion_they_were_reviewing_and_finds_it_in_the_centre()
    {
        // B (Milan) opens a suggestion for review, then keeps the centre open
        await using var contextB = await portal.NewContextAsync(Demo.Moderator2);
        var pageB = await contextB.NewPageAsync();
        var queueB = new ProductQueuePage(pageB);
        await queueB.OpenAsync();
        var ids = await queueB.RowIdsAsync();
        var id = ids[ids.Count / 3];   // away from the rows other journeys take
        var title = await queueB.TitleOfAsync(id);
        await queueB.OpenReviewAsync(id);
        await Assertions.Expect(queueB.Status).ToHaveTextAsync("suggestion");
        await pageB.GotoAsync("/notifications?show=unread");
        await new ShellPage(pageB).WaitForCircuitAsync();
        var rowB = pageB.GetByTestId("notification-row").Filter(new() { HasText = title });
        await Assertions.Expect(rowB).ToHaveCountAsync(0);

        // A (Mira) approves it in another browser
        await using var contextA = await portal.NewContextAsync(Demo.Moderator);
        var pageA = await contextA.NewPageAsync();
        var reviewA = new ProductQueuePage(pageA);
        await pageA.GotoAsync($"/products/{id}");
        await new ShellPage(pageA).WaitForCircuitAsync();
        await Assertions.Expect(reviewA.Status).ToHaveTextAsync("suggestion");
        await reviewA.Button("Approve").ClickAsync();
        await Assertions.Expect(reviewA.Notice).ToContainTextAsync("Approved");

        // the dispatcher's next pass (every 5 s) writes it; B's open centre shows it without a reload, unread
        await Assertions.Expect(rowB).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(rowB).ToContainTextAsync("was approved by Mira Moderator");
        await Assertions.Expect(rowB.Locator(".notification-state")).ToHaveTextAsync("Unread");
        await Assertions.Expect(pageB.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications, [1-9]") })).ToBeVisibleAsync();

        // marked read, it leaves the unread view; the link opens the product
        await rowB.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mark read: ") }).ClickAsync();
        await Assertions.Expect(rowB).ToHaveCountAsync(0);
        await pageB.GotoAsync("/notifications");
        await new ShellPage(pageB).WaitForCircuitAsync();
        var readRow = pageB.GetByTestId("notification-row").Filter(new() { HasText = title }).First;
        await Assertions.Expect(readRow.Locator(".notification-state")).ToHaveTextAsync("Read");
        await readRow.GetByRole(AriaRole.Link).ClickAsync();
        await pageB.WaitForURLAsync($"**/products/{id}");
        await Assertions.Expect(queueB.Status).ToHaveTextAsync("published");
    }

    [Fact]
    public async Task The_centre_and_the_preferences_fit_both_sizes_in_both_themes()
    {
        Directory.CreateDirectory(Shots);
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
            foreach (var dark in new[] { false, true })
            {
                await using var context = await portal.NewContextAsync(Demo.StaffA, width, height);
                if (dark)
                    await context.AddCookiesAsync([new Cookie { Name = "theme", Value = "dark", Url = portal.BaseUrl }]);
                var page = await context.NewPageAsync();
                var theme = dark ? "dark" : "light";
                await page.GotoAsync("/notifications");
                await new ShellPage(page).WaitForCircuitAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByTestId("notification-row").First).ToBeVisibleAsync();   // the demo's ticket notifications
                Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"),
                    $"the centre scrolls sideways at {width}px");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"centre-{width}x{height}-{theme}.png"), FullPage = true });

                await page.GotoAsync("/notifications/preferences");
                await new ShellPage(page).WaitForCircuitAsync();
                await Assertions.Expect(page.GetByText("Ticket updates")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByTestId("channel-email")).ToContainTextAsync("Unavailable");
                Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"),
                    $"the preferences scroll sideways at {width}px");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"preferences-{width}x{height}-{theme}.png"), FullPage = true });
            }
    }
}
