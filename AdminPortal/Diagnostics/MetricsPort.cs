using OpenTelemetry.Metrics;

namespace AdminPortal.Diagnostics;

/// <summary>
/// A second, minimal Kestrel server on <c>Telemetry:PrometheusAddress</c>:<c>Telemetry:PrometheusPort</c> that answers
/// only <c>GET /metrics</c> (the portal's meter provider) and 404 to anything else, without sign-in: what reaches that
/// port is the operator's network decision (loopback by default). The portal's own endpoints (its ports, from
/// <c>ASPNETCORE_URLS</c> or <c>--urls</c>) are untouched: adding a Kestrel endpoint in code would replace them.
/// </summary>
internal sealed class MetricsPort(TelemetryOptions options, MeterProvider meterProvider, ILogger<MetricsPort> log) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    /// <summary>Where it listens, once started.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(options.PrometheusAddress, options.PrometheusPort!.Value);
        });
        var server = builder.Build();
        server.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, TelemetryOptions.ScrapePath,
            configureBranchedPipeline: null, optionsName: null);
        server.Run(http =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await server.StartAsync(cancellationToken);
        _server = server;
        var host = options.PrometheusAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{options.PrometheusAddress}]" : options.PrometheusAddress.ToString();
        Address = new Uri($"http://{host}:{options.PrometheusPort}{TelemetryOptions.ScrapePath}");
        log.LogInformation("Prometheus metrics on {Address}", Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
            await _server.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
