using AdminPortal.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Data;

/// <summary>
/// At start: apply migrations (Development only), and load the demo on an empty Development database. The embedded
/// demo database is rebuilt when another build made it with migrations this build does not have.
/// </summary>
public sealed class DatabaseStartup(IDbContextFactory<PortalDbContext> dbFactory, PortalDatabase database,
    NpgsqlDataSource dataSource, ILogger<DatabaseStartup> log)
{
    public async Task PrepareAsync(bool development, CancellationToken ct = default)
    {
        await RecreateIfMadeByAnotherBuildAsync(development, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0 && !development)
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}): run `AdminPortal migrate` first.");
        if (pending.Count > 0)
        {
            log.LogInformation("Applying {Count} migration(s)", pending.Count);
            await DatabaseRoles.MigrateAsync(database, ct);
            // the portal's data source met the database before the migration made its enum types (it read the pending
            // migrations through it): without a reload it cannot read an enum column
            await dataSource.ReloadTypesAsync(ct);
        }
        else if (development)
            await DatabaseRoles.GrantAsync(database, ct);   // idempotent: a database an earlier build made gets its grants too
        if (development && !await db.Users.AnyAsync(ct))
        {
            log.LogInformation("Empty database: loading the demo data");
            await DemoData.SeedPrivilegedAsync(database, Environments.Development, DemoScale.Demo, reset: false, ct);
        }
    }

    private async Task RecreateIfMadeByAnotherBuildAsync(bool development, CancellationToken ct)
    {
        string name;
        List<string> unknown;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            name = db.Database.GetDbConnection().Database;
            unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Except(db.Database.GetMigrations()).ToList();
        }
        if (unknown.Count == 0)
            return;
        if (!development || database.Embedded is null)
            throw new InvalidOperationException(
                $"The database has migration(s) this build does not know ({string.Join(", ", unknown)}): another version " +
                "of AdminPortal made it. Point the portal at a matching database, or migrate it with that version.");
        // the private cluster holds only demo data, made by another build: start it again rather than refuse to run
        log.LogWarning("The demo database was made by another build of the schema ({Migrations}); recreating it",
            string.Join(", ", unknown));
        var admin = new NpgsqlConnectionStringBuilder(database.PrivilegedConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(ct);
            var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", connection))
                await drop.ExecuteNonQueryAsync(ct);
            await using (var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection))
                await create.ExecuteNonQueryAsync(ct);
        }
        await database.Embedded.EnsureDatabaseAsync(name, ct);   // owned by the owner role again, the portal's role let in
        dataSource.Clear();   // its idle connections were to the dropped database
    }
}
