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
/// wall-clock time taken right after the commit returned. Beside it: when the render batch's message reached each
/// page, the portals' own publish-to-rendered histogram (<c>/_diagnostics/live</c>), CPU per approval, and a few pages'
/// own main-thread work (Chromium's Performance metrics). Chromium runs under the idle scheduling policy and the bench at nice 10, as if
/// the browsers were on the users' machines (decision 0010).
/// </summary>
public static class RenderBenchmarks
{
    private const string Group = "5b. commit to render in Chromium";
    private const string Rows = ".queue-table tbody tr[data-product-id]";
    private const int PagesPerContext = 25;

    /// <summary>How long the bench leaves the browser alone after each approval (the queues' refill included).</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(1500);

    /// <summary>Unmeasured approvals before the samples of each run.</summary>
    private const int Warmup = 5;

    // before the page's scripts: the time each message reaches the page's main thread (the circuit's socket)
    private const string SocketClock = """
        (() => {
          const Native = window.WebSocket;
          window.__lastMessage = 0;
          window.__messages = [0, 0];   // received, sent
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', () => { window.__lastMessage = performance.timeOrigin + performance.now(); window.__messages[0]++; });
            }
            send(data) { window.__messages[1]++; return super.send(data); }
          };
        })();
        """;

    private const string Install = """
        () => {
          window.__gone = {};
          window.__arrived = {};
          new MutationObserver(() => {
            const w = window.__watch;
            if (w && !(w in window.__gone) && !document.querySelector(`.queue-table tbody tr[data-product-id='${w}']`)) {
              window.__gone[w] = performance.timeOrigin + performance.now();
              window.__arrived[w] = window.__lastMessage;
            }
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
        // the cookie is good on both instances (shared Data Protection keys) and on any port of 127.0.0.1
        await using var probe = new LiveProbe(await browser.NewContextAsync(new()
        {
            StorageState = await BrowserBenchmarks.SignInStateAsync(browser, first.BaseAddress, "admin@adminportal.demo"),
        }));
        BenchPriority.LowerBenchAndDriver();
        await using var database = new PortalDatabase(bench.ConnectionString, null);
        await using var feed = new PostgresChangeFeed(database, bench.DataSource, new LiveInstance(), TimeProvider.System,
            NullLogger<PostgresChangeFeed>.Instance, new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        await feed.StartAsync(CancellationToken.None);
        await feed.WhenListeningAsync();
        try
        {
            const string note = "approved by the bench (SQL + publish on its own feed over NOTIFY, as ProductModeration does); the row leaves from the event, before the queue's coalesced refill; target p50 < 20 ms; bound by the browsers' CPU on this machine (docs/perf/benchmarks.md)";
            var one = await RunAsync(bench, browser, feed, probe, state, [first], pageCount, samples);
            figures.Add(Figure.From(Group, $"one instance, {one.Pages} open queues",
                "commit returned to the row gone from each page's DOM (MutationObserver)", one.SamplesMs, 50, note));
            figures.Add(Figure.From(Group, $"one instance, {one.Pages} open queues: the message reaching the page",
                "commit returned to the render batch's socket message on the page's main thread", one.ArrivalsMs));
            figures.Add(one.ServerFigure("one instance"));
            figures.AddRange(one.Cpu("one instance"));
            if (second is not null)
            {
                var two = await RunAsync(bench, browser, feed, probe, state, [first, second], pageCount, samples);
                figures.Add(Figure.From(Group, $"two instances, {two.Pages} open queues split between them",
                    "commit returned to the row gone from each page's DOM (MutationObserver)", two.SamplesMs, 50, note));
                figures.Add(Figure.From(Group, $"two instances, {two.Pages} open queues: the message reaching the page",
                    "commit returned to the render batch's socket message on the page's main thread", two.ArrivalsMs));
                figures.Add(two.ServerFigure("two instances"));
                figures.AddRange(two.Cpu("two instances"));
                var serverAdded = two.Server.Percentile(0.95) - one.Server.Percentile(0.95);
                figures.Add(new Figure(Group, "added by a second instance, on the server (p95 difference)",
                    "p95(two instances) - p95(one instance), server side", "ms", serverAdded, serverAdded, (int)two.Server.Total, 5));
                var added = Stats.Percentile(two.SamplesMs, 0.95) - Stats.Percentile(one.SamplesMs, 0.95);
                figures.Add(new Figure(Group, "added by a second instance (p95 difference)",
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

    /// <summary>
    /// One run's figures. SamplesMs: commit to the row gone from the DOM; ArrivalsMs: commit to the message that
    /// carried it reaching the page; PortalCpuMs / MachineCpuMs: CPU time spent per approval (commit, render and
    /// refill) by the portals and by the whole machine; Server: the portals' own delivery histogram.
    /// </summary>
    private sealed record Run(int Pages, List<double> SamplesMs, List<double> ArrivalsMs, List<double> PortalCpuMs,
        List<double> MachineCpuMs, ServerDeliveries Server)
    {
        public Figure ServerFigure(string instances) => new(Group,
            $"{instances}, {Pages} open queues: on the server", "publish to each circuit's handler done, its render batch sent (the portals' delivery histogram from /_diagnostics/live; bucket-interpolated)",
            "ms", Server.Percentile(0.5), Server.Percentile(0.95), (int)Server.Total, 50,
            "what the portal does, apart from the browsers (Chromium runs under SCHED_IDLE, as if on the users' machines)");

        public IEnumerable<Figure> Cpu(string instances) =>
        [
            Figure.From(Group, $"{instances}: CPU per approval, portal", "CPU time of the portal processes from commit until 1.5 s later (refill included); /proc, 10 ms ticks", PortalCpuMs),
            Figure.From(Group, $"{instances}: CPU per approval, whole machine", "busy CPU time of both cores over the same span (Chromium's renderers, PostgreSQL, the bench, the portals)", MachineCpuMs),
        ];
    }

    private static async Task<Run> RunAsync(BenchContext bench, IBrowser browser, IChangeFeed feed, LiveProbe probe, string state,
        PortalProcess[] portals, int pageCount, int samples)
    {
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        var byInstance = new Dictionary<Uri, List<IBrowserContext>>();
        var circuitsBefore = (await probe.ReadAsync(portals)).ToDictionary(r => r.Key, r => r.Value.Circuits);
        try
        {
            for (var i = 0; i < pageCount; i++)
            {
                var instance = portals[i % portals.Length].BaseAddress;
                var open = byInstance.TryGetValue(instance, out var list) ? list : byInstance[instance] = [];
                if (open.Count == 0 || open[^1].Pages.Count >= PagesPerContext)
                {
                    var created = await browser.NewContextAsync(new() { BaseURL = instance.ToString(), StorageState = state });
                    await created.AddInitScriptAsync(SocketClock);
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
            var opened = await probe.ReadAsync(portals);
            Console.WriteLine($"  {pages.Count} queues open on {portals.Length} instance(s) (feed subscriptions: {string.Join(", ", portals.Select(p => opened[p].Subscribers))}), load average {bench.LoadAverage()}");
            // what the open queues cost with nothing happening: an idle page must not keep the machine busy
            var idleFrom = Cpu.Read(portals);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var idleTo = Cpu.Read(portals);
            Console.WriteLine($"  idle, 5 s: portal CPU {(idleTo.PortalsMs - idleFrom.PortalsMs) / 5:F0} ms/s, machine busy {(idleTo.MachineMs - idleFrom.MachineMs) / 5:F0} ms/s of 2,000");
            // the browser's own work per page, from Chromium's Performance domain on a few of the pages
            var probes = new List<(IPage, ICDPSession)>();
            foreach (var page in pages.Take(5))
            {
                var cdp = await page.Context.NewCDPSessionAsync(page);
                await cdp.SendAsync("Performance.enable");
                probes.Add((page, cdp));
            }
            var browserMs = new Dictionary<string, List<double>>();
            ServerDeliveries? server = null;
            var result = new List<double>();
            var arrivals = new List<double>();
            var (portalCpu, machineCpu) = (new List<double>(), new List<double>());
            var perSample = new List<string>();
            // the first approvals after the pages opened run the removal and refill paths for the first time on this
            // instance (JIT): unmeasured, as every other figure's warm-up
            for (var s = -Warmup; s < samples; s++)
            {
                var id = await pages[0].Locator(Rows).First.GetAttributeAsync("data-product-id")
                    ?? throw new InvalidOperationException("no row in the queue");
                var watching = new List<IPage>();
                foreach (var page in pages)
                    if (await page.EvaluateAsync<bool>(Arm, id))
                        watching.Add(page);
                var metricsBefore = await MetricsAsync(probes);
                var liveBefore = await probe.ReadAsync(portals);
                var before = Cpu.Read(portals);
                var committed = await ApproveAsync(bench, feed, id);
                // hands off the browser while the pages work: polling them now would compete with what is measured
                await Task.Delay(Settle);
                var after = Cpu.Read(portals);
                var liveAfter = await probe.ReadAsync(portals);
                var deliveredOn = portals.ToDictionary(p => p, p => liveAfter[p].Deliveries.Minus(liveBefore[p].Deliveries));
                var delivered = deliveredOn.Values.Aggregate((a, b) => a.Plus(b));
                var gcPaused = portals.ToDictionary(p => p, p => liveAfter[p].GcPauseMs - liveBefore[p].GcPauseMs);
                foreach (var portal in portals.Where(p => gcPaused[p] > 50))
                    Console.WriteLine($"  GC pause on {portal.BaseAddress.Port}: {liveAfter[portal].LongestRecentGc}");
                var metricsAfter = await MetricsAsync(probes);
                var gone = new List<double>();
                foreach (var page in watching)
                {
                    await page.WaitForFunctionAsync("id => id in window.__gone", id, new() { Timeout = 30_000, PollingInterval = 50 });
                    var times = await page.EvaluateAsync<double[]>("id => [window.__gone[id], window.__arrived[id]]", id);
                    gone.Add(times[0] - committed);
                    if (s >= 0)
                        arrivals.Add(times[1] - committed);
                }
                perSample.Add($"{(s < 0 ? "warm-up" : "sample " + (s + 1))}: server p95 {string.Join("/", portals.Select(p => $"{deliveredOn[p].Percentile(0.95):F0}"))} ms, DOM p95 {Stats.Percentile(gone, 0.95):F0} ms, GC pauses {string.Join("/", portals.Select(p => $"{gcPaused[p]:F0}"))} ms, pool threads {string.Join("/", portals.Select(p => liveAfter[p].PoolThreads))}");
                if (s < 0)
                    continue;
                result.AddRange(gone);
                server = server is null ? delivered : server.Plus(delivered);
                portalCpu.Add(after.PortalsMs - before.PortalsMs);
                machineCpu.Add(after.MachineMs - before.MachineMs);
                for (var p = 0; p < probes.Count; p++)
                    foreach (var (name, value) in metricsAfter[p])
                        (browserMs.TryGetValue(name, out var l) ? l : browserMs[name] = []).Add(value - metricsBefore[p].GetValueOrDefault(name));
            }
            Console.WriteLine("  per approval: " + string.Join("; ", perSample));
            Console.WriteLine("  a page's main thread per approval (Chromium Performance metrics, median of 5 pages x samples): " +
                string.Join(", ", browserMs.Select(m => $"{m.Key} {Stats.Percentile(m.Value, 0.5):F1}")));
            return new Run(pages.Count, result, arrivals, portalCpu, machineCpu, server!);
        }
        finally
        {
            foreach (var c in contexts)
                await c.DisposeAsync();
            await WhenCircuitsClosedAsync(probe, portals, circuitsBefore);
        }
    }

    /// <summary>
    /// Waits until the closed pages' circuits are gone (their subscriptions with them), so a run never measures the
    /// leftovers of the one before: a circuit whose page went away without a word is kept for reconnection and goes
    /// on receiving events until it expires.
    /// </summary>
    private static async Task WhenCircuitsClosedAsync(LiveProbe probe, PortalProcess[] portals, Dictionary<PortalProcess, long> before)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var now = (await probe.ReadAsync(portals)).ToDictionary(r => r.Key, r => r.Value.Circuits);
            if (portals.All(p => now[p] <= before[p]) || DateTime.UtcNow > deadline)
            {
                Console.WriteLine($"  pages closed; circuits per instance: {string.Join(", ", portals.Select(p => $"{before[p]} before, {now[p]} now"))}");
                return;
            }
            await Task.Delay(1000);
        }
    }

    private static readonly string[] BrowserMetrics =
        ["TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "LayoutCount", "RecalcStyleCount"];

    private static async Task<List<Dictionary<string, double>>> MetricsAsync(List<(IPage Page, ICDPSession Cdp)> probes)
    {
        var all = new List<Dictionary<string, double>>();
        foreach (var (page, cdp) in probes)
        {
            var messages = await page.EvaluateAsync<double[]>("() => window.__messages");
            var reply = await cdp.SendAsync("Performance.getMetrics");
            var metrics = new Dictionary<string, double>();
            foreach (var m in reply!.Value.GetProperty("metrics").EnumerateArray())
            {
                var name = m.GetProperty("name").GetString()!;
                if (BrowserMetrics.Contains(name))
                    metrics[name] = m.GetProperty("value").GetDouble() * (name.EndsWith("Duration", StringComparison.Ordinal) ? 1000 : 1);
            }
            (metrics["SocketMessagesIn"], metrics["SocketMessagesOut"]) = (messages[0], messages[1]);
            all.Add(metrics);
        }
        return all;
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
