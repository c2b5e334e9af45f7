using AdminPortal.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Journeys;

/// <summary>The policy is on in the browser, and a violation is heard on the console (what the run's watcher listens to).</summary>
[Collection(PortalCollection.Name)]
public sealed class ContentSecurityPolicyJourneys(BrowserFixture portal)
{
    [Fact]
    public async Task An_injected_inline_script_is_refused_and_reported()
    {
        // not on the run's watcher: the violation this journey causes on purpose must not fail a journey of another
        // collection that drains the watcher at the same moment; this page's own console is heard instead
        await using var context = await portal.NewContextAsync(watchCsp: false);
        var page = await context.NewPageAsync();
        var violations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (CspViolations.IsViolation(message.Type, message.Text))
                violations.Enqueue(message.Text);
        };
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
        Assert.Contains(violations, v => v.Contains("inline script", StringComparison.OrdinalIgnoreCase));
    }
}
