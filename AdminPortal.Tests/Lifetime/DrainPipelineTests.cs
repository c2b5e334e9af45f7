using System.Net;
using System.Text.Json;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdminPortal.Tests.Lifetime;

/// <summary>
/// The portal's own pipeline when the host is told to stop (what SIGTERM does): from then on it takes no new work, and
/// says so in the answers nginx and an operator read (decision 0042).
/// </summary>
public sealed class DrainPipelineTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Once_told_to_stop_it_answers_new_requests_503_and_healthz_reports_the_drain()
    {
        await using var host = await PortalWebHost.StartAsync(Fixture.ConnectionString, "Production");
        using var client = host.Client();
        using (var before = await client.GetAsync("/app.css"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("Healthy", await LifetimeCheckAsync(client));

        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        using var refused = await client.GetAsync("/app.css");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        Assert.True(refused.Headers.ConnectionClose);
        Assert.Contains("restarting", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Unhealthy", await LifetimeCheckAsync(client, HttpStatusCode.ServiceUnavailable));
    }

    /// <summary>The <c>lifetime</c> entry of <c>/healthz</c>, the whole answer having <paramref name="expected"/>.</summary>
    private static async Task<string> LifetimeCheckAsync(HttpClient client, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"/healthz {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("checks").GetProperty("lifetime").GetProperty("status").GetString()!;
    }
}
