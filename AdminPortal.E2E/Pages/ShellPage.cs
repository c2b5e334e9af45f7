using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

/// <summary>The app bar and navigation drawer around every signed-in page.</summary>
public sealed class ShellPage(IPage page)
{
    public static readonly string[] Sections = ["Dashboard", "Products", "Brands", "Influencers", "Niches", "Vendors", "Subscriptions", "Tickets", "Users", "Chats"];

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

    /// <summary>Waits until the page runs on its circuit: the layout's InteractiveMarker reads true.</summary>
    public Task WaitForCircuitAsync() =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
