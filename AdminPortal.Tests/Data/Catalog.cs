using Npgsql;

namespace AdminPortal.Tests.Data;

/// <summary>Reads the schema from PostgreSQL's catalog (information_schema, pg_enum, pg_indexes, pg_constraint), not from the EF model.</summary>
internal sealed class Catalog(string connectionString)
{
    public sealed record Column(string Type, bool Nullable, string? Default);

    public async Task<Dictionary<string, Column>> ColumnsAsync(string schema, string table) =>
        (await RowsAsync("""
            SELECT column_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_schema || '.' || udt_name ELSE data_type END,
                   is_nullable = 'YES', column_default
            FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2
            """, r => (r.GetString(0), new Column(r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetString(3))),
            schema, table)).ToDictionary(c => c.Item1, c => c.Item2);

    public async Task<List<string>> TablesAsync(string schema) => await RowsAsync(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
        r => r.GetString(0), schema);

    public async Task<List<string>> EnumLabelsAsync(string schema, string type) => await RowsAsync("""
        SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
        JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typname = $2 ORDER BY e.enumlabel
        """, r => r.GetString(0), schema, type);

    /// <summary>index name -> its CREATE INDEX statement.</summary>
    public async Task<Dictionary<string, string>> IndexesAsync(string schema) =>
        (await RowsAsync("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1",
            r => (r.GetString(0), r.GetString(1)), schema)).ToDictionary(i => i.Item1, i => i.Item2);

    /// <summary>The ON DELETE rule ('a' no action, 'r' restrict, 'c' cascade, 'n' set null) of the FK on table(column).</summary>
    public async Task<(string Target, char OnDelete)> ForeignKeyAsync(string schema, string table, string column)
    {
        var rows = await RowsAsync("""
            SELECT c.confrelid::regclass::text, c.confdeltype::text FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.contype = 'f' AND c.conrelid = to_regclass($1) AND a.attname = $2 AND cardinality(c.conkey) = 1
            """, r => (r.GetString(0), r.GetString(1)[0]), $"{schema}.{table}", column);
        return Assert.Single(rows);
    }

    /// <summary>Check constraint names of a table.</summary>
    public async Task<List<string>> ChecksAsync(string schema, string table) => await RowsAsync(
        "SELECT conname FROM pg_constraint WHERE contype = 'c' AND conrelid = to_regclass($1) ORDER BY 1",
        r => r.GetString(0), $"{schema}.{table}");

    /// <summary>An md5 of every row of the tables (row text, in a stable order), with the row counts.</summary>
    public async Task<string> DigestAsync(params string[] tables)
    {
        var parts = new List<string>();
        foreach (var table in tables)
            parts.AddRange(await RowsAsync(
                $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} t",
                r => $"{table}={r.GetString(0)}"));
        return string.Join("\n", parts);
    }

    public async Task<long> ScalarAsync(string sql) => Convert.ToInt64(
        (await RowsAsync(sql, r => r.IsDBNull(0) ? null : r.GetValue(0))).FirstOrDefault(),
        System.Globalization.CultureInfo.InvariantCulture);

    public Task ExecuteAsync(string sql) => CatalogQueries.ExecuteAsync(connectionString, sql);

    private Task<List<T>> RowsAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] args) =>
        CatalogQueries.RowsAsync(connectionString, sql, read, args);
}
