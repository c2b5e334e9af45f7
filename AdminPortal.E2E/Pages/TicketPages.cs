using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

public static class TicketPages
{
    /// <summary>Waits until the ticket page runs interactively (its marker is set only after the first interactive render).</summary>
    public static async Task WaitInteractiveAsync(IPage page)
    {
        await new ShellPage(page).WaitForCircuitAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
