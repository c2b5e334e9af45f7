using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AdminPortal.Lifetime;

/// <summary>The graceful drain on SIGTERM for rolling restarts behind nginx (decision 0042).</summary>
public static class DrainSetup
{
    public static IServiceCollection AddInstanceDrain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DrainOptions>(configuration.GetSection(DrainOptions.Section));
        services.TryAddSingleton<InstanceDrain>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, DrainCircuitHandler>());
        // the drain runs before the host's stop when SIGTERM starts it; when the host is stopped directly (tests) it
        // runs inside it: the host waits for it and for the connections to close, whichever way it started
        services.AddOptions<HostOptions>().PostConfigure<IOptions<DrainOptions>>((host, drain) =>
        {
            var needed = drain.Value.Drain + TimeSpan.FromSeconds(15);
            if (host.ShutdownTimeout < needed)
                host.ShutdownTimeout = needed;
        });
        if (!services.Any(d => d.ImplementationType == typeof(DrainOnStopping)))   // once, however often this is called
        {
            services.AddHostedService<DrainOnStopping>();
            services.AddHealthChecks().AddCheck<DrainHealthCheck>("lifetime");
        }
        return services;
    }

    /// <summary>
    /// First in the pipeline: while draining, every new request is answered 503 (with Retry-After and Connection: close),
    /// which nginx's <c>proxy_next_upstream http_503</c> passes on to another instance. <c>/healthz</c> goes on to
    /// report the drain itself.
    /// </summary>
    public static IApplicationBuilder UseInstanceDrain(this IApplicationBuilder app)
    {
        var drain = app.ApplicationServices.GetRequiredService<InstanceDrain>();
        return app.Use(async (context, next) =>
        {
            if (!drain.IsDraining || context.Request.Path.StartsWithSegments("/healthz"))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            context.Response.Headers.Connection = "close";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("This server is restarting; please try again in a few seconds.");
        });
    }
}

/// <summary>Hooks the drain at start, so an instance with no circuit open also refuses new work while it stops.</summary>
internal sealed class DrainOnStopping(InstanceDrain drain, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        drain.RunOnStopping(lifetime.ApplicationStopping);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Hooks the drain again when the first circuit opens: see <see cref="InstanceDrain.RunOnStopping"/>.</summary>
internal sealed class DrainCircuitHandler(InstanceDrain drain, IHostApplicationLifetime lifetime) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        drain.RunBeforeConnectionsClose(lifetime.ApplicationStopping);
        return Task.CompletedTask;
    }
}

/// <summary>The <c>lifetime</c> entry of <c>/healthz</c>: Unhealthy (503) from SIGTERM on, so a balancer stops sending here.</summary>
internal sealed class DrainHealthCheck(InstanceDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining
            ? HealthCheckResult.Unhealthy("Restarting: this instance is draining and takes no new work")
            : HealthCheckResult.Healthy("Taking new work"));
}
