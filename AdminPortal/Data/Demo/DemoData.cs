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
        var phase = "accounts";
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = new List<Task>();
        try
        {
            var watch = Stopwatch.StartNew();
            await accounts.SeedAsync(ct);
            LoadTimings.Record(phase, watch.Elapsed);
            var ordered = parts.Where((options ?? DemoLoadOptions.Everything).Runs).OrderBy(p => p.Order).ToList();
            var alongside = scale == DemoScale.Large ? ordered.Where(p => p.LoadsAlongsideOthers).ToList() : [];
            running.AddRange(alongside.Select(p => Task.Run(() => RunPartAsync(p, scale, failed))));
            foreach (var part in ordered.Except(alongside))
            {
                phase = part.Name;
                await RunPartAsync(part, scale, failed);
            }
            phase = string.Join(", ", alongside.Select(p => p.Name));
            await Task.WhenAll(running);
            // the large load copies with triggers off: count the rollups from scratch (the small demo too, to be sure)
            phase = "rollups";
            watch.Restart();
            await Rollups.RollupRebuild.RunAsync(dataSource, failed.Token);
            LoadTimings.Record(phase, watch.Elapsed);
        }
        catch (Exception e)
        {
            await failed.CancelAsync();
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

    private async Task RunPartAsync(IDemoDataPart part, DemoScale scale, CancellationTokenSource failed)
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
        catch
        {
            await failed.CancelAsync(); // stop the parts running alongside
            throw;
        }
    }

    private async Task EmptyAfterFailureAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await DatabaseReset.TruncateAllAsync(db, CancellationToken.None);
    }
}
