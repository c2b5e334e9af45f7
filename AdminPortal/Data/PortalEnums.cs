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
        // helpdesk (SST-Resolve)
        builder.MapEnum<Features.Tickets.Model.TicketStatus>($"{Schemas.Helpdesk}.ticket_status");
    }

    public static void Map(NpgsqlDbContextOptionsBuilder npgsql)
    {
        _ = npgsql;
        // helpdesk (SST-Resolve)
        npgsql.MapEnum<Features.Tickets.Model.TicketStatus>("ticket_status", Schemas.Helpdesk);
    }
}
