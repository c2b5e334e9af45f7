using AdminPortal.Data;
using AdminPortal.Data.Local;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (the portal's own embedded-PostgreSQL code, in a temp folder, on a
/// free port), migrated once; <see cref="ResetAsync"/> empties the tables between tests.
/// </summary>
public class PostgresFixture : IAsyncLifetime
{
    private EmbeddedPostgres? _cluster;
    private ServiceProvider? _services;

    /// <summary>As the portal's own role (what the portal runs as: no DDL, audit log append-only).</summary>
    public string ConnectionString { get; private set; } = "";
    /// <summary>As the owner role (migrations, reset).</summary>
    public string OwnerConnectionString { get; private set; } = "";
    /// <summary>As the cluster's superuser (creating databases).</summary>
    public string SuperuserConnectionString { get; private set; } = "";
    public PortalDatabase Database { get; private set; } = null!;
    public EmbeddedPostgres Cluster => _cluster ?? throw new InvalidOperationException("fixture not started");
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("fixture not started");
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Whether the cluster feeds streaming standbys (wal_level=replica: <see cref="ReplicaFixture"/>).</summary>
    protected virtual bool StreamsWal => false;

    /// <summary>Further configuration of <see cref="Services"/>, once the cluster runs (<see cref="ReplicaFixture"/>).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings() => null;

    public virtual async Task InitializeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"adminportal-tests-{Guid.NewGuid():N}");
        _cluster = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = folder, Database = "adminportal_tests", Throwaway = true, StreamsWal = StreamsWal },
            _ => { });
        Database = PortalDatabase.ForEmbedded(_cluster, "adminportal_tests");
        ConnectionString = Database.ConnectionString;
        OwnerConnectionString = Database.OwnerConnectionString;
        SuperuserConnectionString = Database.PrivilegedConnectionString;
        _services = BuildServices(ConnectionString, Clock, settings: Settings());
        await DatabaseRoles.MigrateAsync(Database);
    }

    /// <summary>The portal's own registrations over the test database, with a fake clock.</summary>
    public static ServiceProvider BuildServices(string connectionString, TimeProvider clock,
        Action<IServiceCollection>? customise = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var services = PortalComposition.WithoutHost(connectionString, settings);
        services.AddSingleton(clock);
        customise?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public Task<PortalDbContext> CreateDbContextAsync() =>
        Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    /// <summary>The demo load as the portal does it: over the privileged connection, in Development, on the fixture's clock.</summary>
    public Task SeedDemoAsync(AdminPortal.Data.Demo.DemoScale scale = AdminPortal.Data.Demo.DemoScale.Demo, bool reset = false) =>
        AdminPortal.Data.Demo.DemoData.SeedPrivilegedAsync(Database, "Development", scale, reset, CancellationToken.None, Clock);

    public async Task ResetAsync()
    {
        await Database.AsOwnerAsync(db => DatabaseReset.TruncateAllAsync(db));
        // reads shared between circuits hold rows of the previous test (user ids are reused after TRUNCATE): every
        // shared cache the portal registers is dropped, whoever added it
        foreach (var cache in Services.GetServices<AdminPortal.Live.ISharedCache>())
            cache.Invalidate();
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            try { Directory.Delete(_cluster.DataDirectory, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless */ }
            catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>
/// The database tests are split over three collections, each with a cluster of its own, so xunit runs them side by side
/// (decision 0035): <see cref="DatabaseTest"/> puts a class here unless it names <see cref="SecondDatabaseCollection"/>
/// or <see cref="ThirdDatabaseCollection"/>; the split balances the classes' run times (docs/testing.md). Tests that read
/// process-wide metrics or traces run in <see cref="SoloDatabaseCollection"/>, alone, after the others.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "database";
}

[CollectionDefinition(Name)]
public sealed class SecondDatabaseCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "database-2";
}

[CollectionDefinition(Name)]
public sealed class ThirdDatabaseCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "database-3";
}

/// <summary>
/// The scrape and the OTLP export read what every portal host in the process records (meters and activity sources are
/// process-wide): these run with nothing beside them, on a cluster of their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloDatabaseCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "database-solo";
}

/// <summary>Base for tests on the database: starts each test on empty tables.</summary>
[Collection(DatabaseCollection.Name)]
public abstract class DatabaseTest(PostgresFixture fixture) : IAsyncLifetime
{
    protected PostgresFixture Fixture { get; } = fixture;
    protected IServiceProvider Services => Fixture.Services;

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected AsyncServiceScope Scope() => Services.CreateAsyncScope();
}
