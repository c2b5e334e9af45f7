using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Products;
using AdminPortal.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace AdminPortal.Bench;

/// <summary>
/// Figure 5b: commit to render in Chromium. Many signed-in product queues stay open; the bench approves a product
/// they all show (the moderation service's SQL, then a publish on its own PostgreSQL feed, as the service does after
/// commit) and each page's MutationObserver records when the row left the DOM, on the page's clock
/// (<c>performance.timeOrigin + performance.now()</c>, wall-clock milliseconds on this machine), compared to the
/// wall-clock time taken right after the commit returned.
/// </summary>
public static class RenderBenchmarks
{
    private const string Rows = ".queue-table tbody tr[data-product-id]";
    private const int PagesPerContext = 25;

    private const string Install = """
        () => {
          window.__gone = {};
          new MutationObserver(() => {
            const w = window.__watch;
            if (w && !(w in window.__gone) && !document.querySelector(`.queue-table tbody tr[data-product-id='${w}']`))
              window.__gone[w] = performance.timeOrigin + performance.now();
          }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-product-id'] });
        }
        """;

    private const string Arm = """
        id => { window.__watch = id; return !!document.querySelector(`.queue-table tbody tr[data-product-id='${id}']`); }
        """;

    public static async Task<List<Figure>> CommitToRenderAsync(BenchContext bench, IBrowser browser, PortalProcess first,
        PortalProcess? second, int pageCount, int samples)
    {
        var figures = new List<Figure>();
        var state = await BrowserBenchmarks.SignInStateAsync(browser, first.BaseAddress, "moderator@adminportal.demo");
        await using var database = new PortalDatabase(bench.ConnectionString, null);
        await using var feed = new PostgresChangeFeed(database, bench.DataSource, new LiveInstance(), TimeProvider.System,
            NullLogger<PostgresChangeFeed>.Instance);
        await feed.StartAsync(CancellationToken.None);
        await feed.WhenListeningAsync();
        try
        {
            const string note = "approved by the bench (SQL + publish on its own feed over NOTIFY, as ProductModeration does); includes the queue's 150 ms coalescing window; target p50 < 20 ms";
            var one = await RunAsync(bench, browser, feed, state, [first.BaseAddress], pageCount, samples);
            figures.Add(Figure.From("5b. commit to render in Chromium", $"one instance, {one.Pages} open queues",
                "commit returned to the row gone from each page's DOM (MutationObserver)", one.SamplesMs, 50, note));
            if (second is not null)
            {
                var two = await RunAsync(bench, browser, feed, state, [first.BaseAddress, second.BaseAddress], pageCount, samples);
                figures.Add(Figure.From("5b. commit to render in Chromium", $"two instances, {two.Pages} open queues split between them",
                    "commit returned to the row gone from each page's DOM (MutationObserver)", two.SamplesMs, 50, note));
                var added = Stats.Percentile(two.SamplesMs, 0.95) - Stats.Percentile(one.SamplesMs, 0.95);
                figures.Add(new Figure("5b. commit to render in Chromium", "added by a second instance (p95 difference)",
                    "p95(two instances) - p95(one instance)", "ms", added, added, two.SamplesMs.Count, 5,
                    "both runs are delivered over NOTIFY (the publisher is the bench): this is the second listener's cost"));
            }
        }
        finally
        {
            await feed.StopAsync(CancellationToken.None);
        }
        return figures;
    }

    private sealed record Run(int Pages, List<double> SamplesMs);

    private static async Task<Run> RunAsync(BenchContext bench, IBrowser browser, IChangeFeed feed, string state,
        Uri[] instances, int pageCount, int samples)
    {
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        var byInstance = new Dictionary<Uri, List<IBrowserContext>>();
        try
        {
            for (var i = 0; i < pageCount; i++)
            {
                var instance = instances[i % instances.Length];
                var open = byInstance.TryGetValue(instance, out var list) ? list : byInstance[instance] = [];
                if (open.Count == 0 || open[^1].Pages.Count >= PagesPerContext)
                {
                    var created = await browser.NewContextAsync(new() { BaseURL = instance.ToString(), StorageState = state });
                    open.Add(created);
                    contexts.Add(created);
                }
                var context = open[^1];
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(120_000);
                await page.GotoAsync(new Uri(instance, "/products").ToString());
                await page.Locator(".queue-table-wrap[data-ready=true]").WaitForAsync();
                await page.Locator(Rows).First.WaitForAsync();
                await page.EvaluateAsync(Install);
                pages.Add(page);
            }
            Console.WriteLine($"  {pages.Count} queues open on {instances.Length} instance(s), load average {bench.LoadAverage()}");
            var result = new List<double>();
            for (var s = 0; s < samples; s++)
            {
                var id = await pages[0].Locator(Rows).First.GetAttributeAsync("data-product-id")
                    ?? throw new InvalidOperationException("no row in the queue");
                var watching = new List<IPage>();
                foreach (var page in pages)
                    if (await page.EvaluateAsync<bool>(Arm, id))
                        watching.Add(page);
                var committed = await ApproveAsync(bench, feed, id);
                foreach (var page in watching)
                {
                    await page.WaitForFunctionAsync("id => id in window.__gone", id, new() { Timeout = 30_000 });
                    var gone = await page.EvaluateAsync<double>("id => window.__gone[id]", id);
                    result.Add(gone - committed);
                }
                await Task.Delay(300);   // let every queue finish its reload before the next sample
            }
            return new Run(pages.Count, result);
        }
        finally
        {
            foreach (var c in contexts)
                await c.DisposeAsync();
        }
    }

    /// <summary>Approves as ProductModeration's bulk path does; returns the wall clock (Unix ms) right after commit.</summary>
    private static async Task<double> ApproveAsync(BenchContext bench, IChangeFeed feed, string id)
    {
        await using var db = bench.NewDbContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var changed = await db.Database.ExecuteSqlAsync($"""
            UPDATE catalog.products SET publishing_status = {PublishingStatus.Published}, updated_at = {DateTime.UtcNow}
            WHERE id = {id} AND publishing_status = {PublishingStatus.Suggestion}
            """);
        await tx.CommitAsync();
        if (changed != 1)
            throw new InvalidOperationException($"approving {id} changed {changed} rows");
        var committed = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
        await feed.PublishAsync(new ChangeEvent(EntityTypes.Product, id, ChangeActions.Approved));
        return committed;
    }

    internal static int Int(Dictionary<string, string?> options, string key, int fallback) =>
        int.Parse(options.GetValueOrDefault(key) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
