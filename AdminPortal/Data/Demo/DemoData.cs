using System.Diagnostics;
using AdminPortal.Data.Bulk;
using Microsoft.EntityFrameworkCore;
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
    ILogger<DemoData> log)
{
    public async Task SeedAsync(DemoScale scale = DemoScale.Demo, bool reset = false, CancellationToken ct = default)
    {
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
        try
        {
            var watch = Stopwatch.StartNew();
            await accounts.SeedAsync(ct);
            LoadTimings.Record(phase, watch.Elapsed);
            foreach (var part in parts.OrderBy(p => p.Order))
            {
                phase = part.Name;
                watch.Restart();
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                await part.SeedAsync(db, scale, ct);
                LoadTimings.Record($"{part.Name} (part total)", watch.Elapsed);
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "The demo load failed in phase {Phase}", phase);
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

    private async Task EmptyAfterFailureAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await DatabaseReset.TruncateAllAsync(db, CancellationToken.None);
    }
}
