using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace AdminPortal.Data;

/// <summary>
/// The PostgreSQL enums of the seeds, mapped for EF Core and for raw Npgsql (COPY, benchmarks) alike.
/// Each area adds its enums here so both paths agree.
/// </summary>
public static partial class PortalEnums
{
    public static void Map(NpgsqlDataSourceBuilder builder)
    {
        _ = builder;
    }

    public static void Map(NpgsqlDbContextOptionsBuilder npgsql)
    {
        _ = npgsql;
    }
}
