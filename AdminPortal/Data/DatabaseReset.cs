using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

/// <summary>Empties every table of the portal's schemas (the migrations history and Data Protection keys stay).</summary>
public static class DatabaseReset
{
    public static async Task TruncateAllAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetTableName() != "data_protection_keys" && e.GetViewName() is null)
            .Select(e => $"\"{e.GetSchema() ?? "public"}\".\"{e.GetTableName()}\"")
            .Distinct()
            .ToList();
        if (tables.Count == 0)
            return;
#pragma warning disable EF1002 // table names come from the model, not from input
        await db.Database.ExecuteSqlRawAsync($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE", ct);
#pragma warning restore EF1002
    }
}
