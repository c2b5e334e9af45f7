using AdminPortal.Data.Local;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Infrastructure;
using Npgsql;
using static AdminPortal.Tests.Data.CatalogQueries;

namespace AdminPortal.Tests.Security;

/// <summary>
/// Least privilege (issue 20): the portal runs as a role that can neither rewrite nor erase the audit log, nor change
/// the schema; TRUNCATE of the log is refused even for the owner. The rest of the suite runs as that role too.
/// </summary>
public sealed class DatabasePrivilegeTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private async Task<long> WriteOneAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var entry = Get<AuditTrail>().Add(db, new AuditActor(null, "tester", "10.0.0.1"), "ticket.assign", "ticket", "42",
            new { assignedTo = (int?)null }, new { assignedTo = 7 }, "test");
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private static async Task<PostgresException> RefusedAsync(string connectionString, string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connectionString, sql));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        return error;
    }

    [Fact]
    public async Task The_portal_is_not_a_superuser_and_not_the_owner()
    {
        Assert.Equal(EmbeddedPostgres.PortalRole, await ScalarAsync<string>(Fixture.ConnectionString, "SELECT current_user"));
        Assert.False(await ScalarAsync<bool>(Fixture.ConnectionString, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(EmbeddedPostgres.OwnerRole, await ScalarAsync<string>(Fixture.ConnectionString,
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'audit' AND tablename = 'audit_log'"));
    }

    [Fact]
    public async Task As_the_portals_role_the_audit_log_takes_inserts_and_reads_only()
    {
        var id = await WriteOneAsync();
        Assert.Equal(1L, await ScalarAsync<long>(Fixture.ConnectionString, "SELECT count(*) FROM audit.audit_log"));
        await RefusedAsync(Fixture.ConnectionString, $"UPDATE audit.audit_log SET reason = 'rewritten' WHERE id = {id}");
        await RefusedAsync(Fixture.ConnectionString, $"DELETE FROM audit.audit_log WHERE id = {id}");
        await RefusedAsync(Fixture.ConnectionString, "TRUNCATE audit.audit_log");
        await RefusedAsync(Fixture.ConnectionString, "ALTER TABLE audit.audit_log DISABLE TRIGGER audit_log_append_only");
        Assert.Equal("test", await ScalarAsync<string>(Fixture.OwnerConnectionString, "SELECT reason FROM audit.audit_log"));
    }

    [Fact]
    public async Task As_the_portals_role_sessions_are_ended_never_deleted()
    {
        await RefusedAsync(Fixture.ConnectionString, "DELETE FROM auth.user_sessions");
        Assert.Equal(0L, await ScalarAsync<long>(Fixture.ConnectionString, "SELECT count(*) FROM auth.user_sessions"));
    }

    [Fact]
    public async Task Truncate_of_the_audit_log_is_refused_even_for_the_owner()
    {
        await WriteOneAsync();
        var error = await RefusedAsync(Fixture.OwnerConnectionString, "TRUNCATE audit.audit_log");
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync<long>(Fixture.OwnerConnectionString, "SELECT count(*) FROM audit.audit_log"));
    }

    [Theory]
    [InlineData("DROP TABLE audit.audit_log")]
    [InlineData("DROP TABLE helpdesk.tickets CASCADE")]
    [InlineData("ALTER TABLE auth.users ADD COLUMN sneaky text")]
    [InlineData("CREATE TABLE audit.shadow (id int)")]
    [InlineData("CREATE TABLE public.shadow (id int)")]
    [InlineData("TRUNCATE helpdesk.tickets CASCADE")]
    [InlineData("INSERT INTO auth.__ef_migrations_history VALUES ('20990101000000_Evil', '10.0.0')")]
    [InlineData("COPY (SELECT 1) TO PROGRAM 'true'")]
    public async Task As_the_portals_role_schema_changes_and_the_server_are_out_of_reach(string sql) =>
        await RefusedAsync(Fixture.ConnectionString, sql);
}
