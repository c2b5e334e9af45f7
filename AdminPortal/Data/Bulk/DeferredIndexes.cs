using Npgsql;

namespace AdminPortal.Data.Bulk;

/// <summary>
/// For large loads: drops the secondary indexes of some tables (not primary keys or constraints' indexes), runs the
/// load, then recreates them from their saved definitions. Building an index once after a COPY is far faster than
/// maintaining it row by row. If the load fails, the indexes are recreated all the same.
/// </summary>
public static class DeferredIndexes
{
    public static async Task RunAsync(NpgsqlConnection connection, IReadOnlyList<string> qualifiedTables,
        Func<Task> load, Action<string>? progress = null, CancellationToken ct = default)
    {
        var definitions = await SecondaryIndexesAsync(connection, qualifiedTables, ct);
        foreach (var (name, schema, _) in definitions)
            await ExecuteAsync(connection, $"DROP INDEX IF EXISTS \"{schema}\".\"{name}\"", ct);
        try
        {
            await load();
        }
        finally
        {
            progress?.Invoke($"building {definitions.Count} index(es) on {string.Join(", ", qualifiedTables)}");
            await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'", ct);
            foreach (var (_, _, definition) in definitions)
                await ExecuteAsync(connection, definition, ct);
            foreach (var table in qualifiedTables)
                await ExecuteAsync(connection, $"ANALYZE {table}", ct);
        }
    }

    private static async Task<List<(string Name, string Schema, string Definition)>> SecondaryIndexesAsync(
        NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        const string sql = """
            SELECT i.relname, n.nspname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE x.indrelid = ANY (SELECT to_regclass(t)::oid FROM unnest($1::text[]) AS t)
              AND NOT x.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            """;
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = tables.ToArray() } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<(string, string, string)>();
        while (await reader.ReadAsync(ct))
            result.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
