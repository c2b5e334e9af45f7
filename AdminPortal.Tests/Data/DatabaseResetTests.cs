using AdminPortal.Features.Creators;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Tests.Data;

/// <summary>
/// The reset between tests (and of `seed --reset`) truncates only what was touched: what it leaves must equal what a
/// TRUNCATE of every table with RESTART IDENTITY leaves: no row anywhere, every identity back at 1, the audit log's
/// no-truncate trigger back on.
/// </summary>
public sealed class DatabaseResetTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_table_with_rows_is_emptied_and_its_identity_starts_again()
    {
        await AddNicheAsync("first");
        await AddNicheAsync("second");

        await Fixture.ResetAsync();

        await using var db = await Fixture.CreateDbContextAsync();
        Assert.False(await db.Set<Niche>().AnyAsync());
        Assert.Equal(1, await AddNicheAsync("after the reset"));
    }

    [Fact]
    public async Task An_emptied_table_whose_identity_moved_starts_again_at_one()
    {
        await AddNicheAsync("gone");
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.Set<Niche>().ExecuteDeleteAsync();   // empty, but its sequence has handed out 1

        await Fixture.ResetAsync();

        Assert.Equal(1, await AddNicheAsync("after the reset"));
    }

    [Fact]
    public async Task The_audit_log_is_emptied_and_still_refuses_truncate_and_updates_after()
    {
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            db.Add(new AuditLogEntry { ActorName = "test", Action = "niche.edit", EntityType = "niche", EntityId = "1" });
            await db.SaveChangesAsync();
        }

        await Fixture.ResetAsync();

        await using var conn = new NpgsqlConnection(Fixture.OwnerConnectionString);
        await conn.OpenAsync();
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM audit.audit_log", conn))
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        await using (var truncate = new NpgsqlCommand("TRUNCATE audit.audit_log", conn))
            await Assert.ThrowsAsync<PostgresException>(() => truncate.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task A_reset_of_an_untouched_database_changes_nothing_and_every_table_stays_empty()
    {
        await Fixture.ResetAsync();   // nothing touched since the last one: nothing to truncate

        var rows = await Sql.ColumnAsync(Fixture, """
            SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables
            WHERE schemaname NOT IN ('public') AND relname NOT IN ('data_protection_keys', '__ef_migrations_history')
            """);
        foreach (var table in rows)
            Assert.True((await Sql.ColumnAsync(Fixture, $"SELECT 1 FROM {table} LIMIT 1")).Count == 0, $"{table} has rows");
    }

    private async Task<int> AddNicheAsync(string name)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var niche = new Niche { Name = name };
        db.Add(niche);
        await db.SaveChangesAsync();
        return niche.Id;
    }
}
