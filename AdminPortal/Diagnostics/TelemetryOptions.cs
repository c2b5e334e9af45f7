using System.Globalization;
using System.Net;

namespace AdminPortal.Diagnostics;

/// <summary>
/// Configuration section <c>Telemetry</c> (decision 0029): metrics on or off, where Prometheus scrapes them, and what
/// share of traces is kept. OTLP export follows the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, not this section.
/// </summary>
public sealed record TelemetryOptions(bool Enabled, int? PrometheusPort, IPAddress PrometheusAddress, double TraceSampleRatio,
    bool OtlpConfigured)
{
    public const string Section = "Telemetry";
    public const string ScrapePath = "/metrics";

    /// <summary>The standard OpenTelemetry variable; when set, metrics, traces and logs also go there over OTLP.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Share of root traces kept outside Development (parent-based: a caller's decision is followed).</summary>
    public const double DefaultTraceSampleRatio = 0.1;

    public static TelemetryOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var port = section.GetValue<int?>("PrometheusPort");
        if (port is < 1 or > 65535)
            throw new InvalidOperationException($"Telemetry:PrometheusPort must be a TCP port (1-65535), not {port}.");
        var address = section["PrometheusAddress"] is { Length: > 0 } text
            ? IPAddress.TryParse(text, out var parsed) ? parsed
                : throw new InvalidOperationException($"Telemetry:PrometheusAddress is not an IP address: {text}")
            : IPAddress.Loopback;
        var ratio = section["TraceSampleRatio"] is { Length: > 0 } r
            ? double.Parse(r, CultureInfo.InvariantCulture)
            : environment.IsDevelopment() ? 1.0 : DefaultTraceSampleRatio;
        if (ratio is < 0 or > 1)
            throw new InvalidOperationException($"Telemetry:TraceSampleRatio must be between 0 and 1, not {ratio}.");
        return new TelemetryOptions(section.GetValue("Enabled", true), port, address, ratio,
            !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]));
    }
}
