using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

/// <summary>One group's messages (/chats/{id}): the reason gate, the message list, its dialogs.</summary>
public sealed class ChatGroupPage(IPage page)
{
    public ILocator Reason => page.GetByLabel("Reason for opening this chat");
    public ILocator OpenMessagesButton => page.GetByRole(AriaRole.Button, new() { Name = "Open messages" });
    public ILocator MessageList => page.GetByTestId("message-list");
    public ILocator Messages => MessageList.GetByRole(AriaRole.Article);
    public ILocator NewMessagesMarker => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^\d+ new messages?$") });
    public ILocator FullImage => page.GetByRole(AriaRole.Dialog).GetByTestId("full-image");
    public ILocator CloseDialogButton => page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true });

    public ILocator Message(string text) => Messages.Filter(new() { HasText = text });
    public ILocator SearchResults => page.GetByRole(AriaRole.Region, new() { Name = "Search results" });

    public async Task SearchAsync(string term)
    {
        var field = page.GetByLabel("Search in this chat");
        await field.FillAsync(term);
        await field.PressAsync("Enter");
    }

    public async Task OpenAsync(Guid id)
    {
        await page.GotoAsync($"/chats/{id}");
        await new ShellPage(page).WaitForCircuitAsync();
    }

    public async Task StateReasonAsync(string reason)
    {
        await Reason.FillAsync(reason);
        await OpenMessagesButton.ClickAsync();
        await MessageList.WaitForAsync();
    }

    /// <summary>Scrolls the list to its top, as a reader does to see older messages.</summary>
    public Task ScrollToTopAsync() => MessageList.EvaluateAsync("el => { el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); }");
}
