using AdminPortal.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>The policy is on in the browser, and a violation is heard (so the watcher that fails tests on one works).</summary>
[Collection(PortalCollection.Name)]
public sealed class ContentSecurityPolicyJourneys(BrowserFixture portal)
{
    [Fact]
    public async Task An_injected_inline_script_is_refused_and_reported()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        try
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = "window.injected = true;" });
        }
        catch (PlaywrightException)
        {
            // Playwright reports the refused tag as a failure to add it
        }
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));
        await Assertions.Expect(page.GetByLabel("Email")).ToBeVisibleAsync();   // the console message has arrived by now
        var violations = CspViolations.Drain();   // drained here, so this test does not fail on the violation it caused
        Assert.Contains(violations, v => v.Contains("inline script", StringComparison.OrdinalIgnoreCase));
    }
}
