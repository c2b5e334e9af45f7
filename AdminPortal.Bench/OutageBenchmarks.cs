using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using AdminPortal.Components.Shared;
using AdminPortal.Data.Local;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Bench;

/// <summary>
/// Figure 15 (<c>--only-outage</c>, issue 19 part 3): a portal process and an in-process instance of the services on
/// a throwaway cluster with the demo data, a stream of ticket notes from a few writers through the services (as a screen
/// runs them, through <see cref="ActionGate"/>), then <c>pg_ctl restart -m fast</c> and a 20 s stop. Prints the time
/// from the server being up again to the portal's <c>/healthz</c> answering Healthy, to the in-process listener's
/// resync, and the writes acknowledged against those found in the database. Loopback only, bounded in time.
/// </summary>
public static class OutageBenchmarks
{
    private const string Prefix = "outage bench ";

    public static async Task<List<Figure>> RunAsync(BenchContext bench, EmbeddedPostgres cluster, int writers, int stopSeconds)
    {
        Console.WriteLine("  loading the demo data (seed), then starting a portal process");
        if (await PortalProcess.RunVerbAsync(bench.ConnectionString, "seed") != 0)
            Console.WriteLine("  seed refused (the database has data): using what is there");
        await using var portal = await PortalProcess.StartAsync(bench.ConnectionString);
        await using var services = new PortalServices(bench.ConnectionString);
        var admin = await services.SignedInAsync("admin@adminportal.demo");
        int ticketId;
        await using (var db = bench.NewDbContext())
            ticketId = await db.Set<Ticket>().OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var feed = services.Get<PostgresChangeFeed>();
        var resyncs = new ConcurrentQueue<long>();
        using var subscription = feed.Subscribe(_ => false, e =>
        {
            if (e.IsResync) resyncs.Enqueue(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        });
        await feed.WhenListeningAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentDictionary<OutcomeKind, int>();
        using var stop = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var body = $"{Prefix}w{w} #{n}";
                await using var scope = services.CreateScope();
                var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();
                var outcome = await new ActionGate().RunAsync(() => actions.CommentAsync(admin, ticketId, body, isInternal: true));
                if (outcome!.Succeeded)
                    acknowledged.Add(body);
                else
                    failures.AddOrUpdate(outcome.Kind, 1, (_, c) => c + 1);
                await Task.Delay(outcome.Succeeded ? 50 : 250);
            }
        })).ToList();

        var figures = new List<Figure>();
        using var http = new HttpClient { BaseAddress = portal.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await Task.Delay(TimeSpan.FromSeconds(3));

        Console.WriteLine($"  pg_ctl restart -m fast (load average {bench.LoadAverage()})");
        var before = resyncs.Count;
        await cluster.RestartServerAsync();
        figures.AddRange(await BackAsync(bench, http, resyncs, before, "restart -m fast", null));
        await Task.Delay(TimeSpan.FromSeconds(5));

        Console.WriteLine($"  pg_ctl stop -m fast, {stopSeconds} s down (load average {bench.LoadAverage()})");
        before = resyncs.Count;
        await cluster.StopServerAsync();
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(3, stopSeconds)));
        var whileDown = await HealthAsync(http);
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, stopSeconds - 3)));
        await cluster.StartAgainAsync();
        figures.AddRange(await BackAsync(bench, http, resyncs, before, $"stopped {stopSeconds} s", whileDown));
        await Task.Delay(TimeSpan.FromSeconds(5));

        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        bench.DataSource.Clear();
        List<string> found;
        await using (var db = bench.NewDbContext())
            found = await db.Set<Comment>().Where(c => c.TicketId == ticketId && c.Body.StartsWith(Prefix)).Select(c => c.Body).ToListAsync();
        var stored = found.ToHashSet();
        var lost = acknowledged.Count(b => !stored.Contains(b));
        var unacknowledged = stored.Count(b => !acknowledged.Contains(b));
        var failed = string.Join(", ", failures.Select(f => $"{f.Value} {f.Key.ToString().ToLowerInvariant()}"));
        Console.WriteLine($"  writes: {acknowledged.Count} acknowledged, {found.Count} found, {lost} acknowledged but missing, " +
                          $"{unacknowledged} stored without acknowledgement; failed outcomes: {(failed.Length == 0 ? "none" : failed)}");
        figures.Add(new Figure("15. database outage", "acknowledged writes missing from the database", $"{writers} writers of ticket notes through the services",
            "writes", lost, lost, acknowledged.Count, 0,
            $"{acknowledged.Count} acknowledged, {found.Count} found, {unacknowledged} stored without acknowledgement, failed: {failed}; load average {bench.LoadAverage()}"));
        return figures;
    }

    /// <summary>From the server accepting connections again: /healthz Healthy on the portal process, and the listener's resync.</summary>
    private static async Task<List<Figure>> BackAsync(BenchContext bench, HttpClient http, ConcurrentQueue<long> resyncs,
        int resyncsBefore, string what, string? whileDown)
    {
        var up = Stopwatch.GetTimestamp();
        var deadline = TimeSpan.FromSeconds(120);
        string status;
        while ((status = await HealthAsync(http)) != "Healthy" && Stopwatch.GetElapsedTime(up) < deadline)
            await Task.Delay(100);
        var healthy = Stopwatch.GetElapsedTime(up);
        while (resyncs.Count <= resyncsBefore && Stopwatch.GetElapsedTime(up) < deadline)
            await Task.Delay(50);
        var resync = resyncs.Count > resyncsBefore ? Stopwatch.GetElapsedTime(up, resyncs.Last()) : deadline;
        if (resync < TimeSpan.Zero)
            resync = TimeSpan.Zero;   // the listener was back before pg_ctl returned
        var load = bench.LoadAverage();
        Console.WriteLine($"  {what}: /healthz {status} after {healthy.TotalSeconds:0.00} s, listener resynced after {resync.TotalSeconds:0.00} s" +
                          (whileDown is null ? "" : $" (while down /healthz said {whileDown})") + $"; load average {load}");
        var note = (whileDown is null ? "" : $"/healthz while down: {whileDown}; ") + $"load average {load}";
        return
        [
            new Figure("15. database outage", $"{what}: /healthz Healthy again", "from the server accepting connections", "ms",
                healthy.TotalMilliseconds, healthy.TotalMilliseconds, 1, 30_000, note),
            new Figure("15. database outage", $"{what}: listener resynced", "from the server accepting connections", "ms",
                resync.TotalMilliseconds, resync.TotalMilliseconds, 1, 30_000, note),
        ];
    }

    private static async Task<string> HealthAsync(HttpClient http)
    {
        try
        {
            var json = await http.GetStringAsync("/healthz").ConfigureAwait(false);
            return JsonDocument.Parse(json).RootElement.GetProperty("status").GetString() ?? "?";
        }
        catch (HttpRequestException ex) when (ex.StatusCode is not null)
        {
            return "Unhealthy";   // 503
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return "no answer";
        }
    }
}
