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
        // Only the tables that hold rows or whose identity has moved: an empty table with a fresh sequence is already
        // what TRUNCATE ... RESTART IDENTITY makes, and truncating it costs new files and a catalog invalidation that
        // every other connection pays on its next query (the tests reset before each test: ~60 tables each time).
        var touched = await TouchedAsync(db, tables, ct);
        if (touched.Count > 0)
        {
            var audit = touched.Contains(AuditLog);
#pragma warning disable EF1002 // table names come from the model, not from input
            if (audit)
                await db.Database.ExecuteSqlRawAsync($"ALTER TABLE audit.audit_log DISABLE TRIGGER {AuditLogNoTruncate.Trigger}", ct);
            await db.Database.ExecuteSqlRawAsync($"TRUNCATE {string.Join(", ", touched)} RESTART IDENTITY CASCADE", ct);
            if (audit)
                await db.Database.ExecuteSqlRawAsync($"ALTER TABLE audit.audit_log ENABLE TRIGGER {AuditLogNoTruncate.Trigger}", ct);
#pragma warning restore EF1002
        }
        await transaction.CommitAsync(ct);
    }

    private const string AuditLog = "\"audit\".\"audit_log\"";

    /// <summary>Of <paramref name="tables"/> (quoted, qualified names), those with a row, or with an owned sequence
    /// that has handed out a value since it was last restarted; in one round trip.</summary>
    private static async Task<HashSet<string>> TouchedAsync(PortalDbContext db, List<string> tables, CancellationToken ct)
    {
        var withRows = string.Join(" UNION ALL ", tables.Select((t, i) => $"SELECT {i} WHERE EXISTS (SELECT 1 FROM {t})"));
        var sql = $"""
            SELECT i AS "Value" FROM ({withRows}) AS r(i)
            UNION
            SELECT t.i - 1 FROM unnest(@tables) WITH ORDINALITY AS t(name, i)
            JOIN pg_depend d ON d.refobjid = t.name::regclass AND d.refclassid = 'pg_class'::regclass
                AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
            JOIN pg_class s ON s.oid = d.objid
            -- the CASE keeps the function off relations that are no sequence, whatever order the planner picks
            WHERE CASE WHEN s.relkind = 'S' THEN pg_sequence_last_value(s.oid) IS NOT NULL ELSE false END
            """;
#pragma warning disable EF1002 // table names come from the model, not from input
        var indexes = await db.Database.SqlQueryRaw<int>(sql, new Npgsql.NpgsqlParameter("tables", tables.ToArray())).ToListAsync(ct);
#pragma warning restore EF1002
        return [.. indexes.Select(i => tables[i])];
    }
}
