using System.Diagnostics;
using AdminPortal.Bench;
using AdminPortal.Data;
using AdminPortal.Data.Local;
using Npgsql;

// dotnet run -c Release --project AdminPortal.Bench -- [--connection "..."] [--json out.json] [--samples N] [--warmup N]
//     [--data-dir DIR] [--skip-http] [--skip-browser] [--skip-live] [--skip-render] [--render-pages N] [--render-samples N]
//     [--cases TEXT] [--print-sql]  (figure 1 only for the cases whose name contains TEXT or one of its |-separated parts; print their SQL)
//     [--only-render]   (figure 5b alone, on whatever data the database has: the demo data is enough)
//     [--only-chats] [--skip-chats]   (figures 7 to 9, the chat services, on the data the database has)
//     [--only-sign-in]   (figure 11 alone: sign-in timing of unknown / known / platform emails, on the demo accounts)
//     [--only-platforms]   (figures 12 and 13: Cloutsy, Venta and audit log lists on the large data, loading it if missing)
//     [--time-rebuild]     (with --only-dashboard: figure 10b, rollups rebuild timed on the data first)
//     [--only-dashboard]   (figure 10, the dashboard's and the reports' services, and figure 3 for / and /reports unless --skip-http)
//     [--only-search]   (figure 14 alone: the app bar's one search through its service, on the data the database has)
//     [--only-lists]    (figure 1 alone, with --cases to pick some: the list pages through the screens' services)
//     [--only-pages] [--page-samples N]   (figures 3, 3b and 4 alone: first byte over HTTP, content visible and memory in
//                       Chromium; N warm visits per page in 3b, default min(samples, 10))
//     [--only-outage] [--writers N] [--stop-seconds N]   (figure 15: restart and stop a THROWAWAY cluster under a portal
//                       process and a stream of writes; refuses --connection and --data-dir)
//     [--only-circuits] [--circuits N] [--dashboard-circuits N] [--approvals N] [--open-concurrency N] [--ramp-per-second N]
//         [--max-errors N] [--open-minutes N] [--max-rss-mb N] [--min-free-mb N] [--hold-seconds N] [--hold-dashboards-seconds N]
//         [--sessions N] [--idle-seconds N]   (the queues over N moderator sessions in turn; the idle span measured)
//                       (figure 16: N headless circuits on one portal process, on whatever data the database has)
var options = Args.Parse(args);
var samples = int.Parse(options.GetValueOrDefault("samples") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
var warmup = int.Parse(options.GetValueOrDefault("warmup") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
EmbeddedPostgres? cluster = null;
var throwaway = false;
var connection = options.GetValueOrDefault("connection");
string label;
if (string.IsNullOrWhiteSpace(connection))
{
    var dir = options.GetValueOrDefault("data-dir");
    throwaway = dir is null;
    dir ??= Path.Combine(Path.GetTempPath(), $"adminportal-bench-{Guid.NewGuid():N}"[..30]);
    cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = dir, Database = "adminportal_bench" }, Console.WriteLine);
    connection = cluster.ConnectionString("adminportal_bench");
    label = $"embedded cluster in {dir}{(throwaway ? " (throwaway)" : "")}";
}
else
    label = "given by --connection";

var figures = new List<Figure>();
try
{
    await using var bench = new BenchContext(connection, label, samples, warmup);
    Console.WriteLine($"AdminPortal benchmark: {Environment.ProcessorCount} cores, load average {bench.LoadAverage()}, database: {label}");
    var onlyRender = options.ContainsKey("only-render");
    if (options.ContainsKey("only-sign-in"))
    {
        Console.WriteLine($"Figure 11: sign-in timing, {samples} rounds (load average {bench.LoadAverage()})");
        figures.AddRange(await new SignInBenchmarks(bench).RunAsync(samples));
        onlyRender = true;   // nothing else: skip the list, server and chat figures (and render, below)
        options["skip-render"] = "";
    }
    if (options.ContainsKey("only-platforms"))
    {
        figures.AddRange(await SeedPhases.EnsureLargeDataAsync(bench));
        Console.WriteLine($"Figures 12 and 13: Cloutsy, Venta and the audit log through the screens' services (load average {bench.LoadAverage()})");
        await using var services = new PortalServices(connection);
        figures.AddRange(await new ListBenchmarks(bench, services).PlatformsAsync(options.GetValueOrDefault("cases"), options.ContainsKey("print-sql")));
        onlyRender = true;   // nothing else
        options["skip-render"] = "";
    }
    else if (options.ContainsKey("only-outage"))
    {
        if (cluster is null || !throwaway)
            throw new InvalidOperationException("--only-outage restarts and stops its database: it runs only on a throwaway cluster (no --connection, no --data-dir)");
        Console.WriteLine($"Figure 15: database restart and outage (load average {bench.LoadAverage()})");
        figures.AddRange(await OutageBenchmarks.RunAsync(bench, cluster, RenderBenchmarks.Int(options, "writers", 4),
            RenderBenchmarks.Int(options, "stop-seconds", 20)));
        onlyRender = true;   // nothing else
        options["skip-render"] = "";
    }
    else if (options.ContainsKey("only-circuits"))
    {
        Console.WriteLine($"Figure 16: headless circuits on one instance (load average {bench.LoadAverage()})");
        figures.AddRange(await CircuitBenchmarks.RunAsync(bench, options));
        onlyRender = true;   // nothing else
        options["skip-render"] = "";
    }
    else if (options.ContainsKey("only-search"))
    {
        Console.WriteLine($"Figure 14: the one search box (load average {bench.LoadAverage()})");
        await using (var services = new PortalServices(connection))
            figures.AddRange(await new SearchBenchmarks(bench, services).RunAsync());
        onlyRender = true;   // nothing else
        options["skip-render"] = "";
    }
    else if (options.ContainsKey("only-dashboard"))
        await DashboardFigures.RunAsync(bench, options, figures);
    else if (options.ContainsKey("only-lists"))
    {
        figures.AddRange(await SeedPhases.EnsureLargeDataAsync(bench));
        Console.WriteLine($"Figure 1: list pages through the screens' services (load average {bench.LoadAverage()})");
        await using var services = new PortalServices(connection);
        figures.AddRange(await new ListBenchmarks(bench, services).ListsAsync(await ListShape.ReadAsync(bench.DataSource),
            options.GetValueOrDefault("cases"), options.ContainsKey("print-sql")));
        onlyRender = true;   // nothing else
        options["skip-render"] = "";
    }
    else if (!onlyRender && !options.ContainsKey("only-chats"))
        await RunListAndServerFiguresAsync(bench, options, figures, samples);
    if (!onlyRender && !options.ContainsKey("skip-chats") && !options.ContainsKey("only-dashboard"))
        figures.AddRange(await new ChatBenchmarks(bench).RunAsync());
    if (!options.ContainsKey("skip-render") && !options.ContainsKey("only-dashboard"))
    {
        var pages = RenderBenchmarks.Int(options, "render-pages", 100);
        var renderSamples = RenderBenchmarks.Int(options, "render-samples", 20);
        Console.WriteLine($"Figure 5b: commit to render, {pages} queues in Chromium (load average {bench.LoadAverage()})");
        await using var first = await PortalProcess.StartAsync(connection);
        await using var second = await PortalProcess.StartAsync(connection);
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await BrowserBenchmarks.LaunchAsync(playwright, background: true);
        figures.AddRange(await RenderBenchmarks.CommitToRenderAsync(bench, browser, first, second, pages, renderSamples));
    }
    Console.WriteLine();
    Console.WriteLine($"AdminPortal benchmark results ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average at the end {bench.LoadAverage()})");
    if (options.ContainsKey("skip-render"))
        Console.WriteLine("Not measured in this run: commit-to-render in a browser (5b, --skip-render); the feed latency (5) stops at the subscriber's handler.");
    Report.Print(Console.Out, figures);
    var json = options.GetValueOrDefault("json");
    if (json is not null)
    {
        await Report.WriteJsonAsync(json, bench, figures);
        Console.WriteLine($"Figures written to {Path.GetFullPath(json)}");
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (cluster is not null)
    {
        await cluster.DisposeAsync();
        if (throwaway)
            Directory.Delete(cluster.DataDirectory, recursive: true);
    }
}
return figures.Any(f => f.Verdict == "MISS") ? 3 : 0;

static async Task RunListAndServerFiguresAsync(BenchContext bench, Dictionary<string, string?> options, List<Figure> figures, int samples)
{
    var connection = bench.ConnectionString;
    figures.AddRange(await SeedPhases.EnsureLargeDataAsync(bench));

    if (!options.ContainsKey("only-pages"))   // --only-pages: figures 3, 3b and 4 alone
    {
        Console.WriteLine("Figure 1: list pages through the screens' services, their SQL alone, EF Core against raw Npgsql");
        await using var services = new PortalServices(connection);
        var lists = new ListBenchmarks(bench, services);
        figures.AddRange(await lists.ListsAsync(await ListShape.ReadAsync(bench.DataSource), options.GetValueOrDefault("cases"), options.ContainsKey("print-sql")));
        Console.WriteLine($"Figure 2: counts and search (load average {bench.LoadAverage()})");
        figures.AddRange(await lists.CountsAndSearchAsync());
        Console.WriteLine($"Figure 10: dashboard and reports (load average {bench.LoadAverage()})");
        figures.AddRange(await new DashboardBenchmarks(bench, services).RunAsync());
        Console.WriteLine($"Figure 12: the one search box (load average {bench.LoadAverage()})");
        figures.AddRange(await new SearchBenchmarks(bench, services).RunAsync());
    }

    if (!options.ContainsKey("skip-http"))
    {
        Console.WriteLine($"Figure 3: prerendered first byte over HTTP (load average {bench.LoadAverage()})");
        await using var portal = await PortalProcess.StartAsync(connection);
        figures.AddRange(await HttpBenchmarks.TimeToFirstByteAsync(portal, Math.Min(samples, 50)));
        if (!options.ContainsKey("skip-browser"))
        {
            Console.WriteLine($"Figures 3b and 4: Chromium (load average {bench.LoadAverage()})");
            using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            await using var browser = await BrowserBenchmarks.LaunchAsync(playwright);
            figures.AddRange(await BrowserBenchmarks.ContentVisibleAsync(browser, portal.BaseAddress,
                RenderBenchmarks.Int(options, "page-samples", Math.Min(samples, 10))));
            figures.AddRange(await BrowserBenchmarks.MemoryPerCircuitAsync(browser, portal, 50));
        }
    }
    if (!options.ContainsKey("skip-live"))
    {
        Console.WriteLine($"Figure 5: live feed latency (load average {bench.LoadAverage()})");
        figures.AddRange(await LiveBenchmarks.FeedLatencyAsync(bench, Math.Min(samples, 200)));
    }
}

internal static class DashboardFigures
{
    public static async Task RunAsync(BenchContext bench, Dictionary<string, string?> options, List<Figure> figures)
    {
        if (options.ContainsKey("time-rebuild"))
        {
            // rollups rebuild (decisions 0020, 0023): every rollup and live counter counted again, as the large load does
            Console.WriteLine($"Figure 10b: rollups rebuild (load average {bench.LoadAverage()})");
            var took = await AdminPortal.Data.Rollups.RollupRebuild.RunAsync(bench.ConnectionString);
            figures.Add(new Figure("10b. rollups rebuild", "rollups rebuild (daily rollups and live counters, from scratch)",
                "wall time of the one transaction", "s", took.TotalSeconds, took.TotalSeconds, 1, 20, $"load average {bench.LoadAverage()}"));
            Console.WriteLine($"  rollups rebuild: {took.TotalSeconds:0.0} s (load average {bench.LoadAverage()})");
        }
        Console.WriteLine($"Figure 10: dashboard and reports (load average {bench.LoadAverage()})");
        await using (var services = new PortalServices(bench.ConnectionString))
            figures.AddRange(await new DashboardBenchmarks(bench, services).RunAsync());
        if (options.ContainsKey("skip-http"))
            return;
        Console.WriteLine($"Figure 3: prerendered first byte of the dashboard and reports (load average {bench.LoadAverage()})");
        await using var portal = await PortalProcess.StartAsync(bench.ConnectionString);
        figures.AddRange(await HttpBenchmarks.TimeToFirstByteAsync(portal, Math.Min(bench.Samples, 50),
            p => p.Path is "/" or "/reports"));
    }
}

internal static class Args
{
    public static Dictionary<string, string?> Parse(string[] args)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument {args[i]}");
            var key = args[i][2..];
            result[key] = key.StartsWith("skip-", StringComparison.Ordinal) || key.StartsWith("only-", StringComparison.Ordinal) || key == "print-sql" || key == "time-rebuild" ? "true" : i + 1 < args.Length ? args[++i] : null;
        }
        return result;
    }
}

internal static class SeedPhases
{
    /// <summary>
    /// Figure 6: loads the large data with the portal's own <c>seed --scale large --reset</c> when it is not there
    /// (then the phases are this run's), else reads the phases the last load recorded in public.demo_load_phases.
    /// </summary>
    public static async Task<List<Figure>> EnsureLargeDataAsync(BenchContext bench)
    {
        var loaded = await MessagesEstimateAsync(bench) >= 9_000_000;
        string note;
        double wall = double.NaN;
        if (!loaded)
        {
            Console.WriteLine("Large data not found: loading it with `AdminPortal.dll seed --scale large --reset`");
            var watch = Stopwatch.StartNew();
            var code = await PortalProcess.RunVerbAsync(bench.ConnectionString, "seed", "--scale", "large", "--reset");
            if (code != 0)
                throw new InvalidOperationException($"seed --scale large failed ({code})");
            wall = watch.Elapsed.TotalSeconds;
            await bench.DataSource.ReloadTypesAsync(); // the schema's enum types did not exist when the data source first connected
            note = $"measured in this run (load average now {bench.LoadAverage()})";
        }
        else
        {
            note = "read from the last large load's recorded timings (public.demo_load_phases), not measured in this run";
            // data loaded by an older build: its migrations first, or the cases would read tables it does not have yet
            await DatabaseRoles.MigrateAsync(new PortalDatabase(bench.ConnectionString, null));
            await bench.DataSource.ReloadTypesAsync();
        }
        var figures = new List<Figure>();
        await using var conn = await bench.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT phase, seconds, loaded_at FROM public.demo_load_phases WHERE scale = 'large' ORDER BY position", conn);
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var phase = reader.GetString(0);
                var seconds = reader.GetDouble(1);
                var isTotal = phase.StartsWith("total", StringComparison.Ordinal);
                figures.Add(new Figure("6. large seed by phase", phase, $"seconds, load of {reader.GetDateTime(2):yyyy-MM-dd HH:mm} UTC", "s",
                    seconds, seconds, 1, isTotal ? 120 : null, note));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            Console.WriteLine("  no recorded load timings (the data was loaded by an older seed)");
        }
        if (!double.IsNaN(wall))
            figures.Add(new Figure("6. large seed by phase", "seed process wall clock (incl. process start, migrations)", "seconds", "s", wall, wall, 1, null, note));
        return figures;
    }

    private static async Task<double> MessagesEstimateAsync(BenchContext bench)
    {
        await using var conn = await bench.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT coalesce((SELECT reltuples FROM pg_class WHERE oid = to_regclass('chat.messages')), 0)", conn);
        return Convert.ToDouble(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
