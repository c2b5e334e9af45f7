using AdminPortal.Data.Local;

namespace AdminPortal.Data;

/// <summary>
/// Where the portal's database is: the configured ConnectionStrings:Portal, or else a private cluster of its own
/// (the embedded default), started here and stopped when the portal stops.
/// </summary>
public sealed class PortalDatabase(string connectionString, EmbeddedPostgres? embedded) : IAsyncDisposable
{
    public const string ConnectionStringName = "Portal";

    public string ConnectionString { get; } = connectionString;
    public EmbeddedPostgres? Embedded { get; } = embedded;

    public static async Task<PortalDatabase> ResolveAsync(IConfiguration configuration, Action<string> log,
        CancellationToken cancellationToken = default)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            log("Using the PostgreSQL server of ConnectionStrings:Portal");
            return new PortalDatabase(configured, null);
        }
        var options = configuration.GetSection(EmbeddedPostgresOptions.Section).Get<EmbeddedPostgresOptions>()
                      ?? new EmbeddedPostgresOptions();
        var cluster = await EmbeddedPostgres.StartAsync(options, log, cancellationToken);
        return new PortalDatabase(cluster.ConnectionString(options.Database), cluster);
    }

    public ValueTask DisposeAsync() => Embedded?.DisposeAsync() ?? ValueTask.CompletedTask;
}
