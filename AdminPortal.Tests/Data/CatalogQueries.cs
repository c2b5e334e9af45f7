using Npgsql;

namespace AdminPortal.Tests.Data;

/// <summary>Reads the PostgreSQL catalog directly: tests of the schema must not trust the EF model.</summary>
internal static class CatalogQueries
{
    /// <summary>Runs <paramref name="sql"/> with positional parameters ($1, $2, ...) and reads each row.</summary>
    public static async Task<List<T>> RowsAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read,
        params object[] args)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        foreach (var arg in args)
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
            result.Add(read(reader));
        return result;
    }

    public static Task<List<T>> ListAsync<T>(string connectionString, string sql, params object[] args) =>
        RowsAsync(connectionString, sql, r => r.GetFieldValue<T>(0), args);

    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params object[] args) =>
        (await ListAsync<T>(connectionString, sql, args)).SingleOrDefault();

    public static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        return await command.ExecuteNonQueryAsync();
    }
}
