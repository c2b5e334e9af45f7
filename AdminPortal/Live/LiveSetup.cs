using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdminPortal.Live;

/// <summary>Which transport carries the change feed (configuration <c>Live:Transport</c>).</summary>
public enum LiveTransport
{
    /// <summary>PostgreSQL LISTEN/NOTIFY: right for one instance and for many (the default; see ADR 0004).</summary>
    Postgres,
    /// <summary>In memory: a single instance only; events never reach another instance.</summary>
    InProcess,
}

public static class LiveSetup
{
    public const string TransportKey = "Live:Transport";

    /// <summary>Registers the change feed, presence and the circuit handler that ends a circuit's presence.</summary>
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        var transport = configuration.GetValue(TransportKey, LiveTransport.Postgres);
        services.TryAddSingleton<LiveInstance>();
        if (transport == LiveTransport.InProcess)
            services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
        else
        {
            services.AddSingleton<PostgresChangeFeed>();
            services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<PostgresChangeFeed>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeFeed>());
        }
        services.AddSingleton<PresenceTracker>();
        if (!services.Any(d => d.ServiceType == typeof(LiveHealthCheck)))   // once, however often this is called
        {
            services.AddSingleton<LiveHealthCheck>();
            services.AddHealthChecks().AddCheck<LiveHealthCheck>("live");
        }
        services.AddScoped<CircuitIdentity>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, PresenceCircuitHandler>());
        return services;
    }
}
