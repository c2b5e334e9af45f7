using AdminPortal.Data.Reads;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Data;

public static class DataSetup
{
    /// <summary>The portal's pool as Npgsql's metrics name it (db.client.connection.pool.name): not the connection string.</summary>
    public const string PoolName = "portal";

    /// <summary>Registers the database: one NpgsqlDataSource and a DbContext factory over it, and the read path.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, PortalDatabase database)
    {
        services.AddSingleton(database);
        services.AddSingleton(_ => BuildDataSource(WithOutageSettings(database.ConnectionString), b => b.Name = PoolName));
        services.AddSingleton<DatabaseAvailability>();
        services.AddSingleton<DatabaseFailureInterceptor>();
        services.AddDbContextFactory<PortalDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<NpgsqlDataSource>())
                .AddInterceptors(sp.GetRequiredService<DatabaseFailureInterceptor>()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddReadReplicas(database);   // lists, searches, dashboards, reports: standbys when configured (decision 0041)
        return services;
    }

    /// <summary>
    /// How the portal's pool meets a database that restarts or goes away (decision 0030), each only where the
    /// connection string leaves Npgsql's default: a connection attempt gives up after 5 s (not 15: a screen's read
    /// during an outage fails fast and shows the reconnecting banner), idle pooled connections send a keepalive every
    /// 30 s (a server that vanished is noticed before a user's read meets the dead socket), commands keep Npgsql's 30 s.
    /// No retry on failure: every action runs in its own explicit transaction (decision 0030).
    /// </summary>
    public static string WithOutageSettings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Timeout == 15)
            builder.Timeout = 5;
        if (builder.KeepAlive == 0)
            builder.KeepAlive = 30;
        return builder.ConnectionString;
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
