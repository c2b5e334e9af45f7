using AdminPortal.Data;
using AdminPortal.E2E.Infrastructure;
using AdminPortal.Features.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// Running the desk (issue 18): an admin takes a published product down, and finds that act in the audit log filtered
/// to themselves, with its before/after and a link back to the product.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DeskJourneys(BrowserFixture portal)
{
    [Fact]
    public async Task An_admin_takes_a_product_down_and_finds_it_in_the_audit_log_filtered_to_themselves()
    {
        var product = await PublishedProductAsync();
        await using var context = await portal.NewContextAsync(Demo.Admin);
        var page = await context.NewPageAsync();

        // 1. take it down, with a preset reason
        await page.GotoAsync($"/products/{product.Id}");
        await WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Take down" }).ClickAsync();
        await page.GetByText("Counterfeit or infringing").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Repository.ScreenshotPath("product-take-down-1366x768.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm take-down" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision-notice")).ToContainTextAsync("Taken down");
        Assert.Equal(PublishingStatus.Rejected, (await ReloadAsync(product.Id)).PublishingStatus);

        // 2. the audit log, filtered to the admin: the take-down is the newest record, with its diff and a link back
        await page.GotoAsync("/audit");
        await WaitForInteractiveAsync(page);
        await page.GetByLabel("Who (user id, e-mail or \"system\")").FillAsync(Demo.Admin);
        // the filter writes the URL in place (no load event): poll the address, with room for a busy machine (a wait
        // for the navigation's load timed out once at 15 s with three collections running)
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]actor="), new() { Timeout = 30_000 });
        var first = page.Locator("tr.audit-row").First;
        await Assertions.Expect(first).ToContainTextAsync("product.take_down");
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { Name = product.Id })).ToHaveAttributeAsync("href", $"/products/{product.Id}");
        // every row is the admin's own (the admin may have acted on staff too: the actor column is what the filter
        // filters); the URL changes before the filtered page arrives, so wait (retrying) until no other actor's row is left
        var others = page.Locator("tr.audit-row").Filter(new()
        {
            HasNot = page.Locator("td:nth-child(2)", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Asha Admin|admin@adminportal\\.demo") }),
        });
        await Assertions.Expect(others).ToHaveCountAsync(0);
        Assert.NotEmpty(await page.Locator("tr.audit-row td:nth-child(2)").AllInnerTextsAsync());
        await first.GetByRole(AriaRole.Button, new() { Name = "Show the changes" }).ClickAsync();
        var diff = page.GetByRole(AriaRole.Table, new() { Name = "Changes" });
        await Assertions.Expect(diff).ToContainTextAsync("published", new() { IgnoreCase = true });
        await Assertions.Expect(diff).ToContainTextAsync("rejected", new() { IgnoreCase = true });
        await page.ScreenshotAsync(new() { Path = Repository.ScreenshotPath("audit-1366x768.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await page.Locator("tr.audit-row").First.GetByRole(AriaRole.Button, new() { Name = "Show the changes" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Repository.ScreenshotPath("audit-390x844.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        Assert.True(overflow <= 0, $"the audit log overflows sideways by {overflow}px at 390px: {wide}");
    }

    private static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private ServiceProvider PortalServices() =>
        PortalComposition.WithoutHost(portal.Server.ConnectionString,
            new Dictionary<string, string?> { ["Live:Transport"] = "InProcess" }).BuildServiceProvider();

    private async Task<Product> PublishedProductAsync()
    {
        await using var services = PortalServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        // the newest published product: the other journeys work on suggestions
        return await db.Set<Product>().AsNoTracking().Where(p => p.PublishingStatus == PublishingStatus.Published)
            .OrderByDescending(p => p.CreatedAt).FirstAsync();
    }

    private async Task<Product> ReloadAsync(string id)
    {
        await using var services = PortalServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Set<Product>().AsNoTracking().SingleAsync(p => p.Id == id);
    }
}
