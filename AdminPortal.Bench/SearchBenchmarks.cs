using AdminPortal.Features.Search;
using Npgsql;

namespace AdminPortal.Bench;

/// <summary>
/// Figure 12 (issue 18, item 7): the app bar's one search through its service (GlobalSearch, every kind the caller may
/// see, at most 5 of each), on the data the database holds (the large load for the target): p95 ≤ 100 ms each. An
/// e-mail, a #ticket number, a word of ticket titles, and a word nobody wrote; as the admin (every kind) and as staff
/// A (tickets in scope only).
/// </summary>
public sealed class SearchBenchmarks(BenchContext bench, PortalServices portal)
{
    private const string Group = "12. one search box: server time in the service";
    private const double Target = 100;

    public async Task<List<Figure>> RunAsync()
    {
        var figures = new List<Figure>();
        var admin = await portal.SignedInAsync("admin@adminportal.demo");
        var staff = await portal.SignedInAsync("staff.a@adminportal.demo");
        var search = portal.Get<IGlobalSearch>();
        await using var conn = await bench.DataSource.OpenConnectionAsync();
        var email = await ScalarAsync(conn, "SELECT email FROM auth.users ORDER BY id DESC LIMIT 1") ?? "admin@adminportal.demo";
        var ticket = await ScalarAsync(conn, "SELECT id::text FROM helpdesk.tickets ORDER BY id DESC LIMIT 1") ?? "1";
        var title = await ScalarAsync(conn, "SELECT title FROM helpdesk.tickets WHERE title IS NOT NULL ORDER BY id DESC LIMIT 1") ?? "water";
        var word = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        const string absent = "zqxjvk";
        var cases = new List<(string Name, Func<Task> Call)>
        {
            ($"an e-mail \"{email}\" (admin)", () => search.SearchAsync(admin, email)),
            ($"a ticket number \"#{ticket}\" (admin)", () => search.SearchAsync(admin, "#" + ticket)),
            ($"a ticket number \"#{ticket}\" (staff A)", () => search.SearchAsync(staff, "#" + ticket)),
            ($"a title word \"{word}\" (admin)", () => search.SearchAsync(admin, word)),
            ($"a title word \"{word}\" (staff A)", () => search.SearchAsync(staff, word)),
            ($"an absent word \"{absent}\" (admin)", () => search.SearchAsync(admin, absent)),
            ($"an absent word \"{absent}\" (staff A)", () => search.SearchAsync(staff, absent)),
        };
        foreach (var (name, call) in cases)
        {
            try
            {
                var samples = await Stats.TimeAsync(bench.Warmup, bench.Samples, call);
                var figure = Figure.From(Group, name, "wall time of the service call: actor and scope checks, new DbContext, one query per kind", samples, Target);
                figures.Add(figure);
                Console.WriteLine($"  {name}: median {figure.Median:0.00} ms, p95 {figure.P95:0.00} ms (load average {bench.LoadAverage()})");
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                Console.WriteLine($"  {name}: FAILED: {e.GetBaseException().Message}");
                figures.Add(new Figure(Group, name, $"failed: {e.GetBaseException().Message}", "ms", double.NaN, double.NaN, 0, Target));
            }
        }
        return figures;
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (await cmd.ExecuteScalarAsync())?.ToString();
    }
}
