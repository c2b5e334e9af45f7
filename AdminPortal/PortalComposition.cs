using AdminPortal.Data;
using AdminPortal.Lifetime;
using AdminPortal.Security;

namespace AdminPortal;

public static class PortalComposition
{
    /// <summary>
    /// Everything the portal registers apart from the web UI (data, identity, authorization, features). Program.cs adds
    /// the Razor components and MudBlazor on top; the tests and the benchmark use it as it is, so they run the same
    /// services as the portal does.
    /// </summary>
    public static IServiceCollection AddPortalServices(this IServiceCollection services, IConfiguration configuration,
        PortalDatabase database) =>
        services
            .AddPortalData(database)
            .AddPortalIdentity(configuration)
            .AddPortalAuthorization()
            .AddPortalFeatures(configuration)
            .AddInstanceDrain(configuration);   // SIGTERM: refuse new work, tell the open screens, then stop (0042)

    /// <summary>
    /// A container of <see cref="AddPortalServices"/> over a connection string, without a host (tests, the benchmark,
    /// tools): configuration carries the connection string and any further <paramref name="settings"/>, logging is on.
    /// </summary>
    public static ServiceCollection WithoutHost(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Portal"] = connectionString,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddPortalServices(configuration, new PortalDatabase(connectionString, null)
        {
            ReadOnlyConnectionString = PortalDatabase.ReadOnlyFrom(configuration),
        });
        return services;
    }
}
