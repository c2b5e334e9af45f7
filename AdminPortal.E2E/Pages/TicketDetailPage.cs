using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

/// <summary>One ticket at /tickets/{id}.</summary>
public sealed class TicketDetailPage(IPage page)
{
    public ILocator Assignee => page.GetByTestId("ticket-assignee");
    public ILocator Status => page.GetByTestId("ticket-status").First;
    public ILocator Timeline => page.GetByTestId("timeline");
    public ILocator Created => page.GetByTestId("ticket-created");
    public ILocator Due => page.GetByTestId("ticket-due");

    /// <summary>When the ticket was opened, from its time element (the text is in the viewer's zone and format).</summary>
    public Task<DateTimeOffset> CreatedAtAsync() => TimeOfAsync(Created);

    /// <summary>When the ticket is due, from its time element (the text reads "in 2 h").</summary>
    public Task<DateTimeOffset> DueAtAsync() => TimeOfAsync(Due);

    private static async Task<DateTimeOffset> TimeOfAsync(ILocator holder) =>
        DateTimeOffset.Parse(await holder.Locator("time").GetAttributeAsync("datetime") ?? "",
            System.Globalization.CultureInfo.InvariantCulture);

    public async Task OpenAsync(int id)
    {
        await page.GotoAsync($"/tickets/{id}");
        await TicketPages.WaitInteractiveAsync(page);
        await Assertions.Expect(Timeline).ToBeVisibleAsync();
    }

    public Task TakeAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Take it" }).ClickAsync();

    public async Task CommentAsync(string text, bool isInternal)
    {
        await page.GetByText(isInternal ? "Internal note (staff only)" : "Reply to the student", new() { Exact = true }).First.ClickAsync();
        await page.GetByLabel(isInternal ? "Your internal note" : "Your reply to the student", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = isInternal ? "Add note" : "Send reply" }).ClickAsync();
        await Assertions.Expect(Timeline).ToContainTextAsync(text);
    }

    public async Task ChooseStatusAsync(string label)
    {
        await page.GetByLabel("Change status to").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = label, Exact = true }).ClickAsync();
    }

    public ILocator ResolutionNote => page.GetByLabel("Resolution note (sent to the student)");

    public Task UpdateStatusAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Update status" }).ClickAsync();
}
