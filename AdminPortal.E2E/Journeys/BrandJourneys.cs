using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// A moderator verifying brands: each test adds its own brand with three waiting documents, finds it in the queue by
/// name, and decides on its documents.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BrandJourneys(BrowserFixture portal)
{
    [Fact]
    public async Task A_moderator_verifies_a_brands_three_documents_and_sees_it_verified()
    {
        var name = $"Verify Me {Guid.NewGuid().ToString("N")[..6]}";
        var id = await BrandPages.AddWaitingBrandAsync(portal.Server.ConnectionString, name);
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var brands = new BrandPages(page);
        await brands.OpenQueueAsync("?q=" + Uri.EscapeDataString(name));
        await Assertions.Expect(brands.Rows).ToHaveCountAsync(1);
        await brands.OpenReviewAsync(id);
        await Assertions.Expect(brands.State).ToHaveTextAsync("Waiting for review");
        await brands.Panel("incorporation").GetByRole(AriaRole.Button, new() { Name = "Show the PDF here" }).ClickAsync();
        await Assertions.Expect(brands.Panel("incorporation").Locator("iframe")).ToHaveAttributeAsync("src", "/assets/brands/certificate-of-incorporation.pdf");
        await Assertions.Expect(brands.Panel("gst").GetByRole(AriaRole.Img)).ToBeVisibleAsync();

        await brands.Panel("incorporation").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(brands.Panel("incorporation")).ToContainTextAsync("Approved");
        // the keyboard, as in the products queue: 2 selects the GST registration, a approves it
        await page.Locator("html[data-shortcuts=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Keyboard.PressAsync("2");
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(brands.Panel("gst").GetByTestId("doc-gst")).ToHaveAttributeAsync("data-state", "verified");
        await brands.Panel("pan").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(brands.State).ToHaveTextAsync("Verified");
        await Assertions.Expect(brands.History).ToContainTextAsync("Mira Moderator marked the brand verified");
        await brands.ShotAsync("brand-review-verified-1366.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Queue" }).ClickAsync();
        await page.Locator(".queue-table-wrap[data-ready=true]").WaitForAsync();
        await Assertions.Expect(brands.Row(id)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_rejected_document_asks_the_brand_for_a_new_upload()
    {
        var name = $"Reject Me {Guid.NewGuid().ToString("N")[..6]}";
        var id = await BrandPages.AddWaitingBrandAsync(portal.Server.ConnectionString, name);
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var brands = new BrandPages(page);
        await brands.OpenQueueAsync("?q=" + Uri.EscapeDataString(name));
        await brands.OpenReviewAsync(id);

        var gst = brands.Panel("gst");
        await gst.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await gst.GetByRole(AriaRole.Button, new() { Name = "Reject and ask for a new upload" }).ClickAsync();
        await Assertions.Expect(gst).ToContainTextAsync("A rejection needs a reason");
        await gst.GetByText("Unreadable or blurry scan", new() { Exact = true }).ClickAsync();
        await gst.GetByRole(AriaRole.Button, new() { Name = "Reject and ask for a new upload" }).ClickAsync();
        await Assertions.Expect(gst.GetByTestId("doc-gst")).ToHaveTextAsync("Rejected: new upload requested");
        await Assertions.Expect(gst.GetByTestId("last-decision")).ToContainTextAsync("Unreadable or blurry scan");

        await brands.Panel("incorporation").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(brands.Panel("incorporation").GetByTestId("doc-incorporation")).ToHaveAttributeAsync("data-state", "verified");
        await brands.Panel("pan").GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(brands.State).ToHaveTextAsync("New upload requested");
        await brands.OpenQueueAsync("?state=reupload&q=" + Uri.EscapeDataString(name));
        await Assertions.Expect(brands.Row(id)).ToContainTextAsync("GST: re-upload");
    }

    [Fact]
    public async Task A_moderator_retires_a_niche_and_merges_one_into_another()
    {
        var tag = Guid.NewGuid().ToString("N")[..5];
        var (old, into, retire) = ($"Streetwear {tag}", $"Fashion {tag}", $"Fads {tag}");
        await BrandPages.AddNichesAsync(portal.Server.ConnectionString, old, into, retire);
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/niches");
        await new ShellPage(page).WaitForCircuitAsync();
        await page.Locator(".queue-table-wrap[data-ready=true]").WaitForAsync();
        ILocator Row(string name) => page.Locator($"tr[data-niche='{name}']");
        await Assertions.Expect(Row(old).GetByTestId("niche-influencers")).ToHaveTextAsync("2");

        await Row(retire).GetByRole(AriaRole.Button, new() { Name = $"Retire {retire}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByText("Too narrow", new() { Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Retire", Exact = true }).ClickAsync();
        await Assertions.Expect(Row(retire).GetByTestId("niche-retired")).ToBeVisibleAsync();

        await Row(old).GetByRole(AriaRole.Button, new() { Name = $"Merge {old} into another niche" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Pick the niche to merge into.");
        await dialog.Locator(".mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = into }).ClickAsync();
        await dialog.GetByText("Duplicate of another niche", new() { Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("1 links moved, 1 duplicates dropped");
        await Assertions.Expect(Row(old).GetByTestId("niche-influencers")).ToHaveTextAsync("0");
        await Assertions.Expect(Row(old).GetByTestId("niche-retired")).ToBeVisibleAsync();
        await Assertions.Expect(Row(into).GetByTestId("niche-influencers")).ToHaveTextAsync("2");
        await new BrandPages(page).ShotAsync("niches-1366.png");
    }

    [Fact]
    public async Task The_niches_at_a_phones_size()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator, 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/niches");
        await new ShellPage(page).WaitForCircuitAsync();
        await page.Locator(".queue-table-wrap[data-ready=true]").WaitForAsync();
        await new BrandPages(page).ShotAsync("niches-390.png");
    }

    [Theory]
    [InlineData(1366, 768, "1366")]
    [InlineData(390, 844, "390")]
    public async Task The_queue_and_a_review_at_both_sizes(int width, int height, string tag)
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator, width, height);
        var page = await context.NewPageAsync();
        var brands = new BrandPages(page);
        await brands.OpenQueueAsync();
        await brands.Rows.First.WaitForAsync();
        await brands.ShotAsync($"brands-queue-{tag}.png");
        var id = int.Parse(await brands.Rows.First.GetAttributeAsync("data-brand-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await brands.OpenReviewAsync(id);
        await page.WaitForTimeoutAsync(500);
        await brands.ShotAsync($"brand-review-{tag}.png");
    }
}
