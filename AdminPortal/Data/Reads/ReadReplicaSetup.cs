using AdminPortal.Live;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Data.Reads;

public static class ReadReplicaSetup
{
    /// <summary>
    /// The read path (decision 0041): <see cref="ReadDbContextFactory"/> always; the standbys' pool and the change feed
    /// that marks each user's writes only when <see cref="PortalDatabase.ReadOnlyConnectionString"/> is set. Call after
    /// the features: it wraps the change feed they registered.
    /// </summary>
    public static IServiceCollection AddReadReplicas(this IServiceCollection services, PortalDatabase database)
    {
        services.AddSingleton<RecentWrites>();
        if (database.ReadOnlyConnectionString is not { } readOnly)
        {
            services.AddSingleton(sp => new ReadDbContextFactory(
                sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(), sp.GetRequiredService<RecentWrites>()));
            return services;
        }
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
            sp.GetRequiredService<RecentWrites>(), sp.GetRequiredService<ReadReplica>()));
        WrapChangeFeed(services);
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

    private static void WrapChangeFeed(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IChangeFeed));
        if (original is null)
            return;
        services.Remove(original);
        Func<IServiceProvider, IChangeFeed> inner;
        if (original.ImplementationFactory is { } factory)
            inner = sp => (IChangeFeed)factory(sp);
        else if (original.ImplementationInstance is IChangeFeed instance)
            inner = _ => instance;
        else
        {
            var type = original.ImplementationType!;
            if (!services.Any(d => d.ServiceType == type))
                services.AddSingleton(type);
            inner = sp => (IChangeFeed)sp.GetRequiredService(type);
        }
        services.AddSingleton<IChangeFeed>(sp => new WriteMarkingChangeFeed(inner(sp), sp.GetRequiredService<RecentWrites>()));
    }
}
