using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.TicketScreen;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Tickets;

public sealed class TicketScopeTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_ticket_outside_the_scope_reads_as_not_found_and_the_attempt_is_audited()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var b = await desk.TicketAsync(Fixture, desk.HostelB);
        await using var scope = Scope();
        var details = scope.ServiceProvider.GetRequiredService<TicketDetailsService>();

        Assert.Null(await details.GetAsync(desk.AsStaffA, b.Id));
        Assert.NotNull(await details.GetAsync(desk.AsStaffB, b.Id));

        await using var db = await Fixture.CreateDbContextAsync();
        var denied = await db.Set<AuditLogEntry>().Where(e => e.Action == TicketAccessLog.Action).ToListAsync();
        Assert.Equal(b.Id.ToString(), Assert.Single(denied).EntityId);
        Assert.Equal(desk.StaffA.UserId, denied[0].ActorId);
    }

    [Fact]
    public async Task Staff_of_hostel_A_cannot_act_on_a_hostel_B_ticket()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var b = await desk.TicketAsync(Fixture, desk.HostelB);
        await using var scope = Scope();
        var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();

        Assert.Equal(OutcomeKind.NotFound, (await actions.TakeAsync(desk.AsStaffA, b.Id, null)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await actions.CommentAsync(desk.AsStaffA, b.Id, "hello", false)).Kind);
        Assert.Equal(OutcomeKind.NotFound,
            (await actions.ChangeStatusAsync(desk.AsStaffA, b.Id, null, TicketStatus.Resolved, "done")).Kind);

        var after = await TicketTestData.ReloadAsync(Fixture, b.Id);
        Assert.Equal(TicketStatus.Open, after.Status);
        Assert.Null(after.AssignedTo);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.False(await db.Set<Comment>().AnyAsync(c => c.TicketId == b.Id));
    }
}
