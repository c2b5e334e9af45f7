using AdminPortal.Tests.Infrastructure;

namespace AdminPortal.Tests.Data;

internal static class Sql
{
    /// <summary>The first column of every row, as invariant text (NULL as "").</summary>
    public static Task<List<string>> ColumnAsync(PostgresFixture fixture, string sql) =>
        CatalogQueries.RowsAsync(fixture.ConnectionString, sql,
            r => r.IsDBNull(0) ? "" : Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
}
