using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

/// <summary>The moderation queue (/products) and the review page of one product (/products/{id}).</summary>
public sealed class ProductQueuePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Rows => page.Locator(".queue-table tbody tr[data-product-id]");
    public ILocator Row(string id) => page.Locator($".queue-table tbody tr[data-product-id='{id}']");
    public ILocator CursorRow => page.Locator(".queue-table tbody tr.queue-cursor");
    public ILocator BulkResult => page.GetByTestId("bulk-result");
    public ILocator Status => page.GetByTestId("product-status");
    public ILocator Notice => page.GetByTestId("decision-notice");
    public ILocator Remark => page.GetByTestId("remark");
    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
    public ILocator Tab(string startsWith) => page.GetByRole(AriaRole.Tab, new() { Name = startsWith });

    public async Task OpenAsync(string query = "")
    {
        await page.GotoAsync("/products" + query);
        await new ShellPage(page).WaitForCircuitAsync();
        await Assertions.Expect(Heading).ToHaveTextAsync("Products");
        await WaitUntilLoadedAsync();
    }

    /// <summary>Waits for the interactive queue to have loaded its rows (not the prerendered copy).</summary>
    public async Task WaitUntilLoadedAsync()
    {
        await page.Locator(".queue-table-wrap[data-ready=true]").WaitForAsync();
        await Rows.First.WaitForAsync();
    }

    /// <summary>The ids of the rows shown, top to bottom.</summary>
    public async Task<IReadOnlyList<string>> RowIdsAsync()
    {
        var ids = new List<string>();
        foreach (var row in await Rows.AllAsync())
            ids.Add(await row.GetAttributeAsync("data-product-id") ?? "");
        return ids;
    }

    public async Task<string> TitleOfAsync(string id) => (await Row(id).Locator("a.queue-title").InnerTextAsync()).Trim();

    public async Task OpenReviewAsync(string id)
    {
        await Row(id).Locator("a.queue-title").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/products/" + id));
        await new ShellPage(page).WaitForCircuitAsync();
        await Status.WaitForAsync();
    }

    public Task SelectAsync(string id) => Row(id).GetByRole(AriaRole.Checkbox).ClickAsync();

    /// <summary>Presses a shortcut key once the page's shortcut listener is attached.</summary>
    public async Task PressAsync(string key)
    {
        await page.Locator("html[data-shortcuts=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Keyboard.PressAsync(key);
    }
}
