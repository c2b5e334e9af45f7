using AdminPortal.Data.SqlMigrations;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

/// <summary>
/// Empties every table of the portal's schemas (the migrations history and Data Protection keys stay). The audit log
/// refuses TRUNCATE for everyone; only its owner can lift that, for this transaction: the context must be connected as
/// the owner (or the embedded superuser), never as the portal's role. Used by the tests and the Development demo.
/// </summary>
public static class DatabaseReset
{
    /// <summary>Tables outside the EF model that triggers keep and no foreign key empties with their source.</summary>
    public static readonly string[] TriggerKeptTables = ["\"reporting\".\"vendor_owners\"", "\"reporting\".\"brand_states\"", "\"reporting\".\"niche_link_counts\""];

    public static async Task TruncateAllAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetTableName() != "data_protection_keys" && e.GetViewName() is null)
            .Select(e => $"\"{e.GetSchema() ?? "public"}\".\"{e.GetTableName()}\"")
            .Concat(TriggerKeptTables)
            .Distinct()
            .ToList();
        if (tables.Count == 0)
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
#pragma warning disable EF1002 // table names come from the model, not from input
        await db.Database.ExecuteSqlRawAsync($"ALTER TABLE audit.audit_log DISABLE TRIGGER {AuditLogNoTruncate.Trigger}", ct);
        await db.Database.ExecuteSqlRawAsync($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE", ct);
        await db.Database.ExecuteSqlRawAsync($"ALTER TABLE audit.audit_log ENABLE TRIGGER {AuditLogNoTruncate.Trigger}", ct);
#pragma warning restore EF1002
        await transaction.CommitAsync(ct);
    }
}
