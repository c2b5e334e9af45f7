using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// axe-core on every route of the portal (read from its route table), at 1366x768 and 390x844: no serious or critical
/// violation. Anonymous pages are checked signed out; see <see cref="Cases"/> for which role opens each.
/// </summary>
/// <remarks>
/// The whole sweep runs in its own collection (<see cref="SweepCollection"/>), beside the two journey collections
/// (decision 0048: three collections, three at a time).
/// </remarks>
[Collection(SweepCollection.Name)]
public sealed class AccessibilityJourneys(BrowserFixture portal)
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (390, 844)];

    /// <summary>Pages whose content is made per role (each role's dashboard and reports): checked for every role.</summary>
    private static readonly HashSet<string> PerRole = ["/", "/reports"];

    /// <summary>
    /// Every route once, for the first role that may open it (admin, then moderator, then staff: the admin's menu is the
    /// longest), and the per-role pages for every role; each role's menu is checked on its dashboard.
    /// </summary>
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var route in RouteTable.All)
        {
            if (route.Anonymous)
                cases.Add(route.Template, "anonymous");
            foreach (var account in PerRole.Contains(route.Template) ? route.Accounts : route.Accounts.Take(1))
                cases.Add(route.Template, account);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Pages_have_no_serious_accessibility_violations(string template, string principal) =>
        CheckAsync(portal, template, principal);

    /// <summary>Opens the page at both sizes as the principal and fails on any serious or critical axe violation.</summary>
    internal static async Task CheckAsync(BrowserFixture portal, string template, string principal)
    {
        var email = principal == "anonymous" ? null : principal;
        var url = await RouteTable.UrlAsync(template, portal.Server.ConnectionString);
        var problems = new List<string>();
        foreach (var (width, height) in Sizes)
        {
            // one context per account and size for the whole sweep (its scripts cached and compiled once); a page each
            var context = await portal.SharedContextAsync(email, width, height);
            var page = await context.NewPageAsync();
            try
            {
                problems.AddRange(await ViolationsAsync(page, url, email, template, $"{width}x{height}"));
            }
            finally
            {
                await page.CloseAsync();
            }
        }
        Assert.True(problems.Count == 0, $"{url} as {principal}:\n" + string.Join('\n', problems));
    }

    /// <summary>The page's serious and critical axe violations once it has rendered (and, where it has one, its circuit runs).</summary>
    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string url, string? email, string template, string size)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
        // account pages (the security page) are static: no circuit to wait for
        if (email is not null && RouteTable.All.First(r => r.Template == template).Page
                .GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute), false).Length == 0)
            await new ShellPage(page).WaitForCircuitAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{size} {v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
