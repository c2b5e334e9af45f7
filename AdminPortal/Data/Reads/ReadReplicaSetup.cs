using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Data.Reads;

public static class ReadReplicaSetup
{
    /// <summary>
    /// The read path (decision 0041): <see cref="ReadDbContextFactory"/> always; the standbys' pool and
    /// <see cref="RecentWrites"/> only when <see cref="PortalDatabase.ReadOnlyConnectionString"/> is set.
    /// </summary>
    public static IServiceCollection AddReadReplicas(this IServiceCollection services, PortalDatabase database)
    {
        if (database.ReadOnlyConnectionString is not { } readOnly)
        {
            services.AddSingleton(sp => new ReadDbContextFactory(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>()));
            return services;
        }
        services.AddSingleton<RecentWrites>();   // the change feeds take it when it is registered, and mark each write
        services.AddSingleton(sp =>
        {
            var dataSource = DataSetup.BuildDataSource(ReadOnlySettings(readOnly), b => b.Name = ReadReplica.PoolName);
            var options = DataSetup.Configure(new DbContextOptionsBuilder<PortalDbContext>(), dataSource)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            return new ReadReplica(dataSource, (DbContextOptions<PortalDbContext>)options.Options,
                sp.GetRequiredService<ILogger<ReadReplica>>());
        });
        services.AddSingleton(sp => new ReadDbContextFactory(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            sp.GetRequiredService<ReadReplica>(), sp.GetRequiredService<RecentWrites>()));
        services.AddHealthChecks().AddCheck<ReadReplicaHealthCheck>("reads");
        return services;
    }

    /// <summary>
    /// The portal's outage settings (Data/DataSetup.cs), and with several hosts Npgsql's
    /// <c>Target Session Attributes=prefer-standby</c> unless the string chose otherwise: a standby when one answers,
    /// else any host of the list (name the primary last to keep reads up with every standby down).
    /// </summary>
    public static string ReadOnlySettings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(DataSetup.WithOutageSettings(connectionString));
        if (builder.Host?.Contains(',', StringComparison.Ordinal) == true && builder.TargetSessionAttributes is null)
            builder.TargetSessionAttributes = "prefer-standby";
        return builder.ConnectionString;
    }
}
