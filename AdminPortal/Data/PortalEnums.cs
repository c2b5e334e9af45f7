using AdminPortal.Features.Creators;
using AdminPortal.Features.Vendors;
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

        // vendors (Venta), creators (Cloutsy)
        builder.MapEnum<SubscriptionProvider>($"{Schemas.Vendors}.subscription_provider");
        builder.MapEnum<SubscriptionStatus>($"{Schemas.Vendors}.subscription_status");
        builder.MapEnum<IntegrationService>($"{Schemas.Vendors}.integration_service");
        builder.MapEnum<Gender>($"{Schemas.Creators}.gender");
        builder.MapEnum<CompanyType>($"{Schemas.Creators}.company_type");
        builder.MapEnum<DocumentStatus>($"{Schemas.Creators}.document_status");
    }

    public static void Map(NpgsqlDbContextOptionsBuilder npgsql)
    {
        _ = npgsql;

        // vendors (Venta), creators (Cloutsy)
        npgsql.MapEnum<SubscriptionProvider>("subscription_provider", Schemas.Vendors);
        npgsql.MapEnum<SubscriptionStatus>("subscription_status", Schemas.Vendors);
        npgsql.MapEnum<IntegrationService>("integration_service", Schemas.Vendors);
        npgsql.MapEnum<Gender>("gender", Schemas.Creators);
        npgsql.MapEnum<CompanyType>("company_type", Schemas.Creators);
        npgsql.MapEnum<DocumentStatus>("document_status", Schemas.Creators);
    }
}
