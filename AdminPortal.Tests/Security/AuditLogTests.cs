using System.Text.Json;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static AdminPortal.Tests.Data.CatalogQueries;

using AdminPortal.Tests.Data;

using AdminPortal.Tests.Features.Tickets;

namespace AdminPortal.Tests.Security;

public sealed class AuditLogTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private async Task<long> WriteOneAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var entry = Get<AuditTrail>().Add(db, new AuditActor(null, "tester", "10.0.0.1"), "ticket.assign", "ticket", "42",
            new { assignedTo = (int?)null }, new { assignedTo = 7 }, "test");
        await db.SaveChangesAsync();
        return entry.Id;
    }

    [Fact]
    public async Task The_record_commits_with_the_change_in_the_callers_context()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var ticket = await HelpdeskTestData.TicketAsync(db);
        ticket.Status = TicketStatus.InProgress;
        Get<AuditTrail>().Add(db, AuditActor.System, "ticket.status", "ticket", ticket.Id.ToString(),
            new { status = "OPEN" }, new { status = "IN_PROGRESS" });
        await db.SaveChangesAsync();

        await using var read = await Fixture.CreateDbContextAsync();
        var entry = await read.Set<AuditLogEntry>().AsNoTracking().SingleAsync();
        Assert.Equal(ticket.Id.ToString(), entry.EntityId);
        Assert.Null(entry.ActorId);
        Assert.Equal("IN_PROGRESS", entry.After!.RootElement.GetProperty("status").GetString());
        Assert.Equal(Fixture.Clock.GetUtcNow().UtcDateTime, entry.At, TimeSpan.FromMilliseconds(1));
        Assert.Equal("IN_PROGRESS", await ScalarAsync<string>(Fixture.ConnectionString,
            "SELECT after->>'status' FROM audit.audit_log"));
    }

    [Fact]
    public async Task Update_is_refused_by_the_database()
    {
        var id = await WriteOneAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(Fixture.OwnerConnectionString, $"UPDATE audit.audit_log SET reason = 'rewritten' WHERE id = {id}"));
        Assert.Contains("append-only", error.MessageText);
        Assert.Equal("test", await ScalarAsync<string>(Fixture.OwnerConnectionString, "SELECT reason FROM audit.audit_log"));
    }

    [Fact]
    public async Task Delete_is_refused_by_the_database()
    {
        var id = await WriteOneAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(Fixture.OwnerConnectionString, $"DELETE FROM audit.audit_log WHERE id = {id}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(1L, await ScalarAsync<long>(Fixture.OwnerConnectionString, "SELECT count(*) FROM audit.audit_log"));
    }

    [Fact]
    public async Task Insert_works_and_public_may_not_update_or_delete()
    {
        await WriteOneAsync();
        var inserted = await ExecuteAsync(Fixture.ConnectionString, """
            INSERT INTO audit.audit_log (actor_name, action, entity_type, entity_id, after)
            VALUES ('raw', 'user.lock', 'user', '3', '{"locked": true}')
            """);
        Assert.Equal(1, inserted);
        Assert.Equal(2L, await ScalarAsync<long>(Fixture.ConnectionString, "SELECT count(*) FROM audit.audit_log"));
        var publicAcl = await ScalarAsync<string>(Fixture.ConnectionString, """
            SELECT coalesce(string_agg(privilege_type, ','), '') FROM information_schema.role_table_grants
            WHERE table_schema = 'audit' AND table_name = 'audit_log' AND grantee = 'PUBLIC'
            """);
        Assert.DoesNotContain("UPDATE", publicAcl);
        Assert.DoesNotContain("DELETE", publicAcl);
    }

    [Fact]
    public async Task Before_and_after_are_stored_as_json_objects()
    {
        await WriteOneAsync();
        await using var db = await Fixture.CreateDbContextAsync();
        var entry = await db.Set<AuditLogEntry>().AsNoTracking().SingleAsync();
        Assert.Equal(JsonValueKind.Null, entry.Before!.RootElement.GetProperty("assignedTo").ValueKind);
        Assert.Equal(7, entry.After!.RootElement.GetProperty("assignedTo").GetInt32());
        Assert.Equal("10.0.0.1", entry.ClientAddress);
    }
}
