using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdminPortal.Bench.CircuitClient;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Bench;

/// <summary>
/// Figure 16 (<c>--only-circuits</c>): thousands of circuits on one portal process, opened by the headless client
/// (CircuitClient/, decision 0037) instead of Chromium. Idle dashboards first (memory each), closed again; then N
/// products queues as the moderator: how fast they open and the first error, memory each, then approvals through
/// the real service (ProductModeration, which publishes over NOTIFY) reaching all of them: the portal's own
/// delivery histogram and the arrival of each circuit's next render batch at the client, with CPU per approval.
/// Loopback only, on the portal it starts; bounded by count, time, an error budget and a memory guard.
/// </summary>
public static class CircuitBenchmarks
{
    private const string Group = "16. headless circuits on one instance";
    private const string Moderator = "moderator@adminportal.demo";

    public static async Task<List<Figure>> RunAsync(BenchContext bench, Dictionary<string, string?> options)
    {
        var count = RenderBenchmarks.Int(options, "circuits", 5000);
        var dashboards = RenderBenchmarks.Int(options, "dashboard-circuits", Math.Min(count, 500));
        var approvals = RenderBenchmarks.Int(options, "approvals", 10);
        var concurrency = RenderBenchmarks.Int(options, "open-concurrency", 16);
        var perSecond = RenderBenchmarks.Int(options, "ramp-per-second", 0);
        var maxErrors = RenderBenchmarks.Int(options, "max-errors", 10);
        var bound = TimeSpan.FromMinutes(RenderBenchmarks.Int(options, "open-minutes", 20));
        var maxRss = RenderBenchmarks.Int(options, "max-rss-mb", 9000) * 1048576.0;
        var minFree = RenderBenchmarks.Int(options, "min-free-mb", 4000) * 1048576.0;
        var figures = new List<Figure>();
        var journal = new CircuitJournal();

        // --sessions N: the queues take N moderator sessions in turn (the portal's sign-in throttle raised for this
        // portal only), so each circuit's revalidation is not the same request as its neighbours'
        var sessionCount = Math.Max(1, RenderBenchmarks.Int(options, "sessions", 1));
        var idleSeconds = Math.Max(1, RenderBenchmarks.Int(options, "idle-seconds", 10));
        await using var portal = await PortalProcess.StartAsync(bench.ConnectionString, sessionCount == 1 ? null : new Dictionary<string, string>
        {
            ["SignIn__Throttle__PerAddressBurst"] = (sessionCount + 20).ToString(CultureInfo.InvariantCulture),
            ["SignIn__Throttle__PerAccountAddressBurst"] = (sessionCount + 20).ToString(CultureInfo.InvariantCulture),
        });
        using var moderator = await PortalSession.SignInAsync(portal.BaseAddress, Moderator, DemoAccounts.Password);
        var moderators = new List<PortalSession> { moderator };
        while (moderators.Count < sessionCount)
            moderators.Add(await PortalSession.SignInAsync(portal.BaseAddress, Moderator, DemoAccounts.Password));
        using var admin = await PortalSession.SignInAsync(portal.BaseAddress, "admin@adminportal.demo", DemoAccounts.Password);
        string? Guard() =>
            PortalMemory.RssOf(portal.Pid) > maxRss ? $"memory guard: portal RSS over {maxRss / 1048576:F0} MB"
            : PortalMemory.MachineAvailable() < minFree ? $"memory guard: machine MemAvailable under {minFree / 1048576:F0} MB"
            : null;
        void Progress(int open, TimeSpan at) => Console.WriteLine(
            $"    {open} open after {at.TotalSeconds:F0} s, portal RSS {PortalMemory.RssOf(portal.Pid) / 1048576:F0} MB, connections closed so far {journal.Closed}, load average {bench.LoadAverage()}");
        async Task StatusAsync(string when)
        {
            var live = await LiveAsync(admin);
            Console.WriteLine($"  {when}: portal counts {live.Circuits} circuits, {live.Subscribers} feed subscriptions; client: {journal.Closed} connections closed, {journal.Errors.Count} errors" +
                (journal.Errors.TryPeek(out var e) ? $", first at {e.At:HH:mm:ss}: {e.What}" : ""));
        }

        // first opens of each page JIT the prerender and the circuit's paths: unmeasured
        await using (var warm = new CircuitFleet([moderator], "/products", journal))
            await warm.OpenAsync(4, 2, 0, 4, bound, () => null);
        await using (var warm = new CircuitFleet([moderator], "/", journal))
            await warm.OpenAsync(4, 2, 0, 4, bound, () => null);
        await WhenCircuitsAsync(admin, n => n == 0);

        // idle dashboards: memory each
        var before = await PortalMemory.ReadAsync(admin, portal);
        await using (var fleet = new CircuitFleet([moderator], "/", journal))
        {
            Console.WriteLine($"  opening {dashboards} dashboards (load average {bench.LoadAverage()})");
            var opened = await fleet.OpenAsync(dashboards, concurrency, perSecond, maxErrors, bound, Guard, Progress);
            await Task.Delay(TimeSpan.FromSeconds(5));
            if (RenderBenchmarks.Int(options, "hold-dashboards-seconds", 0) is > 0 and var holdDashboards)
            {
                // time to look inside (dotnet-gcdump collect -p PID): what an idle dashboard circuit holds
                Console.WriteLine($"  holding {holdDashboards} s with {opened.Opened} dashboards open: portal PID {portal.Pid}");
                await Task.Delay(TimeSpan.FromSeconds(holdDashboards));
            }
            var after = await PortalMemory.ReadAsync(admin, portal);
            figures.AddRange(MemoryFigures("idle dashboard (/)", opened.Opened, before, after, 300));
            Console.WriteLine($"  {opened.Opened} dashboards open: {Describe(opened)}");
        }
        await WhenCircuitsAsync(admin, n => n == 0);

        // products queues
        before = await PortalMemory.ReadAsync(admin, portal);
        await using var queues = new CircuitFleet(moderators, "/products", journal);
        Console.WriteLine($"  opening {count} products queues over {moderators.Count} moderator session(s), {concurrency} at a time{(perSecond > 0 ? $", at most {perSecond}/s" : "")} (load average {bench.LoadAverage()})");
        var opening = await queues.OpenAsync(count, concurrency, perSecond, maxErrors, bound, Guard, Progress);
        Console.WriteLine($"  {Describe(opening)}");
        figures.Add(new Figure(Group, $"products queues opened per second (moderator, {concurrency} in flight)",
            $"circuits opened / seconds until the first error (or all {opening.Opened}); first error: {opening.FirstError ?? "none"}; stopped: {opening.StoppedBecause ?? "count reached"}",
            "/s", opening.PerSecondToFirstError, opening.PerSecondToFirstError, opening.Opened));
        figures.Add(Figure.From(Group, "one products queue opened", "GET the page, connect, StartCircuit, UpdateRootComponents, first render batch", opening.OpenMs));
        if (RenderBenchmarks.Int(options, "hold-seconds", 0) is > 0 and var hold)
        {
            // time to look inside (e.g. dotnet-gcdump collect -p PID): what the open circuits hold
            Console.WriteLine($"  holding {hold} s with {queues.Open.Count} queues open: portal PID {portal.Pid}");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }
        await StatusAsync($"{queues.Open.Count} queues open");
        // idle: the portal's CPU, the database's transactions (each of the portal's queries outside a transaction is
        // one) and, where the portal counts them, its circuits' revalidation checks and the queries they took
        var (idleFrom, xactFrom, revalidationFrom) = (Cpu.Read([portal]), await TransactionsAsync(bench), await RevalidationAsync(admin));
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var (idleTo, xactTo, revalidationTo) = (Cpu.Read([portal]), await TransactionsAsync(bench), await RevalidationAsync(admin));
        var idleCpu = (idleTo.PortalsMs - idleFrom.PortalsMs) / idleSeconds;
        var xactPerSecond = (xactTo - xactFrom) / (double)idleSeconds;
        Console.WriteLine($"  idle with {queues.Open.Count} queues, {idleSeconds} s: portal CPU {idleCpu:F0} ms/s, machine busy {(idleTo.MachineMs - idleFrom.MachineMs) / idleSeconds:F0} ms/s of 2,000, " +
            $"database transactions {xactPerSecond:F1}/s (load average {bench.LoadAverage()})");
        if (revalidationFrom is not null && revalidationTo is not null)
            Console.WriteLine("  revalidation over the idle span, per second: " + string.Join(", ", revalidationTo.Select(kv =>
                $"{kv.Key} {(kv.Value - revalidationFrom.GetValueOrDefault(kv.Key)) / (double)idleSeconds:F1}")));
        figures.Add(new Figure(Group, $"idle portal CPU with {queues.Open.Count} queues", $"portal CPU over {idleSeconds} s with every queue open and nothing happening (/proc)",
            "ms/s", idleCpu, idleCpu, queues.Open.Count));
        figures.Add(new Figure(Group, $"idle database transactions with {queues.Open.Count} queues", $"pg_stat_database xact_commit + xact_rollback over the same {idleSeconds} s",
            "/s", xactPerSecond, xactPerSecond, queues.Open.Count));

        await StatusAsync("before the approvals");
        foreach (var f in figures)
            Console.WriteLine($"  = {f.Name}: median {f.Median:F1} p95 {f.P95:F1} {f.Unit} (n {f.Samples})");
        figures.AddRange(await ApprovalsAsync(bench, portal, admin, queues.Open.ToList(), approvals, journal));
        await StatusAsync("after the approvals");
        // the memory read forces a full GC of the whole heap: last, so its pause (seconds at 4,000 circuits on two
        // busy cores) cannot touch the approvals
        await Task.Delay(TimeSpan.FromSeconds(10));
        var withQueues = await PortalMemory.ReadAsync(admin, portal);
        figures.AddRange(MemoryFigures("products queue", queues.Open.Count, before, withQueues, 1024));
        figures.Add(new Figure(Group, $"portal RSS with {queues.Open.Count} queues open", "VmRSS of the portal process (/proc), after a full GC",
            "MB", withQueues.RssBytes / 1048576, withQueues.RssBytes / 1048576, queues.Open.Count,
            queues.Open.Count >= 5000 ? 5 * 1024 : null, queues.Open.Count >= 5000 ? "target: 5,000 queues in 5 GB" : "fewer than 5,000 open: no target"));
        foreach (var f in figures.TakeLast(3))
            Console.WriteLine($"  = {f.Name}: median {f.Median:F1} p95 {f.P95:F1} {f.Unit} (n {f.Samples})");
        Console.WriteLine("  JS interop calls the circuits answered: " + string.Join(", ", journal.JsCalls.OrderByDescending(c => c.Value).Select(c => $"{c.Key} x{c.Value}")));
        await Task.Delay(TimeSpan.FromSeconds(5));
        await StatusAsync("5 s after the memory read (its full GC)");
        return figures;
    }

    private static string Describe(CircuitFleet.Opening o) =>
        $"{o.Opened} opened in {o.Elapsed.TotalSeconds:F1} s ({o.PerSecond:F1}/s), open p50 {Stats.Percentile(o.OpenMs, 0.5):F0} ms p95 {Stats.Percentile(o.OpenMs, 0.95):F0} ms, " +
        $"errors {o.Errors}{(o.FirstError is null ? "" : $", first after {o.OpenAtFirstError} open ({o.AtFirstError.TotalSeconds:F1} s): {o.FirstError}")}" +
        (o.StoppedBecause is null ? "" : $", stopped: {o.StoppedBecause}");

    private static IEnumerable<Figure> MemoryFigures(string what, int circuits, PortalMemory before, PortalMemory after, double targetKb)
    {
        var n = Math.Max(1, circuits);
        var heap = (after.HeapBytes - before.HeapBytes) / n / 1024;
        var rss = (after.RssBytes - before.RssBytes) / n / 1024;
        return
        [
            new Figure(Group, $"{what}: managed heap per circuit", $"heap after a full GC with {circuits} open, minus before, / {circuits} (/_diagnostics/memory)", "KB", heap, heap, circuits, targetKb),
            new Figure(Group, $"{what}: resident memory per circuit", $"portal VmRSS with {circuits} open, minus before, / {circuits} (/proc)", "KB", rss, rss, circuits),
        ];
    }

    /// <summary>Waits (up to 4 minutes) until the portal's open-circuit count satisfies <paramref name="done"/>.</summary>
    private static async Task<long> WhenCircuitsAsync(PortalSession admin, Func<long, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var now = (await LiveAsync(admin)).Circuits;
            if (done(now) || DateTime.UtcNow > deadline)
                return now;
            await Task.Delay(500);
        }
    }

    /// <summary>Transactions the database has committed or rolled back so far (pg_stat_database).</summary>
    private static async Task<long> TransactionsAsync(BenchContext bench)
    {
        await using var command = bench.DataSource.CreateCommand(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The portal's revalidation counters (<c>/_diagnostics/live</c>'s <c>revalidation</c>), when it has them.</summary>
    private static async Task<Dictionary<string, long>?> RevalidationAsync(PortalSession admin)
    {
        using var doc = JsonDocument.Parse(await admin.Http.GetStringAsync("/_diagnostics/live"));
        return doc.RootElement.TryGetProperty("revalidation", out var r) && r.ValueKind == JsonValueKind.Object
            ? r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64())
            : null;
    }

    private static async Task<LiveSnapshot> LiveAsync(PortalSession admin)
    {
        using var doc = JsonDocument.Parse(await admin.Http.GetStringAsync("/_diagnostics/live"));
        return LiveSnapshot.From(doc.RootElement);
    }

    private static async Task<List<Figure>> ApprovalsAsync(BenchContext bench, PortalProcess portal, PortalSession admin,
        List<HeadlessCircuit> circuits, int samples, CircuitJournal journal)
    {
        const int warmup = 2;
        await using var services = new PortalServices(bench.ConnectionString);
        var principal = await services.SignedInAsync(Moderator);
        var arrivals = new List<double>();
        var serviceMs = new List<double>();
        var (portalCpu, machineCpu) = (new List<double>(), new List<double>());
        var (netCpu, batchesEach, bytesEach, jsEach) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        ServerDeliveries? server = null;
        var missing = 0;
        Console.WriteLine($"  approvals: {warmup} unmeasured, then {samples}, each reaching {circuits.Count} queues (load average {bench.LoadAverage()})");
        for (var s = -warmup; s < samples; s++)
        {
            string id;
            await using (var scope = services.CreateScope())
                id = (await scope.ServiceProvider.GetRequiredService<ProductQueryService>().GetPageAsync(principal, new ProductQueueQuery())).Rows[0].Id;
            // the portal's idle CPU just before (revalidation, pings), so the approval's own CPU can be told apart
            var idleFrom = Cpu.Read([portal]);
            await Task.Delay(2000);
            var idleMsPerS = (Cpu.Read([portal]).PortalsMs - idleFrom.PortalsMs) / 2;
            foreach (var c in circuits)
                c.Arm();
            var (batchesBefore, bytesBefore, jsBefore) = (circuits.Sum(c => (long)c.Batches), circuits.Sum(c => c.BatchBytes), journal.JsCalls.Values.Sum());
            var liveBefore = await LiveAsync(admin);
            var cpuBefore = Cpu.Read([portal]);
            var start = Stopwatch.GetTimestamp();
            await using (var scope = services.CreateScope())
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<ProductModeration>()
                    .DecideAsync(principal, new ProductDecision(id, ModerationAction.Approve));
                if (!outcome.Succeeded)
                    throw new InvalidOperationException($"approving {id}: {outcome}");
            }
            var returned = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            // every circuit's next batch, or 30 s; then the queues' coalesced refill (150 ms) and its batch
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
            while (circuits.Any(c => c.ArrivalTimestamp is null) && Stopwatch.GetTimestamp() < deadline)
                await Task.Delay(50);
            var allIn = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            await Task.Delay(1500);
            var cpuAfter = Cpu.Read([portal]);
            var window = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var liveAfter = await LiveAsync(admin);
            var net = cpuAfter.PortalsMs - cpuBefore.PortalsMs - idleMsPerS * window;
            var batches = (double)(circuits.Sum(c => (long)c.Batches) - batchesBefore) / circuits.Count;
            var bytes = (double)(circuits.Sum(c => c.BatchBytes) - bytesBefore) / circuits.Count;
            var js = (double)(journal.JsCalls.Values.Sum() - jsBefore) / circuits.Count;
            var times = circuits.Select(c => c.ArrivalTimestamp is { } t ? (t - start) * 1000.0 / Stopwatch.Frequency : double.NaN).ToList();
            var late = times.Count(double.IsNaN);
            var delivered = liveAfter.Deliveries.Minus(liveBefore.Deliveries);
            Console.WriteLine($"    {(s < 0 ? "warm-up" : $"sample {s + 1}")}: service {returned:F0} ms, all arrived {allIn:F0} ms, arrival p50 {Stats.Percentile(times.Where(t => !double.IsNaN(t)).ToList(), 0.5):F0} p95 {Stats.Percentile(times.Where(t => !double.IsNaN(t)).ToList(), 0.95):F0} ms, " +
                $"server p95 {delivered.Percentile(0.95):F0} ms ({delivered.Total} deliveries), none within 30 s: {late}, portal CPU {cpuAfter.PortalsMs - cpuBefore.PortalsMs:F0} ms " +
                $"(idle {idleMsPerS:F0} ms/s just before; net of it {net:F0} ms, {net / circuits.Count:F2} ms per circuit), per circuit {batches:F1} batches {bytes:F0} bytes {js:F1} JS calls, load average {bench.LoadAverage()}");
            if (s < 0)
            {
                // a circuit the server ended (an error while opening on a starved machine) never answers: leave it out
                // of the measured samples rather than wait 30 s for it each time
                var dead = circuits.RemoveAll(c => c.ArrivalTimestamp is null);
                if (dead > 0)
                    Console.WriteLine($"    {dead} circuits got no batch in the warm-up: left out of the samples ({circuits.Count} measured)");
                continue;
            }
            arrivals.AddRange(times.Where(t => !double.IsNaN(t)));
            missing += late;
            serviceMs.Add(returned);
            server = server is null ? delivered : server.Plus(delivered);
            portalCpu.Add(cpuAfter.PortalsMs - cpuBefore.PortalsMs);
            machineCpu.Add(cpuAfter.MachineMs - cpuBefore.MachineMs);
            netCpu.Add(net);
            batchesEach.Add(batches);
            bytesEach.Add(bytes);
            jsEach.Add(js);
        }
        var n = circuits.Count;
        return
        [
            Figure.From(Group, $"one approval reaching {n} queues: arrival at the client",
                "ProductModeration.DecideAsync called to each circuit's next render batch received by the headless client (all circuits x samples)",
                arrivals, n >= 5000 ? 2000 : null, $"{missing} circuit-samples got no batch within 30 s; the service call itself: median {Stats.Percentile(serviceMs, 0.5):F0} ms"),
            new Figure(Group, $"one approval reaching {n} queues: on the server", "publish to each circuit's handler done, its render batch sent (the portal's delivery histogram, /_diagnostics/live; bucket-interpolated)",
                "ms", server?.Percentile(0.5) ?? double.NaN, server?.Percentile(0.95) ?? double.NaN, (int)(server?.Total ?? 0), n >= 5000 ? 2000 : null),
            Figure.From(Group, $"CPU per approval with {n} queues, portal", "CPU time of the portal from the call until 1.5 s after the last arrival (refill included); /proc", portalCpu),
            Figure.From(Group, $"CPU per approval with {n} queues, whole machine", "busy CPU time of both cores over the same span (the headless client included)", machineCpu),
            Figure.From(Group, $"CPU per approval with {n} queues, portal, net of idle", "the portal's CPU over the span minus its idle rate (measured for 2 s just before) times the span", netCpu),
            Figure.From(Group, "render batches per queue circuit per approval", "batches the headless client received per circuit from the call to 1.5 s after the last arrival", batchesEach, unit: ""),
            Figure.From(Group, "render batch bytes per queue circuit per approval", "bytes of those batches per circuit", bytesEach, unit: "B"),
            Figure.From(Group, "JS interop calls per queue circuit per approval", "JS calls the circuits answered over the same span, per circuit", jsEach, unit: ""),
        ];
    }
}
