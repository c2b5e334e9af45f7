using System.Diagnostics;
using AdminPortal.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;

namespace AdminPortal.Data.Demo;

/// <summary>
/// Loads the demo: the demo accounts, then every area's <see cref="IDemoDataPart"/>, timing each phase and printing
/// a table of phases at the end. A failed load empties the database again (no half-loaded tables) and says what to run.
/// </summary>
public sealed class DemoData(
    IDbContextFactory<PortalDbContext> dbFactory,
    NpgsqlDataSource dataSource,
    DemoAccounts accounts,
    IEnumerable<IDemoDataPart> parts,
    ILogger<DemoData> log,
    DemoLoadOptions? options = null)
{
    /// <summary>
    /// The demo load over the privileged connection (the owner, or the embedded superuser): it truncates and bulk-copies,
    /// which the portal's own role may not. Development only (see <see cref="DemoAccounts"/>).
    /// </summary>
    public static async Task SeedPrivilegedAsync(PortalDatabase database, string environmentName, DemoScale scale, bool reset,
        CancellationToken ct = default, TimeProvider? clock = null, DemoLoadOptions? options = null)
    {
        DemoAccounts.EnsureDevelopment(environmentName);   // before anything is emptied
        var container = PortalComposition.WithoutHost(database.PrivilegedConnectionString);
        container.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environmentName, ApplicationName = "AdminPortal" });
        if (clock is not null)
            container.AddSingleton(clock);
        container.AddSingleton(options ?? DemoLoadOptions.Everything);
        await using var services = container.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(scale, reset, ct);
    }

    public async Task SeedAsync(DemoScale scale = DemoScale.Demo, bool reset = false, CancellationToken ct = default)
    {
        // before anything is emptied
        if (options?.OnlyParts is { Count: > 0 } only &&
            only.Except(parts.Select(p => p.Name), StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unknown)
            throw new CommandException($"No demo part named {string.Join(", ", unknown.Select(n => $"'{n}'"))}: " +
                                       $"the parts are {string.Join(", ", parts.Select(p => $"'{p.Name}'"))}.");
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Users.AnyAsync(ct))
            {
                if (!reset)
                    throw new CommandException(
                        "The database already has data. Run `seed --reset` to empty it and load the demo again.");
                await DatabaseReset.TruncateAllAsync(db, ct);
            }
        }
        LoadTimings.Clear();
        var total = Stopwatch.StartNew();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var phases = new Phases();
        var started = "accounts";
        var running = new List<Task>();
        try
        {
            var watch = Stopwatch.StartNew();
            await accounts.SeedAsync(ct);
            LoadTimings.Record("accounts", watch.Elapsed);
            started = "the parts";
            var ordered = parts.Where((options ?? DemoLoadOptions.Everything).Runs).OrderBy(p => p.Order).ToList();
            if (scale == DemoScale.Large)
                await LoadSideBySideAsync(ordered, phases, running, failed);
            else
            {
                foreach (var part in ordered)
                    await RunPartAsync(part, scale, phases, failed);
                // count the rollups from scratch (the large load copies with triggers off; the small demo too, to be sure)
                watch.Restart();
                try
                {
                    await Rollups.RollupRebuild.RunAsync(dataSource, failed.Token);
                }
                catch (Exception e)
                {
                    phases.Fail("rollups", e);
                    throw;
                }
                LoadTimings.Record("rollups", watch.Elapsed);
            }
        }
        catch (Exception e)
        {
            await failed.CancelAsync();
            var phase = phases.Failed ?? started;
            e = phases.Error ?? e;   // the first failure, not another part's cancellation
            log.LogError(e, "The demo load failed in phase {Phase}", phase);
            // wait for the parts running alongside to stop (their transactions roll back) before emptying the tables
            await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
            await EmptyAfterFailureAsync();
            var verb = scale == DemoScale.Large ? "seed --scale large --reset" : "seed --reset";
            throw new CommandException(
                $"The demo load failed in phase '{phase}': {e.Message}{Environment.NewLine}" +
                $"The database was emptied again (no half-loaded tables): run `{verb}` again.");
        }
        Console.WriteLine($"Demo data ({scale}) loaded in {total.Elapsed.TotalSeconds:F1} s:");
        LoadTimings.PrintTable(Console.Out, total.Elapsed);
        await LoadTimings.SaveAsync(dataSource, scale.ToString().ToLowerInvariant(), total.Elapsed, ct);
    }

    /// <summary>
    /// The large load: each part starts as soon as the parts it names in <see cref="IDemoDataPart.LargeLoadAfter"/>
    /// have committed (a part not in this run counts as done), and the rollups as soon as every part they read has
    /// (<see cref="IDemoDataPart.RollupsRead"/>), their pieces side by side (<see cref="Rollups.RollupRebuild.RunSideBySideAsync"/>).
    /// </summary>
    private async Task LoadSideBySideAsync(List<IDemoDataPart> ordered, Phases phases, List<Task> running, CancellationTokenSource failed)
    {
        var loads = new Dictionary<string, Task>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in ordered)
        {
            // a part waits only for parts of lower Order (so no cycle); one left out of this run (--only) counts as done
            var wrong = part.LargeLoadAfter.Where(n => !parts.Any(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase) && p.Order < part.Order)).ToList();
            if (wrong.Count > 0)
                throw new InvalidOperationException($"Demo part '{part.Name}' waits for {string.Join(", ", wrong)}: no part of lower Order has that name.");
            var needs = part.LargeLoadAfter.Where(loads.ContainsKey).Select(n => loads[n]).ToArray();
            var load = Task.Run(async () =>
            {
                await Task.WhenAll(needs);
                await RunPartAsync(part, DemoScale.Large, phases, failed);
            });
            loads[part.Name] = load;
            running.Add(load);
        }
        var counted = ordered.Where(p => p.RollupsRead).Select(p => loads[p.Name]).ToArray();
        var rollups = Task.Run(async () =>
        {
            await Task.WhenAll(counted);
            var watch = Stopwatch.StartNew();
            try
            {
                await Rollups.RollupRebuild.RunSideBySideAsync(dataSource,
                    (piece, took) => LoadTimings.Record($"rollups: {piece}", took), failed.Token);
            }
            catch (Exception e)
            {
                phases.Fail("rollups", e);
                await failed.CancelAsync();
                throw;
            }
            LoadTimings.Record("rollups", watch.Elapsed);
        });
        running.Add(rollups);
        await Task.WhenAll(running);
    }

    private async Task RunPartAsync(IDemoDataPart part, DemoScale scale, Phases phases, CancellationTokenSource failed)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            await using var db = await dbFactory.CreateDbContextAsync(failed.Token);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // at large scale a part may wait on a table another part holds (the platform users' load keeps auth.users,
            // its indexes dropped, for its whole transaction): on a loaded machine that is longer than EF's 30 s
            if (scale == DemoScale.Large)
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await part.SeedAsync(db, scale, failed.Token);
            LoadTimings.Record($"{part.Name} (part total)", watch.Elapsed);
        }
        catch (Exception e)
        {
            phases.Fail(part.Name, e);
            await failed.CancelAsync(); // stop the parts running alongside
            throw;
        }
    }

    /// <summary>What a failed load reports: the first part (or the rollups) that failed, and its exception (the parts
    /// beside it then stop on the cancellation, which is not the cause).</summary>
    private sealed class Phases
    {
        public string? Failed { get; private set; }
        public Exception? Error { get; private set; }

        private readonly Lock _gate = new();

        public void Fail(string phase, Exception e)
        {
            lock (_gate)
                if (Failed is null)
                    (Failed, Error) = (phase, e);
        }
    }

    private async Task EmptyAfterFailureAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await DatabaseReset.TruncateAllAsync(db, CancellationToken.None);
    }
}
