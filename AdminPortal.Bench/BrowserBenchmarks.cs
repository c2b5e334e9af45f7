using System.Diagnostics;
using System.Net.Http.Json;
using AdminPortal.Data.Demo;
using Microsoft.Playwright;

namespace AdminPortal.Bench;

/// <summary>
/// Figures 3b and 4 in Chromium (the system's /usr/bin/chromium, no browser download): time until a page's content is
/// visible, cold and warm, and memory per open circuit measured through the portal's Development-only
/// <c>/_diagnostics/memory</c> (full GC first).
/// </summary>
public static class BrowserBenchmarks
{
    private static readonly string[] Flags =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, bool background = false) =>
        await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = background && OperatingSystem.IsLinux() ? IdleChromium() : "/usr/bin/chromium", Args = Flags, Headless = true,
        });

    /// <summary>
    /// Chromium under the idle scheduling policy (SCHED_IDLE, inherited by every process it starts): in production the
    /// browsers run on the users' machines, so here they may use whatever CPU the portal leaves, but never take it from
    /// the portal. A nice value is not enough: Chromium, running as root, sets its renderers' nice values itself.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static string IdleChromium()
    {
        var path = Path.Combine(Path.GetTempPath(), "adminportal-bench-idle-chromium");
        File.WriteAllText(path, "#!/bin/sh\nexec chrt --idle 0 /usr/bin/chromium \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public static async Task<string> SignInStateAsync(IBrowser browser, Uri baseAddress, string email)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        return await context.StorageStateAsync();
    }

    /// <summary>
    /// Installed before the page's own scripts: records, on the page's clock (ms since navigation start), when the
    /// first row (or, on pages without a table, the h1) was in the DOM, and when the circuit was ready.
    /// </summary>
    private const string Probe = """
        (() => {
          const check = () => {
            if (window.__contentAt === undefined && (document.querySelector('table tbody tr, .mud-table-body tr') ||
                (document.readyState !== 'loading' && !document.querySelector('table') && document.querySelector('h1'))))
              window.__contentAt = performance.now();
            if (window.__readyAt === undefined && document.querySelector('[data-interactive=true]'))
              window.__readyAt = performance.now();
          };
          new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-interactive'] });
          document.addEventListener('DOMContentLoaded', check);
        })();
        """;

    /// <summary>The page's Navigation Timing: response first and last byte, first contentful paint (-1 if none yet).</summary>
    private const string Timing = """
        () => { const n = performance.getEntriesByType('navigation')[0];
                const p = performance.getEntriesByName('first-contentful-paint')[0];
                return [n.responseStart, n.responseEnd, p ? p.startTime : -1]; }
        """;

    public static async Task<List<Figure>> ContentVisibleAsync(IBrowser browser, Uri baseAddress, int warmSamples)
    {
        var figures = new List<Figure>();
        var states = new Dictionary<string, string>();
        foreach (var (path, user, label) in HttpBenchmarks.Pages)
        {
            if (!states.TryGetValue(user, out var state))
                states[user] = state = await SignInStateAsync(browser, baseAddress, user);
            var visible = new List<double>();
            var interactive = new List<double>();
            var firstByte = new List<double>();
            var lastByte = new List<double>();
            var painted = new List<double>();
            for (var i = 0; i <= warmSamples; i++)
            {
                // each sample: a fresh context (no cache, a new circuit); sample 0 is the page's first visit: cold
                await using var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), StorageState = state });
                await context.AddInitScriptAsync(Probe);
                var page = await context.NewPageAsync();
                await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
                await page.WaitForFunctionAsync("() => window.__readyAt !== undefined && window.__contentAt !== undefined",
                    null, new() { Timeout = 30_000 });
                visible.Add(await page.EvaluateAsync<double>("() => window.__contentAt"));
                interactive.Add(await page.EvaluateAsync<double>("() => window.__readyAt"));
                // where the time before the rows went: the response's first and last byte, the first paint
                var timing = await page.EvaluateAsync<double[]>(Timing);
                firstByte.Add(timing[0]);
                lastByte.Add(timing[1]);
                if (timing[2] >= 0)
                    painted.Add(timing[2]);
            }
            // a returning visitor: one context whose cache the first visit fills (the portal's scripts and styles are
            // fingerprinted and cached immutable), then each visit a new page in it (a new circuit)
            var returning = new List<double>();
            await using (var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), StorageState = state }))
            {
                await context.AddInitScriptAsync(Probe);
                for (var i = 0; i <= warmSamples; i++)
                {
                    var page = await context.NewPageAsync();
                    await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
                    await page.WaitForFunctionAsync("() => window.__readyAt !== undefined && window.__contentAt !== undefined",
                        null, new() { Timeout = 30_000 });
                    if (i > 0)
                        returning.Add(await page.EvaluateAsync<double>("() => window.__contentAt"));
                    await page.CloseAsync();
                }
            }
            const string group = "3b. content visible in Chromium (signed in)";
            const string rows = "navigation start to the first row in the DOM (the prerendered HTML; the h1 on pages without a table), page clock";
            const string ready = "navigation start to the circuit's first interactive render (data-interactive=true), page clock";
            figures.Add(Figure.From(group, $"{path} ({label}), rows visible, cold", rows + ", first visit", [visible[0]], 300));
            figures.Add(Figure.From(group, $"{path} ({label}), rows visible, warm", rows + ", new context per visit", visible.Skip(1).ToList(), 300));
            figures.Add(Figure.From(group, $"{path} ({label}), interactive, warm", ready + ", new context per visit", interactive.Skip(1).ToList(), null));
            figures.Add(Figure.From(group, $"{path} ({label}), rows visible, returning", rows + ", a new page per visit in one context (the browser's cache kept)", returning, 300));
            figures.Add(Figure.From(group, $"{path} ({label}), response first byte, warm", "navigation start to the response's first byte (Navigation Timing), new context per visit", firstByte.Skip(1).ToList(), null));
            figures.Add(Figure.From(group, $"{path} ({label}), response last byte, warm", "navigation start to the response's last byte, new context per visit", lastByte.Skip(1).ToList(), null));
            if (painted.Count > 1)
                figures.Add(Figure.From(group, $"{path} ({label}), first contentful paint, warm", "navigation start to the first contentful paint, new context per visit", painted.Skip(1).ToList(), null));
        }
        return figures;
    }

    /// <summary>Opens <paramref name="circuits"/> pages (each its own circuit), then closes them, measuring the server after a full GC.</summary>
    public static async Task<List<Figure>> MemoryPerCircuitAsync(IBrowser browser, PortalProcess portal, int circuits)
    {
        var figures = new List<Figure>();
        using var admin = await portal.SignInAsync("admin@adminportal.demo", DemoAccounts.Password);
        var state = await SignInStateAsync(browser, portal.BaseAddress, "admin@adminportal.demo");
        foreach (var (path, label, target) in new[] { ("/", "idle circuit (dashboard)", 300.0), ("/products", "products queue page open", 1024.0) })
        {
            await using var context = await browser.NewContextAsync(new() { BaseURL = portal.BaseAddress.ToString(), StorageState = state });
            // one-time costs (EF model, compiled queries, static caches) land in the warm-up, not in the circuits
            for (var i = 0; i < 3; i++)
            {
                var warm = await context.NewPageAsync();
                await warm.GotoAsync(path);
                await warm.WaitForFunctionAsync("() => document.querySelector('[data-interactive=true]')");
                await warm.CloseAsync();
            }
            var baseline = await MemoryAsync(admin);
            var pages = new List<IPage>();
            for (var i = 0; i < circuits; i++)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                await page.WaitForFunctionAsync("() => document.querySelector('[data-interactive=true]')");
                pages.Add(page);
            }
            await Task.Delay(2_000); // let the circuits finish their first render
            var open = await MemoryAsync(admin);
            var perHeap = (open.ManagedHeapBytes - baseline.ManagedHeapBytes) / 1024.0 / circuits;
            var perWs = (open.WorkingSetBytes - baseline.WorkingSetBytes) / 1024.0 / circuits;
            figures.Add(new Figure("4. memory per circuit (server, after full GC)", $"{label}: managed heap per circuit",
                $"(heap with {circuits} circuits - heap after a 3-page warm-up) / {circuits}", "KB", perHeap, perHeap, circuits, target));
            figures.Add(new Figure("4. memory per circuit (server, after full GC)", $"{label}: working set per circuit", $"(working set with {circuits} circuits - before) / {circuits}", "KB", perWs, perWs, circuits, null));
            foreach (var p in pages)
                await p.CloseAsync();
            await Task.Delay(3_000);
            var closed = await MemoryAsync(admin);
            var left = (closed.ManagedHeapBytes - baseline.ManagedHeapBytes) / 1024.0;
            figures.Add(new Figure("4. memory per circuit (server, after full GC)", $"{label}: heap left after closing all", "heap after closing the pages - heap before (circuits are kept for the disconnected-circuit retention period)", "KB", left, left, 1, null));
        }
        return figures;
    }

    private static async Task<Diagnostics.MemoryDiagnostics.MemoryReport> MemoryAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<Diagnostics.MemoryDiagnostics.MemoryReport>("/_diagnostics/memory"))!;
}
