using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// axe-core on every route of the portal (read from its route table) for every role that may open it, at 1366x768
/// and 390x844: no serious or critical violation. Anonymous pages are checked signed out.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class AccessibilityJourneys(BrowserFixture portal)
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (390, 844)];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var route in RouteTable.All)
        {
            if (route.Anonymous)
                cases.Add(route.Template, "anonymous");
            foreach (var account in route.Accounts)
                cases.Add(route.Template, account);
        }
        return cases;
    }

    [Fact]
    public void Every_route_is_checked_for_some_principal() =>
        Assert.All(RouteTable.All, r => Assert.Contains(Cases(), c => (string)c[0] == r.Template));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Pages_have_no_serious_accessibility_violations(string template, string principal)
    {
        var email = principal == "anonymous" ? null : principal;
        var url = await RouteTable.UrlAsync(template, portal.Server.ConnectionString);
        var problems = new List<string>();
        foreach (var (width, height) in Sizes)
        {
            await using var context = await portal.NewContextAsync(email, width, height);
            var page = await context.NewPageAsync();
            await page.GotoAsync(url);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
            // account pages (the security page) are static: no circuit to wait for
            if (email is not null && RouteTable.All.First(r => r.Template == template).Page
                    .GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute), false).Length == 0)
                await new ShellPage(page).WaitForCircuitAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var result = await page.RunAxe();
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{width}x{height} {v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
        }
        Assert.True(problems.Count == 0, $"{url} as {principal}:\n" + string.Join('\n', problems));
    }
}
