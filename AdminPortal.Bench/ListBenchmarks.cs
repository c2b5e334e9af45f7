using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.List;
using Npgsql;

namespace AdminPortal.Bench;

/// <summary>
/// Figures 1 and 2: each list read through the screen's own service (<see cref="ListCases"/>), the SQL that service
/// sent (recorded once by <see cref="SqlRecorder"/>) replayed alone, and EF Core's cost against that same SQL run
/// the way a hand-written data layer would run it; then the counts and searches as the screens make them.
/// </summary>
public sealed class ListBenchmarks(BenchContext bench, PortalServices portal)
{
    private const string ServiceGroup = "1a. lists: server time in the service";
    private const string SqlGroup = "1b. lists: SQL alone (the service's recorded commands, raw Npgsql, prepared, one open connection)";
    private const string RatioGroup = "1c. lists: EF Core / raw Npgsql, same SQL, same run";
    private const string CountGroup = "2. counts and search as the screens make them";

    /// <param name="only">When given, only the cases whose name contains it, or one of its '|'-separated parts.</param>
    /// <param name="printSql">Print each case's recorded commands (to EXPLAIN them).</param>
    public async Task<List<Figure>> ListsAsync(ListShape shape, string? only = null, bool printSql = false)
    {
        return await CasesAsync(await ListCases.BuildAsync(portal, shape), only, printSql);
    }

    /// <summary>Figures 12 and 13: the Cloutsy, Venta and audit log reads (<see cref="PlatformCases"/>), measured as figure 1.</summary>
    public async Task<List<Figure>> PlatformsAsync(string? only = null, bool printSql = false) =>
        await CasesAsync(await PlatformCases.BuildAsync(portal, bench.DataSource), only, printSql);

    private async Task<List<Figure>> CasesAsync(IEnumerable<ListCase> all, string? only, bool printSql)
    {
        var figures = new List<Figure>();
        var cases = all.Where(c => only is null || only.Split('|').Any(o => c.Name.Contains(o, StringComparison.OrdinalIgnoreCase)));
        foreach (var c in cases)
        {
            try
            {
                figures.AddRange(await MeasureAsync(c, printSql));
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // a read that fails (a command timeout under 30 s) is a miss, and the other lists are still measured
                Console.WriteLine($"  {c.Name}: FAILED: {e.GetBaseException().Message}");
                figures.Add(new Figure(ServiceGroup, c.Name, $"failed: {e.GetBaseException().Message}", "ms", double.NaN, double.NaN, 0, c.ServiceTarget));
            }
        }
        return figures;
    }

    private async Task<Figure[]> MeasureAsync(ListCase c, bool printSql)
    {
        var commands = await portal.Recorder.RecordAsync(c.Call);
        if (printSql)
            foreach (var command in commands)
                Console.WriteLine($"-- {c.Name}\n{command.Sql};\n-- {string.Join(", ", command.Parameters.Select(p => $"{p.ParameterName}={Show(p.Value)}"))}");
        var rows = await c.Call();
        var service = await Stats.TimeAsync(bench.Warmup, bench.Samples, c.Call);
        var sql = await SqlAloneAsync(commands);
        var raw = await DataLayerAsync(commands);
        var serviceFigure = Figure.From(ServiceGroup, c.Name,
            $"wall time of the service call ({commands.Count} command(s), {rows} row(s)): actor and scope checks, new DbContext, pooled connection, query, materialise",
            service, c.ServiceTarget);
        var sqlFigure = Figure.From(SqlGroup, c.Name,
            $"the {commands.Count} command(s) the service sent, prepared on one open connection: execute + read every row", sql, c.SqlTarget);
        var rawFigure = Figure.From(RatioGroup, c.Name + ": raw",
            "the same command(s) as a hand-written data layer: open a pooled connection, execute each, read rows into object[] records", raw);
        var ratio = new Figure(RatioGroup, c.Name, "service median / raw median and service p95 / raw p95 (the two lines of this group)", "x",
            serviceFigure.Median / rawFigure.Median, serviceFigure.P95 / rawFigure.P95, Math.Min(service.Count, raw.Count), 1.5);
        Console.WriteLine($"  {c.Name}: service p95 {serviceFigure.P95:F2} ms, SQL p95 {sqlFigure.P95:F2} ms, raw p95 {rawFigure.P95:F2} ms, " +
                          $"{commands.Count} command(s), {rows} row(s) (load average {bench.LoadAverage()})");
        return [serviceFigure, sqlFigure, rawFigure, ratio];
    }

    public async Task<List<Figure>> CountsAndSearchAsync()
    {
        var moderator = await portal.SignedInAsync("moderator@adminportal.demo");
        var admin = await portal.SignedInAsync("admin@adminportal.demo");
        var products = portal.Get<ProductQueryService>();
        var users = portal.Get<UserQueryService>();
        (string Name, Func<Task> Call, double? Target)[] calls =
        [
            ("products queue tab counts (CountTabsAsync, 5 tabs)", () => products.CountTabsAsync(moderator, ProductQueueQuery.Default), null),
            ("users list total (ListAsync, page 1)", () => users.ListAsync(admin, new UserListQuery(PageSize: ListCases.PageSize)), null),
            ("users search 'user4242' (ListAsync)", () => users.ListAsync(admin, new UserListQuery("user4242", PageSize: ListCases.PageSize)), 50),
        ];
        var figures = new List<Figure>();
        foreach (var (name, call, target) in calls)
        {
            var commands = await portal.Recorder.RecordAsync(call);
            figures.Add(Figure.From(CountGroup, name, $"wall time of the service call ({commands.Count} command(s))",
                await Stats.TimeAsync(bench.Warmup, bench.Samples, call), target));
            var counts = commands.Select((c, i) => (Command: c, Index: i + 1, Kind: CountKind(c.Sql))).Where(c => c.Kind is not null);
            foreach (var (command, index, kind) in counts)
                figures.Add(Figure.From(CountGroup, $"{name}: command {index}, {kind}",
                    "that command alone, raw Npgsql, prepared, one open connection", await SqlAloneAsync([command]), 5));
        }
        foreach (var table in new[] { "chat.messages", "catalog.products", "helpdesk.tickets" })
            figures.Add(Figure.From(CountGroup, $"planner estimate: {table}", "pg_class.reltuples, the 'about N' total",
                await SqlAloneAsync([new RecordedCommand($"SELECT reltuples::bigint FROM pg_class WHERE oid = '{table}'::regclass", [])]), 5));
        return figures;
    }

    private static string Show(object? value) =>
        value is System.Collections.IEnumerable e and not string ? "[" + string.Join(",", e.Cast<object>()) + "]" : $"{value}";

    private static string? CountKind(string sql) =>
        sql.StartsWith("EXPLAIN", StringComparison.OrdinalIgnoreCase) ? "planner estimate (EXPLAIN)"
        : sql.Contains("reltuples", StringComparison.OrdinalIgnoreCase) ? "table estimate (reltuples)"
        : sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase) ? "count"
        : null;

    /// <summary>The recorded commands, each prepared once on one open connection; a sample executes all and reads every row.</summary>
    private async Task<List<double>> SqlAloneAsync(IReadOnlyList<RecordedCommand> recorded)
    {
        await using var conn = await bench.DataSource.OpenConnectionAsync();
        var commands = recorded.Select(r => r.Create(conn)).ToList();
        try
        {
            foreach (var command in commands)
                await command.PrepareAsync();
            return await Stats.TimeAsync(bench.Warmup, bench.Samples, async () =>
            {
                foreach (var command in commands)
                {
                    await using var reader = await command.ExecuteReaderAsync();
                    var values = new object[reader.FieldCount];
                    while (await reader.ReadAsync())
                        reader.GetValues(values);
                }
            });
        }
        finally
        {
            foreach (var command in commands)
                await command.DisposeAsync();
        }
    }

    /// <summary>A hand-written data layer's cost for the same SQL: pooled connection per call, execute, read into records.</summary>
    private Task<List<double>> DataLayerAsync(IReadOnlyList<RecordedCommand> recorded) =>
        Stats.TimeAsync(bench.Warmup, bench.Samples, async () =>
        {
            await using var conn = await bench.DataSource.OpenConnectionAsync();
            foreach (var r in recorded)
            {
                await using var command = r.Create(conn);
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<object[]>();
                while (await reader.ReadAsync())
                {
                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    rows.Add(values);
                }
            }
        });
}
