using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>Venta's operators: find a vendor and close it; see an expiring subscription and extend it.</summary>
[Collection(PortalCollection.Name)]
public sealed class VendorJourneys(BrowserFixture portal)
{
    [Fact]
    public async Task A_moderator_finds_a_vendor_and_closes_it_with_a_reason()
    {
        var name = $"Journey Tacos {Guid.NewGuid().ToString("N")[..6]}";
        var (id, _) = await VendorPages.AddVendorAsync(portal.Server.ConnectionString, name);
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var vendors = new VendorPages(page);
        await vendors.OpenAsync("/vendors", "Vendors");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search name, owner, email" }).FillAsync(name);
        await Assertions.Expect(vendors.VendorRows).ToHaveCountAsync(1);
        await vendors.VendorRows.First.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/vendors/{id}"));
        await Assertions.Expect(vendors.VendorState).ToHaveTextAsync("Open");
        await Assertions.Expect(page.GetByTestId("trail-plot")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".trail-table-wrap tbody tr")).ToHaveCountAsync(10);

        await page.GetByRole(AriaRole.Button, new() { Name = "Close vendor" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByText("Reported by customers", new() { Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();

        await Assertions.Expect(vendors.VendorState).ToHaveTextAsync("Closed");
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("is closed");
        await Assertions.Expect(page.GetByTestId("vendor-history").First).ToContainTextAsync("Mira Moderator closed it");
        await vendors.OpenAsync("/vendors?open=closed&q=" + Uri.EscapeDataString(name), "Vendors");
        await Assertions.Expect(vendors.VendorRows).ToHaveCountAsync(1);
        await Assertions.Expect(vendors.VendorRows.First.GetByTestId("vendor-open")).ToHaveTextAsync("Closed");
    }

    [Fact]
    public async Task An_admin_sees_an_expiring_subscription_and_extends_it()
    {
        var id = await VendorPages.AddSubscriptionAsync(portal.Server.ConnectionString, 3);
        await using var context = await portal.NewContextAsync(Demo.Admin);
        var page = await context.NewPageAsync();
        var subs = new VendorPages(page);
        await subs.OpenAsync("/subscriptions?within=7", "Subscriptions");
        var row = subs.SubscriptionRow(id);
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var before = await row.GetByTestId("subscription-end").InnerTextAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Extend" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "By 30 days" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByText("Goodwill after an outage", new() { Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Extend", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("Extended to");
        await Assertions.Expect(row).ToHaveCountAsync(0);   // no longer within 7 days
        await subs.OpenAsync("/subscriptions?status=active&sort=end&desc=true", "Subscriptions");
        await page.GotoAsync("/subscriptions?within=90");
        await Assertions.Expect(subs.SubscriptionRow(id).GetByTestId("subscription-end")).Not.ToHaveTextAsync(before);
    }

    [Fact]
    public async Task The_pager_pages_the_vendors_and_its_rows_per_page_live_in_the_address()
    {
        await using var context = await portal.NewContextAsync(Demo.Admin);
        var page = await context.NewPageAsync();
        await new VendorPages(page).OpenAsync("/vendors", "Vendors");
        var range = page.GetByTestId("list-range");
        var size = page.GetByLabel("Rows per page");
        await Assertions.Expect(range).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1–25 of "));
        await Assertions.Expect(size).ToHaveValueAsync("25");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2"));
        await Assertions.Expect(range).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^26–"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Current page 2" })).ToHaveAttributeAsync("aria-current", "page");

        await size.SelectOptionAsync("50");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("size=50"));
        await Assertions.Expect(range).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1–"));
        await Assertions.Expect(size).ToHaveValueAsync("50");

        // the list's view lives in its address (replaced, not pushed): a reload keeps the place, the choice shown
        await new VendorPages(page).OpenAsync(new Uri(page.Url).PathAndQuery, "Vendors");   // as a reload, then the circuit
        await Assertions.Expect(range).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1–"));
        await Assertions.Expect(size).ToHaveValueAsync("50");
        await size.SelectOptionAsync("25");
        await Assertions.Expect(range).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1–25 of "));
        await Assertions.Expect(size).ToHaveValueAsync("25");
    }

    [Theory]
    [InlineData(1366, 768, "1366")]
    [InlineData(390, 844, "390")]
    public async Task The_vendor_screens_at_both_sizes(int width, int height, string tag)
    {
        var (id, _) = await VendorPages.AddVendorAsync(portal.Server.ConnectionString, $"Shot Kulfi {tag} {Guid.NewGuid().ToString("N")[..4]}");
        await using var context = await portal.NewContextAsync(Demo.Admin, width, height);
        var page = await context.NewPageAsync();
        var pages = new VendorPages(page);
        await pages.OpenAsync("/vendors", "Vendors");
        await pages.ShotAsync($"vendors-{tag}.png");
        await pages.OpenAsync($"/vendors/{id}", "Shot Kulfi");
        await page.WaitForTimeoutAsync(300);
        await pages.ShotAsync($"vendor-{tag}.png");
        await pages.OpenAsync("/subscriptions", "Subscriptions");
        await pages.ShotAsync($"subscriptions-{tag}.png");
    }
}
