using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

/// <summary>The chat browser's group list (/chats).</summary>
public sealed class ChatListPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Level = 1 });
    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "Chats" });
    public ILocator GroupLinks => Table.Locator("a[href^='/chats/']");

    public async Task OpenAsync()
    {
        await page.GotoAsync("/chats");
        await Heading.WaitForAsync();
        await new ShellPage(page).WaitForCircuitAsync();
    }

    /// <summary>The first group of the list (most recent activity): its id and name.</summary>
    public async Task<(Guid Id, string Name)> FirstGroupAsync()
    {
        var link = GroupLinks.First;
        await link.WaitForAsync();
        var href = await link.GetAttributeAsync("href") ?? "";
        return (Guid.Parse(href.Split('/')[^1]), (await link.InnerTextAsync()).Trim());
    }
}
