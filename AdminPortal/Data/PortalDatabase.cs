using AdminPortal.Data.Local;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

/// <summary>
/// Where the portal's database is: the configured ConnectionStrings:Portal, or else a private cluster of its own
/// (the embedded default), started here and stopped when the portal stops. The portal runs as the role of
/// <see cref="ConnectionString"/>; migrations run as the owner (<see cref="OwnerConnectionString"/>: the configured
/// ConnectionStrings:PortalOwner, or the same role when there is none). The embedded default makes both roles and
/// never runs the portal as the superuser (Data/DatabaseRoles.cs).
/// </summary>
public sealed class PortalDatabase(string connectionString, EmbeddedPostgres? embedded, string? ownerConnectionString = null,
    string? privilegedConnectionString = null) : IAsyncDisposable
{
    public const string ConnectionStringName = "Portal";
    public const string OwnerConnectionStringName = "PortalOwner";
    /// <summary>Optional: the streaming standbys lists, searches, dashboards and reports read from (decision 0041).</summary>
    public const string ReadOnlyConnectionStringName = "PortalReadOnly";

    public string ConnectionString { get; } = connectionString;
    public string OwnerConnectionString { get; } = ownerConnectionString ?? connectionString;
    /// <summary>For the Development demo load (bulk COPY, TRUNCATE) and rebuilding the demo database: the owner, or the embedded superuser.</summary>
    public string PrivilegedConnectionString { get; } = privilegedConnectionString ?? ownerConnectionString ?? connectionString;
    public EmbeddedPostgres? Embedded { get; } = embedded;
    /// <summary>
    /// ConnectionStrings:PortalReadOnly, or null: then every read goes to <see cref="ConnectionString"/> as before
    /// (Data/Reads/ReadDbContextFactory.cs, decision 0041).
    /// </summary>
    public string? ReadOnlyConnectionString { get; init; }

    public static async Task<PortalDatabase> ResolveAsync(IConfiguration configuration, Action<string> log,
        CancellationToken cancellationToken = default)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            log("Using the PostgreSQL server of ConnectionStrings:Portal");
            var owner = configuration.GetConnectionString(OwnerConnectionStringName);
            return new PortalDatabase(configured, null, string.IsNullOrWhiteSpace(owner) ? null : owner)
            {
                ReadOnlyConnectionString = ReadOnlyFrom(configuration),
            };
        }
        var options = configuration.GetSection(EmbeddedPostgresOptions.Section).Get<EmbeddedPostgresOptions>()
                      ?? new EmbeddedPostgresOptions();
        var cluster = await EmbeddedPostgres.StartAsync(options, log, cancellationToken);
        return ForEmbedded(cluster, options.Database, ReadOnlyFrom(configuration));
    }

    /// <summary>ConnectionStrings:PortalReadOnly when set, else null.</summary>
    public static string? ReadOnlyFrom(IConfiguration configuration) =>
        configuration.GetConnectionString(ReadOnlyConnectionStringName) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value : null;

    public static PortalDatabase ForEmbedded(EmbeddedPostgres cluster, string database, string? readOnly = null) =>
        new(cluster.PortalConnectionString(database), cluster, cluster.OwnerConnectionString(database),
            cluster.ConnectionString(database)) { ReadOnlyConnectionString = readOnly };

    /// <summary>Runs <paramref name="action"/> on a context connected as the owner (migrations, reset).</summary>
    public Task AsOwnerAsync(Func<PortalDbContext, Task> action) => WithContextAsync(OwnerConnectionString, action);

    /// <summary>Runs <paramref name="action"/> on a context connected with the privileged connection (demo reset).</summary>
    public Task AsPrivilegedAsync(Func<PortalDbContext, Task> action) => WithContextAsync(PrivilegedConnectionString, action);

    private static async Task WithContextAsync(string connectionString, Func<PortalDbContext, Task> action)
    {
        await using var dataSource = DataSetup.BuildDataSource(connectionString, b => b.ConnectionStringBuilder.Pooling = false);
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DataSetup.Configure(options, dataSource);
        await using var db = new PortalDbContext(options.Options);
        await action(db);
    }

    public ValueTask DisposeAsync() => Embedded?.DisposeAsync() ?? ValueTask.CompletedTask;
}
