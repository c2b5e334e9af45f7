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

    [Fact]
    public async Task The_drawer_sits_beside_the_page_on_a_desktop_and_over_it_on_a_phone()
    {
        // a desktop: open beside the page until its toggle closes it (and its links leave the page)
        await using (var wide = await portal.NewContextAsync(Demo.Moderator, 1366, 768))
        {
            var page = await wide.NewPageAsync();
            var shell = new ShellPage(page);
            await page.GotoAsync("/");
            await shell.WaitForCircuitAsync();
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });   // the one shown at this width
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
            await Assertions.Expect(shell.SectionLink("Products")).ToBeVisibleAsync();
            await toggle.ClickAsync();
            await Assertions.Expect(shell.SectionLink("Products")).ToBeHiddenAsync();
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
            await page.WaitForTimeoutAsync(300);   // the page's margin eases in over 225 ms: the picture after it
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Repository.ScreenshotPath("drawer-closed-1366x768.png") });
            await toggle.ClickAsync();
            await Assertions.Expect(shell.SectionLink("Products")).ToBeVisibleAsync();
        }

        // a phone: closed until its toggle opens it over the page; choosing a section goes there and closes it
        await using var narrow = await portal.NewContextAsync(Demo.Moderator, 390, 844);
        var phone = await narrow.NewPageAsync();
        var phoneShell = new ShellPage(phone);
        await phone.GotoAsync("/");
        await phoneShell.WaitForCircuitAsync();
        await Assertions.Expect(phoneShell.SectionLink("Products")).ToBeHiddenAsync();
        var phoneToggle = phone.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await phoneToggle.ClickAsync();
        await Assertions.Expect(phoneShell.SectionLink("Products")).ToBeVisibleAsync();
        await Assertions.Expect(phoneToggle).ToHaveAttributeAsync("aria-expanded", "true");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Repository.ScreenshotPath("drawer-open-390x844.png") });
        await phoneShell.SectionLink("Products").ClickAsync();
        await phone.WaitForURLAsync("**/products");
        await Assertions.Expect(phoneShell.SectionLink("Products")).ToBeHiddenAsync();
        await Assertions.Expect(phoneToggle).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task The_bell_opens_its_menu_under_it_the_keys_move_through_it_and_escape_closes_it()
    {
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            await using var context = await portal.NewContextAsync(Demo.StaffA, width, height);   // the demo's ticket notifications
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await new ShellPage(page).WaitForCircuitAsync();
            var bell = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications, [0-9]+ unread$") });
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-expanded", "false");
            await bell.ClickAsync();

            var menu = page.GetByRole(AriaRole.Menu, new() { Name = "Notifications" });
            await Assertions.Expect(menu).ToBeVisibleAsync();
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-expanded", "true");
            var items = menu.GetByRole(AriaRole.Menuitem);
            await Assertions.Expect(items.Last).ToHaveTextAsync("All notifications");
            Assert.True(await items.CountAsync() > 1, "the demo user's notifications are listed");
            await Assertions.Expect(items.First).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(items.Nth(1)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("End");
            await Assertions.Expect(items.Last).ToBeFocusedAsync();
            var box = await menu.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"the menu stays on the screen at {width}px ({box.X}+{box.Width})");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Repository.ScreenshotPath($"bell-open-{width}x{height}.png") });

            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(menu).ToHaveCountAsync(0);
            await Assertions.Expect(bell).ToBeFocusedAsync();

            await bell.ClickAsync();
            await menu.GetByRole(AriaRole.Menuitem, new() { Name = "All notifications" }).ClickAsync();
            await page.WaitForURLAsync("**/notifications");
            await Assertions.Expect(page.GetByRole(AriaRole.Menu, new() { Name = "Notifications" })).ToHaveCountAsync(0);
        }
    }
}
