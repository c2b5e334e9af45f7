using AdminPortal.Features.Dashboard;
using AdminPortal.Features.Reports;

namespace AdminPortal.Bench;

/// <summary>
/// Figure 10 (issue 16): every read of the dashboard and the reports through its service, per role, on the data the
/// database holds (the large load for the targets): p95 ≤ 20 ms each. Reports over the default 30 days and a year.
/// </summary>
public sealed class DashboardBenchmarks(BenchContext bench, PortalServices portal)
{
    private const string Group = "10. dashboard and reports: server time in the service";
    private const double Target = 20;

    public async Task<List<Figure>> RunAsync()
    {
        var figures = new List<Figure>();
        var admin = await portal.SignedInAsync("admin@adminportal.demo");
        var moderator = await portal.SignedInAsync("moderator@adminportal.demo");
        var staff = await portal.SignedInAsync("staff.a@adminportal.demo");
        var moderation = portal.Get<ModerationFigures>();
        var tickets = portal.Get<TicketFigures>();
        var users = portal.Get<AdminFigures>();
        var reports = portal.Get<ReportService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cases = new List<(string Name, Func<Task> Call)>
        {
            ("moderation tiles (moderator)", () => moderation.TilesAsync(moderator)),
            ("moderation tiles after a change (moderator, shared tab counts)", () => moderation.TilesAsync(moderator, afterChange: true)),
            ("moderation charts (moderator)", () => moderation.ChartsAsync(moderator)),
            ("ticket tiles (staff, hostel A)", () => tickets.TilesAsync(staff)),
            ("ticket tiles (admin, all hostels)", () => tickets.TilesAsync(admin)),
            ("ticket charts (staff, hostel A)", () => tickets.ChartsAsync(staff)),
            ("ticket charts (admin)", () => tickets.ChartsAsync(admin)),
            ("user and role tiles (admin)", () => users.UserTilesAsync(admin)),
            ("portal health tiles (admin)", () => users.HealthTilesAsync(admin)),
            ("registrations chart (admin)", () => users.ChartsAsync(admin)),
        };
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var who = kind == ReportKind.Throughput ? moderator : staff;
            var whoName = kind == ReportKind.Throughput ? "moderator" : "staff A";
            cases.Add(($"report {kind}, 30 days ({whoName})", () => reports.ReadAsync(who, new ReportQuery(kind, today.AddDays(-29), today))));
            cases.Add(($"report {kind}, 365 days (admin)", () => reports.ReadAsync(admin, new ReportQuery(kind, today.AddDays(-364), today))));
        }
        foreach (var (name, call) in cases)
        {
            try
            {
                var samples = await Stats.TimeAsync(bench.Warmup, bench.Samples, call);
                var figure = Figure.From(Group, name, "wall time of the service call: actor and scope checks, new DbContext, queries, shaping", samples, Target);
                figures.Add(figure);
                Console.WriteLine($"  {name}: p95 {figure.P95:0.00} ms (load average {bench.LoadAverage()})");
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                Console.WriteLine($"  {name}: FAILED: {e.GetBaseException().Message}");
                figures.Add(new Figure(Group, name, $"failed: {e.GetBaseException().Message}", "ms", double.NaN, double.NaN, 0, Target));
            }
        }
        return figures;
    }
}
