using AdminPortal.Features.Chats;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users.Platform;
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
        // Platform (Deed-O, chat app): auth, catalog, chat
        builder.MapEnum<PlatformUserRole>($"{Schemas.Auth}.users_roles_enum");
        builder.MapEnum<PlatformUserStatus>($"{Schemas.Auth}.users_statuses_enum");
        builder.MapEnum<PlatformType>($"{Schemas.Auth}.platform_types_enum");
        builder.MapEnum<VerificationAction>($"{Schemas.Auth}.user_verification_actions_enum");
        builder.MapEnum<Cause>($"{Schemas.Catalog}.causes_enum");
        builder.MapEnum<PublishingStatus>($"{Schemas.Catalog}.publishing_status_enum");
        builder.MapEnum<ConversationType>($"{Schemas.Chat}.conversation_types_enum");

        // vendors (Venta), creators (Cloutsy)
        builder.MapEnum<SubscriptionProvider>($"{Schemas.Vendors}.subscription_provider");
        builder.MapEnum<SubscriptionStatus>($"{Schemas.Vendors}.subscription_status");
        builder.MapEnum<IntegrationService>($"{Schemas.Vendors}.integration_service");
        builder.MapEnum<Gender>($"{Schemas.Creators}.gender");
        builder.MapEnum<CompanyType>($"{Schemas.Creators}.company_type");
        builder.MapEnum<DocumentStatus>($"{Schemas.Creators}.document_status");
        // helpdesk (SST-Resolve)
        builder.MapEnum<Features.Tickets.Model.TicketStatus>($"{Schemas.Helpdesk}.ticket_status");
    }

    public static void Map(NpgsqlDbContextOptionsBuilder npgsql)
    {
        _ = npgsql;
        // Platform (Deed-O, chat app): auth, catalog, chat
        npgsql.MapEnum<PlatformUserRole>("users_roles_enum", Schemas.Auth);
        npgsql.MapEnum<PlatformUserStatus>("users_statuses_enum", Schemas.Auth);
        npgsql.MapEnum<PlatformType>("platform_types_enum", Schemas.Auth);
        npgsql.MapEnum<VerificationAction>("user_verification_actions_enum", Schemas.Auth);
        npgsql.MapEnum<Cause>("causes_enum", Schemas.Catalog);
        npgsql.MapEnum<PublishingStatus>("publishing_status_enum", Schemas.Catalog);
        npgsql.MapEnum<ConversationType>("conversation_types_enum", Schemas.Chat);

        // vendors (Venta), creators (Cloutsy)
        npgsql.MapEnum<SubscriptionProvider>("subscription_provider", Schemas.Vendors);
        npgsql.MapEnum<SubscriptionStatus>("subscription_status", Schemas.Vendors);
        npgsql.MapEnum<IntegrationService>("integration_service", Schemas.Vendors);
        npgsql.MapEnum<Gender>("gender", Schemas.Creators);
        npgsql.MapEnum<CompanyType>("company_type", Schemas.Creators);
        npgsql.MapEnum<DocumentStatus>("document_status", Schemas.Creators);
        // helpdesk (SST-Resolve)
        npgsql.MapEnum<Features.Tickets.Model.TicketStatus>("ticket_status", Schemas.Helpdesk);
    }
}
