using System.Text.RegularExpressions;
using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;
using Npgsql;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// /system and the app bar's search (issue 18, items 4 and 7): an admin retries a failed outbox event; Ctrl+K finds a
/// ticket by number and a user by e-mail; staff B finds nothing of hostel A (the same answer as for no such ticket).
/// Screenshots of /system and the open search at both sizes, light and dark.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SystemJourneys(BrowserFixture portal)
{
    private static readonly string Shots = Path.Combine("/tmp", "shots-system18");

    private static async Task<long> FailedEventAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO helpdesk.outbox (event_type, payload, created_at, attempts, last_error)
            VALUES ('ticket.assigned', jsonb_build_object('ticket_id', 404), now() - interval '1 hour', 5, 'SMTP 451: try again later')
            RETURNING id
            """, db);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task OpenAsync(IPage page, string path, string heading)
    {
        await page.GotoAsync(path);
        await new ShellPage(page).WaitForCircuitAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
    }

    private static ILocator SearchBox(IPage page) => page.GetByRole(AriaRole.Combobox, new() { Name = "Search tickets, users, products and more" });

    /// <summary>Ctrl+K, then the text: the box takes the focus from wherever it was.</summary>
    private static async Task SearchAsync(IPage page, string text)
    {
        await page.Locator("html[data-search-shortcut=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Keyboard.PressAsync("Control+k");
        await Assertions.Expect(SearchBox(page)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(text);
    }

    [Fact]
    public async Task An_admin_retries_a_failed_outbox_event_with_a_reason()
    {
        var id = await FailedEventAsync(portal.Server.ConnectionString);
        await using var context = await portal.NewContextAsync(Demo.Admin);
        var page = await context.NewPageAsync();
        await OpenAsync(page, "/system?show=failed", "System");
        var row = page.Locator($"tr[data-outbox-id='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("SMTP 451: try again later");
        await Assertions.Expect(row.GetByTestId("outbox-attempts")).ToContainTextAsync("Failed");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Retry event {id}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByText("Cause fixed, deliver it now", new() { Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync($"Event {id} will be delivered");
        await Assertions.Expect(row).ToHaveCountAsync(0);   // no longer failed
        await Assertions.Expect(page.GetByTestId("worker-table")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Ctrl_K_finds_a_ticket_by_number_and_a_user_by_email()
    {
        await using var context = await portal.NewContextAsync(Demo.Admin);
        var page = await context.NewPageAsync();
        var queue = new TicketQueuePage(page);
        await queue.OpenAsync("status=all");
        var number = (await queue.TicketLinks.First.InnerTextAsync()).Trim().TrimStart('#');

        await SearchAsync(page, "#" + number);
        var ticket = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "#" + number });
        await Assertions.Expect(ticket).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/tickets/{number}$"));
        // the ticket has loaded: the navigation's focus move to its heading (FocusOnNavigate) is behind us and will
        // not take the focus from the box Ctrl+K gives it next
        await Assertions.Expect(page.Locator("h1.ticket-heading")).ToContainTextAsync("#" + number);
        await SearchAsync(page, Demo.Moderator);
        var users = page.GetByRole(AriaRole.Group, new() { Name = "Users" });
        await Assertions.Expect(users.GetByRole(AriaRole.Option).Filter(new() { HasText = Demo.Moderator })).ToHaveCountAsync(1);
        await Assertions.Expect(SearchBox(page)).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(SearchBox(page)).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task Staff_B_finds_nothing_of_hostel_A_as_for_a_ticket_that_does_not_exist()
    {
        await using var aContext = await portal.NewContextAsync(Demo.StaffA);
        var aPage = await aContext.NewPageAsync();
        var queue = new TicketQueuePage(aPage);
        await queue.OpenAsync("hostel=1&status=all");
        var candidates = (await queue.TicketLinks.AllInnerTextsAsync()).Select(t => t.Trim().TrimStart('#')).Take(5).ToList();

        await using var bContext = await portal.NewContextAsync(Demo.StaffB);
        var page = await bContext.NewPageAsync();
        string? hidden = null;
        foreach (var id in candidates)
        {
            await page.GotoAsync($"/tickets/{id}");
            await new ShellPage(page).WaitForCircuitAsync();
            if (await page.GetByRole(AriaRole.Heading, new() { Name = "Ticket not found" }).CountAsync() > 0)
            {
                hidden = id;
                break;
            }
        }
        Assert.NotNull(hidden);

        await SearchAsync(page, "#" + hidden);
        var notice = page.GetByTestId("global-search-notice");
        await Assertions.Expect(notice).ToHaveTextAsync($"Nothing found for “#{hidden}”.");
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await SearchBox(page).FillAsync("#987654321");
        await Assertions.Expect(notice).ToHaveTextAsync("Nothing found for “#987654321”.");
    }

    [Fact]
    public async Task The_system_page_and_the_open_search_at_both_sizes_and_themes()
    {
        await FailedEventAsync(portal.Server.ConnectionString);
        Directory.CreateDirectory(Shots);
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
            foreach (var dark in new[] { false, true })
            {
                await using var context = await portal.NewContextAsync(Demo.Admin, width, height);
                if (dark)
                    await context.AddCookiesAsync([new Cookie { Name = "theme", Value = "dark", Url = portal.BaseUrl }]);
                var page = await context.NewPageAsync();
                await OpenAsync(page, "/system", "System");
                await page.Locator("[data-ready=true]").WaitForAsync();
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                var suffix = $"{width}x{height}-{(dark ? "dark" : "light")}";
                await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"system-{suffix}.png"), FullPage = true });
                await SearchAsync(page, "asha");
                await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
                await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"search-{suffix}.png") });
                Assert.False(overflow, $"/system at {width}px scrolls sideways");
            }
    }
}
