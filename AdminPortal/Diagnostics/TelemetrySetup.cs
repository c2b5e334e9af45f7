using AdminPortal.Features.Operations;
using AdminPortal.Live;
using AdminPortal.Security;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AdminPortal.Diagnostics;

/// <summary>
/// OpenTelemetry (decision 0029): metrics of ASP.NET Core, Blazor's circuits, Npgsql, the .NET runtime and the portal's
/// own meters, scraped by Prometheus at <c>/metrics</c> (admins only on the portal's port, or anyone on the separate
/// <c>Telemetry:PrometheusPort</c>); with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, metrics, traces (parent-based ratio
/// sampler) and logs also go out over OTLP. Console logs are JSON in Production.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>Meters the portal defines, and the framework's that are not added by the instrumentation packages.</summary>
    public static readonly IReadOnlyList<string> Meters =
    [
        LiveMetrics.MeterName,
        OutboxGauges.MeterName,
        "Microsoft.AspNetCore.Components.Server.Circuits",   // aspnetcore.components.circuit.active/connected/duration
    ];

    /// <summary>
    /// Blazor's per-render instruments (a record per component render, a series per component type): cost on every
    /// circuit's every render with no alert behind them. Dropped instruments are not listened to at all. Blazor's
    /// navigation counter and event-handler duration (user actions: few, and worth seeing) stay.
    /// </summary>
    private static readonly HashSet<string> DroppedInstruments = new(StringComparer.Ordinal)
    {
        "aspnetcore.components.render_diff.duration",
        "aspnetcore.components.render_diff.size",
        "aspnetcore.components.update_parameters.duration",
    };

    /// <summary>Activity sources traced besides ASP.NET Core's requests and Npgsql's commands.</summary>
    private static readonly string[] Sources = ["Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits"];

    /// <summary>Requests not worth a trace: the scrape, the health probe, and the circuit's hours-long WebSocket.</summary>
    private static readonly string[] UntracedPaths = [TelemetryOptions.ScrapePath, "/healthz", "/_blazor", "/_framework", "/_content"];

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var options = TelemetryOptions.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(options);
        if (builder.Environment.IsProduction() && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;   // carries the TraceId/SpanId scope, to find a request's lines from its trace
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        if (!options.Enabled)
            return builder;
        builder.Services.AddSingleton<LiveGauges>();
        builder.Services.AddSingleton<OutboxGauges>();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "AdminPortal"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter([.. Meters])
                .AddInstrumentation(sp => sp.GetRequiredService<LiveGauges>())
                .AddInstrumentation(sp => sp.GetRequiredService<OutboxGauges>())
                .AddView(instrument => DroppedInstruments.Contains(instrument.Name) ? MetricStreamConfiguration.Drop : null)
                .AddPrometheusExporter());
        if (options.OtlpConfigured)
        {
            otel.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                .AddAspNetCoreInstrumentation(o => o.Filter = http =>
                    !UntracedPaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
                .AddNpgsql()
                .AddSource(Sources));
            otel.UseOtlpExporter();   // endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* variables
        }
        if (options.PrometheusPort is not null)
            builder.Services.AddHostedService<MetricsPort>();
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> on the portal's own port, for admins only (<see cref="Permission.OperateSystem"/>), unless
    /// <c>Telemetry:PrometheusPort</c> moves it to a port of its own (<see cref="MetricsPort"/>).
    /// </summary>
    public static WebApplication MapPortalMetrics(this WebApplication app)
    {
        var options = app.Services.GetService<TelemetryOptions>();   // null: a host without AddPortalTelemetry
        if (options is { Enabled: true, PrometheusPort: null })
            app.MapPrometheusScrapingEndpoint(TelemetryOptions.ScrapePath).RequireAuthorization(nameof(Permission.OperateSystem));
        return app;
    }
}
