using AdminPortal.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

/// <summary>At start: apply migrations (Development only), and load the demo on an empty Development database.</summary>
public sealed class DatabaseStartup(IDbContextFactory<PortalDbContext> dbFactory, DemoData demo, ILogger<DatabaseStartup> log)
{
    public async Task PrepareAsync(bool development, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0 && !development)
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}): run `AdminPortal migrate` first.");
        if (pending.Count > 0)
        {
            log.LogInformation("Applying {Count} migration(s)", pending.Count);
            await db.Database.MigrateAsync(ct);
        }
        if (development && !await db.Users.AnyAsync(ct))
        {
            log.LogInformation("Empty database: loading the demo data");
            await demo.SeedAsync(DemoScale.Demo, reset: false, ct);
        }
    }
}
