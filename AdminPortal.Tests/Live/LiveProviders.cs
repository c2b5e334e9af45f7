using AdminPortal.Live;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Live;

/// <summary>Independent "instances" of the portal over the one test database, with a chosen feed transport.</summary>
internal static class LiveProviders
{
    public static ServiceProvider Build(string connectionString, LiveTransport transport, TimeProvider? clock = null) =>
        PostgresFixture.BuildServices(connectionString, clock ?? new FakeTimeProvider(), services =>
            services.AddLiveUpdates(new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { [LiveSetup.TransportKey] = transport.ToString() }).Build()));

    public static async Task<PostgresChangeFeed> ListeningFeedAsync(this IServiceProvider services)
    {
        var feed = services.GetRequiredService<PostgresChangeFeed>();
        await feed.WhenListeningAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return feed;
    }
}
