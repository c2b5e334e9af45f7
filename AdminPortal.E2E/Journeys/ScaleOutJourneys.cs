using AdminPortal.E2E.Infrastructure;
using AdminPortal.E2E.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdminPortal.E2E.Journeys;

/// <summary>Several instances over one database, behind the nginx config of docs/deploy.md.</summary>
[Collection(SecondPortalCollection.Name)]
public sealed class ScaleOutJourneys(BrowserFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_valid_on_another()
    {
        await using var secondInstance = await portal.Server.StartInstanceAsync();
        var second = secondInstance.Url;
        await using var first = await portal.NewContextAsync(Demo.Moderator);   // signed in on instance 1
        var state = await first.StorageStateAsync();
        await using var other = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = second,
            StorageState = state,
        });
        CspViolations.Watch(other);
        var page = await other.NewPageAsync();
        await page.GotoAsync("/products");
        Assert.DoesNotContain("/account/login", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(new ShellPage(page).SignedInUser).ToContainTextAsync("Mira Moderator");
    }

    [Fact]
    public async Task Signing_in_and_working_through_nginx_keeps_a_live_circuit()
    {
        await using var secondInstance = await portal.Server.StartInstanceAsync();
        var second = secondInstance.Url;
        await using var nginx = await NginxProxy.StartAsync(Repository.Root, [portal.BaseUrl, second]);
        await using var context = await portal.NewContextAsync(baseUrl: nginx.BaseUrl);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(Demo.Admin, Demo.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        var shell = new ShellPage(page);
        await shell.WaitForCircuitAsync();
        // the theme toggle is handled over the circuit's WebSocket: it only works if nginx upgrades the connection
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Restarting_the_instance_under_a_moderators_queue_moves_it_to_the_other_with_its_view_and_live_updates()
    {
        // two instances of this test's own behind nginx: the one it stops is never the shared portal
        // both at once (each waits for its own health); one that started is stopped again if the other failed
        var starting = new[] { portal.Server.StartInstanceAsync(), portal.Server.StartInstanceAsync() };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
                await (await started).DisposeAsync();
            throw;
        }
        await using var one = await starting[0];
        await using var two = await starting[1];
        await using var nginx = await NginxProxy.StartAsync(Repository.Root, [one.Url, two.Url]);
        await using var context = await portal.NewContextAsync(Demo.Moderator, baseUrl: nginx.BaseUrl);
        var page = await context.NewPageAsync();
        var queue = new ProductQueuePage(page);
        const string view = "?cause=sustainablefashion&sort=title";
        await queue.OpenAsync(view);
        var ids = await queue.RowIdsAsync();
        var id = ids[ids.Count / 2];

        await using var admin = await portal.NewContextAsync(Demo.Admin);
        var (serving, other) = await CircuitsAsync(admin, one) > 0 ? (one, two) : (two, one);
        Assert.True(await CircuitsAsync(admin, serving) > 0, "the queue's circuit is on neither instance");
        await ShotAsync(page, "rolling-restart-1-before-1366");

        var clock = System.Diagnostics.Stopwatch.StartNew();   // printed for docs/deploy.md, never asserted
        await serving.TerminateAsync();   // SIGTERM, as a rolling restart stops it
        await Assertions.Expect(page.GetByTestId("restart-notice")).ToContainTextAsync("This server is restarting; reconnecting you…");
        var noticeShown = clock.Elapsed;
        await ShotAsync(page, "rolling-restart-2-notice-1366");

        // Blazor reconnects through nginx, the other instance does not know the circuit, the page reloads there: a new
        // document (its notice not shown) at the same URL, the queue on a circuit of the other instance
        await Assertions.Expect(page.Locator("[data-testid=restart-notice][data-draining=false]"))
            .ToBeAttachedAsync(new() { Timeout = 30_000 });
        await new ShellPage(page).WaitForCircuitAsync();
        await queue.WaitUntilLoadedAsync();
        var reloaded = clock.Elapsed;
        Assert.EndsWith("/products" + view, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(queue.Row(id)).ToHaveCountAsync(1);
        Assert.True(await serving.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the stopped instance did not exit");
        Assert.Equal(0, serving.ExitCode);
        output.WriteLine($"SIGTERM to: notice shown {noticeShown.TotalSeconds:F1} s, queue live on the other instance {reloaded.TotalSeconds:F1} s, stopped instance exited by {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(await CircuitsAsync(admin, other) > 0, "the reloaded queue is not on the other instance");

        // and it is live there: another moderator's approval (on the shared portal) takes the row off it
        await using var contextB = await portal.NewContextAsync(Demo.Moderator2);
        var pageB = await contextB.NewPageAsync();
        var review = new ProductQueuePage(pageB);
        await pageB.GotoAsync($"/products/{id}");
        await new ShellPage(pageB).WaitForCircuitAsync();
        await Assertions.Expect(review.Status).ToHaveTextAsync("suggestion");
        await review.Button("Approve").ClickAsync();
        await Assertions.Expect(review.Notice).ToContainTextAsync("Approved");
        await Assertions.Expect(queue.Row(id)).ToHaveCountAsync(0);
        await ShotAsync(page, "rolling-restart-3-after-1366");
    }

    /// <summary>The circuits open on one instance (its Development-only /_diagnostics/live, asked directly).</summary>
    private static async Task<int> CircuitsAsync(IBrowserContext admin, PortalInstance instance)
    {
        var response = await admin.APIRequest.GetAsync($"{instance.Url}/_diagnostics/live");
        Assert.True(response.Ok, $"GET {instance.Url}/_diagnostics/live: {response.Status}");
        return (await response.JsonAsync())!.Value.GetProperty("circuits").GetInt32();
    }

    /// <summary>The viewport as a person sees it, into TestResults/screenshots/.</summary>
    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Repository.ScreenshotPath(name + ".png") });
}
