using Microsoft.Playwright;

namespace AdminPortal.E2E.Pages;

public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.GetByLabel("Email");
    public ILocator Password => page.GetByLabel("Password");
    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });
    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task OpenAsync() => await page.GotoAsync("/account/login");

    public async Task SignInAsync(string email, string password)
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
            await OpenAsync();
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
    }
}
