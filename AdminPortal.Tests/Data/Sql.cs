using AdminPortal.Tests.Infrastructure;
using Npgsql;

namespace AdminPortal.Tests.Data;

internal static class Sql
{
    public static async Task<List<string>> ColumnAsync(PostgresFixture fixture, string sql)
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync())
            result.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return result;
    }
}
