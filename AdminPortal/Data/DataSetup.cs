using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Data;

public static class DataSetup
{
    /// <summary>The portal's pool as Npgsql's metrics name it (db.client.connection.pool.name): not the connection string.</summary>
    public const string PoolName = "portal";

    /// <summary>Registers the database: one NpgsqlDataSource and a DbContext factory over it.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, PortalDatabase database)
    {
        services.AddSingleton(database);
        services.AddSingleton(_ => BuildDataSource(database.ConnectionString, b => b.Name = PoolName));
        services.AddDbContextFactory<PortalDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static NpgsqlDataSource BuildDataSource(string connectionString, Action<NpgsqlDataSourceBuilder>? customise = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.EnableDynamicJson();
        PortalEnums.Map(builder);
        customise?.Invoke(builder);
        return builder.Build();
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history", Schemas.Auth);
                PortalEnums.Map(npgsql);
            })
            .UseSnakeCaseNamingConvention();
}
