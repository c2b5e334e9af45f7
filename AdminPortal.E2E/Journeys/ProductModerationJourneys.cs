using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>
/// A moderator's day in the queue. The demo data is shared with every other journey: each test picks its own rows
/// from the top of the suggestion queue and follows them by id.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ProductModerationJourneys(BrowserFixture portal)
{
    [Fact]
    public async Task A_moderator_approves_a_suggestion_and_it_leaves_the_queue()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var queue = new ProductQueuePage(page);
        await queue.OpenAsync();
        await Assertions.Expect(queue.Tab("Suggestions")).ToHaveAttributeAsync("aria-selected", "true");
        var id = (await queue.RowIdsAsync())[0];
        var title = await queue.TitleOfAsync(id);

        await queue.OpenReviewAsync(id);
        await Assertions.Expect(queue.Heading).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "deed-o.example", Exact = false }))
            .ToHaveAttributeAsync("rel", "noopener noreferrer");
        await queue.Button("Approve").ClickAsync();

        await Assertions.Expect(queue.Status).ToHaveTextAsync("published");
        await Assertions.Expect(queue.Notice).ToContainTextAsync("Approved");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Mira Moderator approved it");
        await page.GetByRole(AriaRole.Link, new() { Name = "Queue" }).ClickAsync();
        await queue.WaitUntilLoadedAsync();
        await Assertions.Expect(queue.Row(id)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_queue_and_a_review_page_go_interactive_without_flashing_a_progress_bar()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        // from the first byte on: the prerendered HTML already has the data, so any progress bar is a flash
        await context.AddInitScriptAsync("""
            window.__flashes = 0;
            new MutationObserver(() => { if (document.querySelector('.mud-progress-linear')) window.__flashes++; })
              .observe(document, { childList: true, subtree: true });
            """);
        var page = await context.NewPageAsync();
        var queue = new ProductQueuePage(page);
        await queue.OpenAsync();
        var id = (await queue.RowIdsAsync())[^1];
        await page.WaitForTimeoutAsync(300);   // anything the interactive render would do has been done
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__flashes"));

        await page.GotoAsync($"/products/{id}");   // a full load: prerendered, then interactive
        await new ShellPage(page).WaitForCircuitAsync();
        await queue.Status.WaitForAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__flashes"));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_keeps_it()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var queue = new ProductQueuePage(page);
        await queue.OpenAsync();
        var id = (await queue.RowIdsAsync())[0];
        await queue.OpenReviewAsync(id);

        await queue.Button("Reject").ClickAsync();
        await queue.Button("Confirm rejection").ClickAsync();
        await Assertions.Expect(page.GetByText("A rejection needs a reason").First).ToBeVisibleAsync();
        await Assertions.Expect(queue.Status).ToHaveTextAsync("suggestion");

        await page.GetByText("Photos are blurry or missing", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Reason" }).FillAsync("the lid is cracked");
        await queue.Button("Confirm rejection").ClickAsync();

        await Assertions.Expect(queue.Status).ToHaveTextAsync("rejected");
        await Assertions.Expect(queue.Remark).ToHaveTextAsync("Photos are blurry or missing; the lid is cracked");
    }

    [Fact]
    public async Task A_moderator_approves_three_at_once()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var queue = new ProductQueuePage(page);
        await queue.OpenAsync();
        var ids = (await queue.RowIdsAsync()).Take(3).ToList();
        await queue.SelectAsync(ids[0]);
        await Assertions.Expect(page.GetByTestId("bulk-count")).ToHaveTextAsync("1 selected");
        await queue.SelectAsync(ids[1]);
        await queue.SelectAsync(ids[2]);
        await Assertions.Expect(page.GetByTestId("bulk-count")).ToHaveTextAsync("3 selected");

        await queue.Button("Approve selected").ClickAsync();

        await Assertions.Expect(queue.BulkResult).ToContainTextAsync("Approved 3 products.");
        foreach (var id in ids)
            await Assertions.Expect(queue.Row(id)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_moderator_works_the_queue_with_the_keyboard()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var queue = new ProductQueuePage(page);
        await queue.OpenAsync();
        var ids = await queue.RowIdsAsync();
        await Assertions.Expect(queue.CursorRow).ToHaveAttributeAsync("data-product-id", ids[0]);

        await queue.PressAsync("j");
        await Assertions.Expect(queue.CursorRow).ToHaveAttributeAsync("data-product-id", ids[1]);
        await queue.PressAsync("a");
        await Assertions.Expect(queue.Row(ids[1])).ToHaveCountAsync(0);

        await queue.PressAsync("r");   // reject the highlighted one: a reason first
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Reject");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog.GetByText("A rejection needs a reason")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await queue.PressAsync("?");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Keyboard shortcuts");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        var highlighted = await queue.CursorRow.GetAttributeAsync("data-product-id");
        await queue.PressAsync("o");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/products/" + highlighted));
        await Assertions.Expect(queue.Status).ToHaveTextAsync("suggestion");
    }

    [Fact]
    public async Task The_view_lives_in_the_url()
    {
        await using var context = await portal.NewContextAsync(Demo.Moderator);
        var page = await context.NewPageAsync();
        var queue = new ProductQueuePage(page);
        await queue.OpenAsync("?status=all&sort=sellingprice&desc=true&size=10");
        Assert.Equal(10, await queue.Rows.CountAsync());
        await Assertions.Expect(queue.Tab("All")).ToHaveAttributeAsync("aria-selected", "true");
        var before = await queue.RowIdsAsync();

        await page.ReloadAsync();
        await new ShellPage(page).WaitForCircuitAsync();
        await queue.WaitUntilLoadedAsync();
        Assert.Equal(before, await queue.RowIdsAsync());
    }

    [Fact]
    public async Task A_staff_member_typing_the_products_url_is_denied()
    {
        await using var context = await portal.NewContextAsync(Demo.StaffA);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/products");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".queue-table")).ToHaveCountAsync(0);
    }
}
