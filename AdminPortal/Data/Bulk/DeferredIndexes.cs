using Npgsql;

namespace AdminPortal.Data.Bulk;

/// <summary>
/// For large loads: drops the secondary indexes of some tables (not primary keys or constraints' indexes), runs the
/// load, then recreates them from their saved definitions and ANALYZEs the tables. Building an index once after a
/// COPY is far faster than maintaining it row by row. Run it inside a transaction (<see cref="BulkLoad"/>): if the
/// load fails, the rollback brings the dropped indexes back with the table's previous rows.
/// </summary>
public static class DeferredIndexes
{
    /// <summary>Returns the number of indexes rebuilt.</summary>
    public static async Task<int> RunAsync(NpgsqlConnection connection, IReadOnlyList<string> qualifiedTables,
        Func<Task> load, CancellationToken ct = default)
    {
        var definitions = await SecondaryIndexesAsync(connection, qualifiedTables, ct);
        foreach (var (name, schema, _) in definitions)
            await BulkLoad.ExecuteAsync(connection, $"DROP INDEX IF EXISTS \"{schema}\".\"{name}\"", ct);
        await load();
        foreach (var (_, _, definition) in definitions)
        {
            // a B-tree sorts best in little memory, a GIN index gathers its entries in much (BulkLoad.SortMemory)
            var btree = definition.Contains(" USING btree ", StringComparison.Ordinal);
            if (!btree)
                await BulkLoad.ExecuteAsync(connection, $"SET LOCAL maintenance_work_mem = '{BulkLoad.GinMemory}'", ct);
            await BulkLoad.ExecuteAsync(connection, definition, ct);
            if (!btree)
                await BulkLoad.ExecuteAsync(connection, $"SET LOCAL maintenance_work_mem = '{BulkLoad.SortMemory}'", ct);
        }
        foreach (var table in qualifiedTables)
            await BulkLoad.ExecuteAsync(connection, $"ANALYZE {table}", ct);
        return definitions.Count;
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
}
