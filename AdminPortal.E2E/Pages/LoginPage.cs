using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.GetByLabel("Email");
    public ILocator Password => page.GetByLabel("Password");
    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });
    public ILocator Error => page.GetByRole(AriaRole.Alert);

    /// <summary>
    /// Opens the login page. A request of a signed-out page still in flight (its cookies cleared) can come back as a
    /// redirect to the login page and interrupt this navigation with one to the same page: that is where we wanted to be.
    /// </summary>
    public async Task OpenAsync()
    {
        try
        {
            await page.GotoAsync("/account/login");
        }
        catch (PlaywrightException e) when (e.Message.Contains("interrupted by another navigation", StringComparison.Ordinal)
                                            && e.Message.Contains("/account/login?", StringComparison.Ordinal))
        {
            await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
    }

    public async Task SignInAsync(string email, string password)
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
            await OpenAsync();
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
    }
}
