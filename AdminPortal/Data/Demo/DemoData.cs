using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data.Demo;

/// <summary>Loads the demo: the demo accounts, then every area's <see cref="IDemoDataPart"/>, timing each phase.</summary>
public sealed class DemoData(
    IDbContextFactory<PortalDbContext> dbFactory,
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
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        await accounts.SeedAsync(ct);
        log.LogInformation("Demo phase {Phase}: {Ms} ms", "accounts", watch.ElapsedMilliseconds);
        foreach (var part in parts.OrderBy(p => p.Order))
        {
            watch.Restart();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await part.SeedAsync(db, scale, ct);
            log.LogInformation("Demo phase {Phase}: {Ms} ms", part.Name, watch.ElapsedMilliseconds);
        }
        log.LogInformation("Demo data loaded in {Ms} ms", total.ElapsedMilliseconds);
    }
}
