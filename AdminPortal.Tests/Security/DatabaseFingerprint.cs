using Npgsql;

namespace AdminPortal.Tests.Security;

/// <summary>
/// What "nothing changed" means to the security suites: every table's row count and newest row version (the highest
/// <c>xmin</c>: any INSERT or UPDATE writes a newer one, a DELETE lowers the count), except the audit log, whose new
/// rows are returned for the caller to judge (a refusal may leave a "denied" record: that is the point of it).
/// </summary>
internal sealed class DatabaseFingerprint
{
    private readonly Dictionary<string, (long Rows, long NewestXmin)> _tables;
    private readonly long _lastAuditId;

    private DatabaseFingerprint(Dictionary<string, (long, long)> tables, long lastAuditId) =>
        (_tables, _lastAuditId) = (tables, lastAuditId);

    /// <summary>The newest transaction id any write got so far: unchanged means nothing at all was written.</summary>
    public static async Task<long> WriteMarkAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint", db);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task<DatabaseFingerprint> TakeAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
              AND (table_schema, table_name) <> ('audit', 'audit_log')
            ORDER BY 1
            """, db))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        var sql = string.Join(" UNION ALL ", tables.Select(t =>
            $"SELECT '{t.Replace("'", "''", StringComparison.Ordinal)}', count(*), coalesce(max(xmin::text::bigint), 0) FROM {t}"));
        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand(sql, db))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                result[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        await using var audit = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM audit.audit_log", db);
        return new DatabaseFingerprint(result, Convert.ToInt64(await audit.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The tables that differ from <paramref name="before"/>, and the actions of audit rows written since.</summary>
    public static async Task<(IReadOnlyList<string> Tables, IReadOnlyList<string> AuditActions)> ChangesSinceAsync(
        DatabaseFingerprint before, string connectionString)
    {
        var now = await TakeAsync(connectionString);
        var tables = now._tables.Where(kv => !before._tables.TryGetValue(kv.Key, out var was) || was != kv.Value)
            .Select(kv => kv.Key).ToList();
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT action FROM audit.audit_log WHERE id > @after ORDER BY id", db);
        cmd.Parameters.AddWithValue("after", before._lastAuditId);
        var actions = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            actions.Add(reader.GetString(0));
        return (tables, actions);
    }
}
