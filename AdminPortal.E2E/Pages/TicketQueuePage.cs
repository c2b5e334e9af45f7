using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

/// <summary>The ticket queue at /tickets.</summary>
public sealed class TicketQueuePage(IPage page)
{
    public ILocator Table => page.GetByTestId("ticket-queue");
    public ILocator Rows => Table.Locator("tbody tr");
    public ILocator HostelCells => Table.Locator("tbody td[data-label='Hostel']");
    public ILocator TicketLinks => Table.Locator("tbody td[data-label='#'] a");

    public async Task OpenAsync(string query = "")
    {
        await page.GotoAsync($"/tickets{(query.Length > 0 ? "?" + query : "")}");
        await TicketPages.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("queue-count")).Not.ToHaveTextAsync("Loading…");
    }
}
