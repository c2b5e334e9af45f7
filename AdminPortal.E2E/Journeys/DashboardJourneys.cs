using Deque.AxeCore.Playwright;
using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// Issue 16: each role's dashboard, a tile's link landing on its list with the same count, a tile moving live when
/// another browser decides, and screenshots of every role at 1366x768 and 390x844, light and dark
/// (/tmp/shots-dash16/).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DashboardJourneys(BrowserFixture portal)
{
    public static readonly string Shots = Path.Combine(Path.GetTempPath(), "shots-dash16");

    public static async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await new ShellPage(page).WaitForCircuitAsync();
        await page.Locator("[data-testid=dashboard][data-ready=true]").WaitForAsync();
        return page;
    }

    public static ILocator TileValue(IPage page, string key) => page.GetByTestId($"tile-{key}").GetByTestId("tile-value");

    [Theory]
    [InlineData(Demo.Moderator, "Moderation", "Tickets")]
    [InlineData(Demo.StaffA, "Tickets (my hostels and categories)", "Moderation")]
    [InlineData(Demo.Admin, "Portal health", null)]
    public async Task Each_role_sees_its_own_dashboard_at_both_sizes_and_themes(string account, string shown, string? hidden)
    {
        Directory.CreateDirectory(Shots);
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
            foreach (var dark in new[] { false, true })
            {
                await using var context = await portal.NewContextAsync(account, width, height);
                if (dark)
                    await context.AddCookiesAsync([new Cookie { Name = "theme", Value = "dark", Url = portal.BaseUrl }]);
                var page = await OpenAsync(context);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = shown, Level = 2 })).ToBeVisibleAsync();
                if (hidden is not null)
                    await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = hidden, Level = 2 })).ToHaveCountAsync(0);
                // no tile runs off a phone's screen
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                Assert.False(overflow, $"{account} at {width}px scrolls sideways");
                var name = $"dashboard-{account.Split('@')[0]}-{width}x{height}-{(dark ? "dark" : "light")}.png";
                await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name), FullPage = true });
            }
    }

    /// <summary>Counts each time the "loading" bar enters the document, from the first byte on (decisions 0033, 0056).</summary>
    private const string CountLoadingBars = """
        window.__dashLoadingBars = 0;
        const seen = new WeakSet(), bar = '[aria-label="Loading the dashboard"]';
        new MutationObserver(changes => {
            for (const change of changes)
                for (const node of change.addedNodes) {
                    if (node.nodeType !== 1)
                        continue;
                    // each bar element once, however many of its ancestors arrived in the same batch
                    for (const found of node.matches(bar) ? [node] : node.querySelectorAll(bar))
                        if (!seen.has(found)) { seen.add(found); window.__dashLoadingBars++; }
                }
        }).observe(document, { childList: true, subtree: true });
        """;

    [Theory]
    [InlineData(Demo.Admin)]
    [InlineData(Demo.Moderator)]
    public async Task The_page_arrives_with_its_figures_and_the_circuit_does_not_load_them_again(string account)
    {
        await using var context = await portal.NewContextAsync(account);
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(CountLoadingBars);
        await page.GotoAsync("/");
        await new ShellPage(page).WaitForCircuitAsync();
        await page.Locator("[data-testid=dashboard][data-ready=true]").WaitForAsync();
        // the prerender waits for the reads and carries the figures (decision 0056): no bar in the page; the circuit
        // starts from the persisted figures and never shows it either
        var bars = await page.EvaluateAsync<int>("() => window.__dashLoadingBars");
        Assert.True(bars == 0, $"the loading bar appeared {bars} times: the page came without its figures or the circuit loaded them again");
        await Assertions.Expect(page.GetByLabel("Loading the dashboard")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=dashboard] figure").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_staff_tile_opens_the_ticket_queue_filtered_to_the_same_count()
    {
        await using var context = await portal.NewContextAsync(Demo.StaffA);
        var page = await OpenAsync(context);
        foreach (var key in new[] { "overdue", "my-open", "due-24h" })
        {
            var value = int.Parse((await TileValue(page, key).InnerTextAsync()).Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            await page.GetByTestId($"tile-{key}").ClickAsync();
            await TicketPages.WaitInteractiveAsync(page);
            var count = page.GetByTestId("queue-count");
            await Assertions.Expect(count).Not.ToHaveTextAsync("Loading…");
            if (value == 0)
                await Assertions.Expect(count).ToHaveTextAsync("No tickets");
            else if (value <= 25)
                await Assertions.Expect(count).ToHaveTextAsync($"1–{value} of {value}");
            else
                await Assertions.Expect(count).ToHaveTextAsync("1–25 of more");
            await page.GoBackAsync();
            await page.Locator("[data-testid=dashboard][data-ready=true]").WaitForAsync();
        }
    }

    [Fact]
    public async Task The_waiting_tile_opens_the_queue_whose_tab_shows_the_same_count()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await OpenAsync(context);
        var waiting = (await TileValue(page, "waiting").InnerTextAsync()).Trim();
        await page.GetByTestId("tile-waiting").ClickAsync();
        var queue = new ProductQueuePage(page);
        await queue.WaitUntilLoadedAsync();
        await Assertions.Expect(queue.Tab("Suggestions")).ToContainTextAsync(waiting);
    }

    [Fact]
    public async Task The_waiting_tile_changes_within_a_second_when_another_moderator_approves()
    {
        await using var watcher = await portal.NewContextAsync(Demo.Admin);
        var dashboard = await OpenAsync(watcher);
        var before = int.Parse((await TileValue(dashboard, "waiting").InnerTextAsync()).Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

        await using var other = await portal.NewContextAsync(Demo.Moderator2);
        var page = await other.NewPageAsync();
        var queue = new ProductQueuePage(page);
        await queue.OpenAsync();
        var ids = await queue.RowIdsAsync();
        await page.GotoAsync($"/products/{ids[ids.Count / 3]}");
        await new ShellPage(page).WaitForCircuitAsync();
        await Assertions.Expect(queue.Status).ToHaveTextAsync("suggestion");
        await queue.Button("Approve").ClickAsync();
        await Assertions.Expect(queue.Notice).ToContainTextAsync("Approved");

        // other journeys may decide too: the tile moves down from where it was, within a second of the decision
        await Assertions.Expect(TileValue(dashboard, "waiting")).Not.ToHaveTextAsync(before.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 1000 });
    }

    [Fact]
    public async Task My_decisions_today_opens_the_queue_of_the_products_i_decided()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var queue = new ProductQueuePage(page);
        await queue.OpenAsync();
        var ids = await queue.RowIdsAsync();
        var id = ids[ids.Count / 2];
        var title = await queue.TitleOfAsync(id);
        await page.GotoAsync($"/products/{id}");
        await new ShellPage(page).WaitForCircuitAsync();
        await Assertions.Expect(queue.Status).ToHaveTextAsync("suggestion");
        await queue.Button("Approve").ClickAsync();
        await Assertions.Expect(queue.Notice).ToContainTextAsync("Approved");

        await page.GotoAsync("/");
        await new ShellPage(page).WaitForCircuitAsync();
        await page.Locator("[data-testid=dashboard][data-ready=true]").WaitForAsync();
        await page.GetByTestId("tile-mine-today").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/products\\?status=all&decided=today$"));
        await queue.WaitUntilLoadedAsync();
        await Assertions.Expect(queue.Row(id)).ToContainTextAsync(title);

        // the filtered queue at both sizes, for a person to look at (/tmp/shots-dash16/)
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "products-decided-today-1366x768.png"), FullPage = true });
        await using var phone = await portal.NewContextAsync(Demo.Moderator, 390, 844);
        var small = await phone.NewPageAsync();
        var phoneQueue = new ProductQueuePage(small);
        await phoneQueue.OpenAsync("?status=all&decided=today");
        await Assertions.Expect(phoneQueue.Row(id)).ToBeVisibleAsync();
        await small.GetByRole(AriaRole.Button, new() { Name = "Filters (on)" }).ClickAsync();
        // the panel's inputs are drawn only once it is open (decision 0046): wait for them before the screenshot
        await Assertions.Expect(small.GetByRole(AriaRole.Search, new() { Name = "Filter products" })).ToBeVisibleAsync();
        await small.ScreenshotAsync(new() { Path = Path.Combine(Shots, "products-decided-today-390x844.png"), FullPage = true });
    }

    [Theory]
    [InlineData(Demo.Admin, "tatbyhostel")]
    [InlineData(Demo.Moderator, "throughput")]
    [InlineData(Demo.StaffA, "responsetimes")]
    public async Task Reports_show_a_table_and_chart_at_both_sizes_and_themes(string account, string report)
    {
        Directory.CreateDirectory(Shots);
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
            foreach (var dark in new[] { false, true })
            {
                await using var context = await portal.NewContextAsync(account, width, height);
                if (dark)
                    await context.AddCookiesAsync([new Cookie { Name = "theme", Value = "dark", Url = portal.BaseUrl }]);
                var page = await context.NewPageAsync();
                await page.GotoAsync($"/reports?report={report}");
                await new ShellPage(page).WaitForCircuitAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Level = 1 })).ToBeVisibleAsync();
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                Assert.False(overflow, $"/reports for {account} at {width}px scrolls sideways");
                var name = $"reports-{account.Split('@')[0]}-{width}x{height}-{(dark ? "dark" : "light")}.png";
                await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name), FullPage = true });
            }
    }

    [Fact]
    public async Task A_reports_csv_matches_its_table()
    {
        await using var context = await portal.NewContextAsync(Demo.StaffA);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/reports?report=tatbycategory");
        await new ShellPage(page).WaitForCircuitAsync();
        var table = page.GetByTestId("report-table");
        await table.WaitForAsync();
        var shown = new List<string>();
        foreach (var row in await table.Locator("tr").AllAsync())
            shown.Add(string.Join(",", (await row.Locator("th, td").AllInnerTextsAsync()).Select(c => c.Trim())));

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(shown.Count > 1, "the report has no rows to compare");
        Assert.Equal(shown, lines);
    }

    [Fact]
    public async Task The_throughput_report_with_decisions_has_no_serious_accessibility_violations()
    {
        await using var other = await portal.NewContextAsync(Demo.Moderator2);
        var decide = await other.NewPageAsync();
        var queue = new ProductQueuePage(decide);
        await queue.OpenAsync();
        var ids = await queue.RowIdsAsync();
        await decide.GotoAsync($"/products/{ids[^1]}");
        await new ShellPage(decide).WaitForCircuitAsync();
        await queue.Button("Approve").ClickAsync();
        await Assertions.Expect(queue.Notice).ToContainTextAsync("Approved");

        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            await using var context = await portal.NewContextAsync(Demo.Moderator, width, height);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/reports?report=throughput");
            await new ShellPage(page).WaitForCircuitAsync();
            await page.GetByTestId("report-table").WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var result = await page.RunAxe();
            var problems = result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{width}x{height} {v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
            Assert.True(problems.Count == 0, string.Join('\n', problems));
        }
    }
}
