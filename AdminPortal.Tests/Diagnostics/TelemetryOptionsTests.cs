using AdminPortal.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Diagnostics;

/// <summary>The defaults of decision 0029 and what configuration changes in them.</summary>
public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData("Production", null, 0.1)]
    [InlineData("Staging", null, 0.1)]
    [InlineData("Development", null, 1.0)]
    [InlineData("Production", "0.25", 0.25)]
    [InlineData("Production", "0", 0.0)]
    public void Traces_are_sampled_by_ratio_and_never_all_of_them_outside_development_by_default(string environment, string? configured,
        double expected)
    {
        var options = Options(environment, new() { ["Telemetry:TraceSampleRatio"] = configured });
        Assert.Equal(expected, options.TraceSampleRatio);
    }

    [Fact]
    public void By_default_metrics_are_on_the_portals_port_and_nothing_goes_over_otlp()
    {
        var options = Options("Production", []);
        Assert.True(options.Enabled);
        Assert.Null(options.PrometheusPort);
        Assert.Equal(System.Net.IPAddress.Loopback, options.PrometheusAddress);
        Assert.False(options.OtlpConfigured);
    }

    [Fact]
    public void A_port_an_address_and_the_standard_otlp_variable_are_read()
    {
        var options = Options("Production", new()
        {
            ["Telemetry:PrometheusPort"] = "9464",
            ["Telemetry:PrometheusAddress"] = "0.0.0.0",
            [TelemetryOptions.OtlpEndpointKey] = "http://collector:4318",
        });
        Assert.Equal(9464, options.PrometheusPort);
        Assert.Equal(System.Net.IPAddress.Any, options.PrometheusAddress);
        Assert.True(options.OtlpConfigured);
    }

    [Theory]
    [InlineData("Telemetry:PrometheusPort", "70000")]
    [InlineData("Telemetry:PrometheusAddress", "metrics.example.org")]
    [InlineData("Telemetry:TraceSampleRatio", "1.5")]
    public void A_wrong_setting_stops_the_start_with_its_name(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options("Production", new() { [key] = value }));
        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public void Console_logs_are_json_in_production_only(string environment, bool json)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Telemetry:Enabled"] = "false";   // the logs alone: no database behind this host
        builder.AddPortalTelemetry();
        using var app = builder.Build();
        var formatter = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        Assert.Equal(json, formatter == ConsoleFormatterNames.Json);
    }

    private static TelemetryOptions Options(string environment, Dictionary<string, string?> settings) =>
        TelemetryOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment });
}
