using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Data;

/// <summary>
/// Least privilege (docs/security.md): the owner role runs migrations and owns every table; the portal's role gets
/// SELECT/INSERT/UPDATE/DELETE on the tables and USAGE on the sequences, no DDL, on audit.audit_log INSERT and
/// SELECT only, and on the reporting rollups SELECT, INSERT and UPDATE (their triggers run as the portal). Run by the owner after every migrate (new tables get their grants there).
/// </summary>
public static class DatabaseRoles
{
    /// <summary>Migrates as the owner, then grants the portal's role what it needs (when it is another role).</summary>
    public static async Task MigrateAsync(PortalDatabase database, CancellationToken ct = default)
    {
        await database.AsOwnerAsync(db => db.Database.MigrateAsync(ct));
        await GrantAsync(database, ct);
    }

    public static async Task GrantAsync(PortalDatabase database, CancellationToken ct = default)
    {
        var portal = new NpgsqlConnectionStringBuilder(database.ConnectionString).Username;
        var ownerName = new NpgsqlConnectionStringBuilder(database.OwnerConnectionString).Username;
        if (string.IsNullOrEmpty(portal) || portal == ownerName)
            return;   // one role for both (a configured server without ConnectionStrings:PortalOwner): nothing to split
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(database.OwnerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        var role = Quote(portal);
        var schemas = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT nspname FROM pg_namespace
            WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' AND pg_has_role(nspowner, 'USAGE')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                schemas.Add(reader.GetString(0));
        var sql = new System.Text.StringBuilder();
        foreach (var schema in schemas.Select(Quote))
        {
            sql.AppendLine($"REVOKE CREATE ON SCHEMA {schema} FROM {role};");
            sql.AppendLine($"GRANT USAGE ON SCHEMA {schema} TO {role};");
            sql.AppendLine($"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role};");
            sql.AppendLine($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role};");
            sql.AppendLine($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role};");
        }
        // the audit trail: append and read, nothing else (the triggers refuse UPDATE, DELETE and TRUNCATE for everyone)
        sql.AppendLine($"REVOKE ALL ON audit.audit_log FROM {role};");
        sql.AppendLine($"GRANT SELECT, INSERT ON audit.audit_log TO {role};");
        // sign-in sessions: started, seen and ended, never deleted by the portal (an ended row is the record of who ended it)
        sql.AppendLine($"REVOKE DELETE ON auth.user_sessions FROM {role};");
        // the rollups (decision 0020): the triggers add to them in the portal's own transactions (INSERT ... ON CONFLICT
        // DO UPDATE needs SELECT, INSERT and UPDATE); only the owner empties and recounts them (rollups rebuild)
        sql.AppendLine($"REVOKE ALL ON reporting.moderation_daily, reporting.moderation_daily_cause, reporting.moderation_daily_wait, reporting.ticket_daily, reporting.user_daily FROM {role};");
        sql.AppendLine($"GRANT SELECT, INSERT, UPDATE ON reporting.moderation_daily, reporting.moderation_daily_cause, reporting.moderation_daily_wait, reporting.ticket_daily, reporting.user_daily TO {role};");
        // the migrations history: read (the startup check for pending migrations), never written by the portal
        sql.AppendLine($"REVOKE ALL ON auth.__ef_migrations_history FROM {role};");
        sql.AppendLine($"GRANT SELECT ON auth.__ef_migrations_history TO {role};");
        await using var grant = new NpgsqlCommand(sql.ToString(), connection);
        await grant.ExecuteNonQueryAsync(ct);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
