using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

/// <summary>The app bar and navigation drawer around every signed-in page.</summary>
public sealed class ShellPage(IPage page)
{
    public static readonly string[] Sections = ["Dashboard", "Products", "Tickets", "Users", "Chats"];

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation);
    public ILocator SignOutButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
    public ILocator SignedInUser => page.GetByTestId("signed-in-user");
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator SectionLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task<IReadOnlyList<string>> VisibleSectionsAsync()
    {
        await SectionLink("Dashboard").WaitForAsync();
        var visible = new List<string>();
        foreach (var name in Sections)
        {
            if (await SectionLink(name).CountAsync() > 0)
                visible.Add(name);
        }
        return visible;
    }

    /// <summary>
    /// Waits until the interactive circuit is up: the layout's LiveAccessWatcher renders its hidden marker only from
    /// its first interactive render (window.Blazor and the layout already exist in the prerendered page, where a
    /// click is lost).
    /// </summary>
    public Task WaitForCircuitAsync() =>
        page.Locator("[data-live-access=watching]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
