using AdminPortal.Live;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Live;

public sealed class LiveHealthCheckTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_live_entry_is_degraded_until_the_feed_listens_then_healthy()
    {
        await using var services = LiveProviders.Build(Fixture.ConnectionString, LiveTransport.Postgres);
        var feed = services.GetRequiredService<PostgresChangeFeed>();
        var check = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Single(r => r.Name == "live").Factory(services);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.False(feed.IsListening);
        Assert.Equal(HealthStatus.Degraded, before.Status);

        await feed.WhenListeningAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.True(feed.IsListening);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Empty(after.Data);   // /healthz is public: no figures in it
    }
}
