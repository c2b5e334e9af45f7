using AdminPortal.Data;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdminPortal.Tests.Data;

/// <summary>
/// Start-up over a database another build made (the single Initial migration was regenerated since): the embedded
/// demo database is rebuilt, any other is refused with a message and left as it was.
/// </summary>
[Collection(ThirdDatabaseCollection.Name)]
public sealed class DatabaseStartupTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private const string Foreign = "20200101000000_Initial";

    [Fact]
    public async Task An_embedded_demo_database_made_by_another_build_is_recreated_and_loaded()
    {
        var cs = await DatabaseMadeByAnotherBuildAsync("startup_embedded");
        await using (var services = PortalOver(cs, embedded: true))
            await services.GetRequiredService<DatabaseStartup>().PrepareAsync(development: true);

        await using var db = NewContext(cs);
        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.DoesNotContain(Foreign, applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.True(await db.Users.AnyAsync(), "the demo data was not loaded into the new database");
    }

    [Fact]
    public async Task After_migrating_an_empty_database_the_portal_reads_enum_columns_through_its_own_data_source()
    {
        var cs = await DatabaseMadeByAnotherBuildAsync("startup_enums");
        await using var services = PortalOver(cs, embedded: true);
        await services.GetRequiredService<DatabaseStartup>().PrepareAsync(development: true);

        // the data source the portal serves requests with met the database before its enum types existed
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var admin = await db.Users.FirstAsync(u => u.Email == "admin@adminportal.demo");   // an enum column: platform_role
        Assert.True(Enum.IsDefined(admin.PlatformRole));
    }

    [Fact]
    public async Task A_configured_database_made_by_another_build_is_refused_and_left_alone()
    {
        var cs = await DatabaseMadeByAnotherBuildAsync("startup_configured");
        await using (var services = PortalOver(cs, embedded: false))
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                services.GetRequiredService<DatabaseStartup>().PrepareAsync(development: true));
            Assert.Contains(Foreign, error.Message);
        }
        await using var db = NewContext(cs);
        Assert.Equal([Foreign], await db.Database.GetAppliedMigrationsAsync());
    }

    private ServiceProvider PortalOver(string cs, bool embedded) =>
        PostgresFixture.BuildServices(cs, Fixture.Clock, s =>
        {
            var database = new PortalDatabase(cs, embedded ? Fixture.Cluster : null);
            s.AddSingleton(database);
        });

    private static PortalDbContext NewContext(string cs)
    {
        var options = DataSetup.Configure(new DbContextOptionsBuilder<PortalDbContext>(), DataSetup.BuildDataSource(cs));
        return new PortalDbContext((DbContextOptions<PortalDbContext>)options.Options);
    }

    /// <summary>A fresh database whose history names a migration this build does not have.</summary>
    private async Task<string> DatabaseMadeByAnotherBuildAsync(string name)
    {
        await using (var admin = new NpgsqlConnection(Fixture.SuperuserConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); ", admin);
            await command.ExecuteNonQueryAsync();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(Fixture.SuperuserConnectionString) { Database = name }.ConnectionString;
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var history = new NpgsqlCommand("""
            CREATE SCHEMA auth;
            CREATE TABLE auth.__ef_migrations_history (migration_id varchar(150) PRIMARY KEY, product_version varchar(32) NOT NULL);
            INSERT INTO auth.__ef_migrations_history VALUES ('20200101000000_Initial', '9.0.0');
            CREATE TABLE auth.data_protection_keys (id int);
            """, connection);
        await history.ExecuteNonQueryAsync();
        return cs;
    }
}
