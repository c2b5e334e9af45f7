using AdminPortal.Features.Tickets.Model;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Tickets;

public sealed class TicketIntegrityTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_new_ticket_gets_the_database_defaults()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var ticket = await HelpdeskTestData.TicketAsync(db);
        await using var read = await Fixture.CreateDbContextAsync();
        var row = await read.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == ticket.Id);
        Assert.Equal(TicketStatus.Open, row.Status);
        Assert.Equal(0, row.EscalationLevel);
        Assert.NotEqual(default, row.CreatedAt);
        Assert.NotEqual(0u, row.Version);
    }

    [Fact]
    public async Task A_concurrent_edit_of_one_ticket_is_refused()
    {
        int id;
        await using (var db = await Fixture.CreateDbContextAsync())
            id = (await HelpdeskTestData.TicketAsync(db)).Id;
        await using var first = await Fixture.CreateDbContextAsync();
        await using var second = await Fixture.CreateDbContextAsync();
        var mine = await first.Set<Ticket>().SingleAsync(t => t.Id == id);
        var theirs = await second.Set<Ticket>().SingleAsync(t => t.Id == id);
        mine.Status = TicketStatus.InProgress;
        await first.SaveChangesAsync();
        theirs.Status = TicketStatus.Resolved;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var read = await Fixture.CreateDbContextAsync();
        Assert.Equal(TicketStatus.InProgress, await read.Set<Ticket>().Where(t => t.Id == id).Select(t => t.Status).SingleAsync());
    }

    [Fact]
    public async Task Deleting_the_assignee_unassigns_and_deleting_the_creator_deletes_the_ticket()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var ticket = await HelpdeskTestData.TicketAsync(db, assigned: true);
        var staffId = ticket.AssignedTo!.Value;
        await db.Set<Staff>().Where(s => s.Id == staffId).ExecuteDeleteAsync();
        Assert.Null(await db.Set<Ticket>().Where(t => t.Id == ticket.Id).Select(t => t.AssignedTo).SingleAsync());
        await db.Users.Where(u => u.Id == ticket.CreatedBy).ExecuteDeleteAsync();
        Assert.False(await db.Set<Ticket>().AnyAsync(t => t.Id == ticket.Id));
    }

    [Fact]
    public async Task A_negative_escalation_level_is_refused_by_the_database()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var ticket = await HelpdeskTestData.TicketAsync(db);
        var update = db.Set<Ticket>().Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.EscalationLevel, -1));
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => update);
        Assert.Equal("23514", error.SqlState);
    }
}
