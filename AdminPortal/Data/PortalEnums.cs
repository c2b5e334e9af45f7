using AdminPortal.Features.Chats;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users.Platform;
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
    }
}
