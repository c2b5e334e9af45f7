using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AdminPortal.Data;
using AdminPortal.Features.Operations;
using AdminPortal.Live;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdminPortal.Tests.Diagnostics;

/// <summary>
/// The Prometheus scrape (decision 0029) over HTTP from the portal's own pipeline: on the portal's port for admins
/// only, with ASP.NET Core's, Npgsql's and the portal's own metrics in it; or on a port of its own.
/// </summary>
[Collection(SoloDatabaseCollection.Name)]
public sealed class MetricsEndpointTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task An_admin_scrapes_the_request_npgsql_live_and_outbox_metrics()
    {
        await Fixture.SeedDemoAsync();
        await AddOutboxEventsAsync(pending: 2, failed: 1);
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var admin = await host.SignedInClientAsync("admin@adminportal.demo");
        using (var page = await admin.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);   // a request, and the dashboard's queries through the pool
        var outbox = await host.Services.GetRequiredService<OutboxGauges>().ReadAsync();
        LiveMetrics.Record(12);

        using var response = await admin.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        Assert.True(Value(body, "http_server_request_duration_seconds_count", "http_route=\"/\"") >= 1, Excerpt(body, "http_server"));
        Assert.True(Value(body, "db_client_operation_duration_seconds_count", $"db_client_connection_pool_name=\"{DataSetup.PoolName}\"") >= 1,
            Excerpt(body, "db_client"));
        Assert.True(Value(body, "db_client_connection_max", $"db_client_connection_pool_name=\"{DataSetup.PoolName}\"") >= 1,
            Excerpt(body, "db_client"));
        Assert.Equal(1, Value(body, "adminportal_live_listening"));
        Assert.True(Value(body, "adminportal_live_delivery_duration_milliseconds_count") >= 1, Excerpt(body, "adminportal_live"));
        Assert.True(outbox is { Pending: >= 2, Failed: >= 1 }, outbox.ToString());
        Assert.Equal(outbox.Pending, Value(body, "adminportal_outbox_pending"));
        Assert.Equal(outbox.Failed, Value(body, "adminportal_outbox_failed"));
        Assert.True(Value(body, "dotnet_gc_collections_total") >= 0, Excerpt(body, "dotnet_"));
        Assert.Contains("aspnetcore_components_navigate_total", body);             // the dashboard's prerender
        Assert.DoesNotContain("aspnetcore_components_render_diff", body);          // per render: dropped (decision 0029)
        Assert.DoesNotContain("Password=", body, StringComparison.OrdinalIgnoreCase);   // pools without a name show their connection string
    }

    [Theory]
    [InlineData(null)]
    [InlineData("moderator@adminportal.demo")]
    [InlineData("staff.a@adminportal.demo")]
    public async Task Anyone_but_an_admin_is_refused_the_scrape(string? email)
    {
        await Fixture.SeedDemoAsync();
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development");
        using var client = email is null ? host.Client() : await host.SignedInClientAsync(email);

        using var response = await client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains(email is null ? "/account/login" : "/account/access-denied", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain("http_server_request_duration", body);
    }

    [Fact]
    public async Task With_a_prometheus_port_the_scrape_is_there_for_anyone_and_gone_from_the_portals_port()
    {
        await Fixture.SeedDemoAsync();
        var port = FreePort();
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Development", new Dictionary<string, string?>
        {
            ["Telemetry:PrometheusPort"] = port.ToString(CultureInfo.InvariantCulture),
        });
        using var portal = host.Client();
        using (var login = await portal.GetAsync("/account/login"))
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var anyone = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var scrape = await anyone.GetAsync("/metrics");
        var body = await scrape.Content.ReadAsStringAsync();
        using var elsewhere = await anyone.GetAsync("/");
        using var onPortal = await portal.GetAsync("/metrics");

        Assert.True(scrape.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(1, Value(body, "adminportal_live_listening"));
        Assert.True(Value(body, "http_server_request_duration_seconds_count", "http_route=\"/account/login\"") >= 1, Excerpt(body, "http_server"));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onPortal.StatusCode);
    }

    /// <summary>The sum of a series' values over every line whose labels contain <paramref name="label"/>; NaN if none.</summary>
    private static double Value(string exposition, string name, string? label = null)
    {
        var values = Regex.Matches(exposition, $@"(?m)^{Regex.Escape(name)}(\{{(?<labels>[^}}]*)\}})? (?<value>\S+)")
            .Where(m => label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        return values.Count == 0 ? double.NaN : values.Sum();
    }

    private static string Excerpt(string exposition, string prefix) =>
        string.Join('\n', exposition.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Take(40));

    private async Task AddOutboxEventsAsync(int pending, int failed)
    {
        await using var db = new NpgsqlConnection(Fixture.ConnectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO helpdesk.outbox (event_type, payload, attempts, last_error)
            SELECT 'test.metrics', '{}'::jsonb, CASE WHEN n <= $1 THEN 0 ELSE 5 END, NULL FROM generate_series(1, $1 + $2) n
            """, db);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pending });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = failed });
        await cmd.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
