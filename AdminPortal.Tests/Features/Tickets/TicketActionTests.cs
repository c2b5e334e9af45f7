using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Tickets;

public sealed class TicketActionTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Theory]
    [InlineData(TicketStatus.Open, TicketStatus.InProgress, true)]
    [InlineData(TicketStatus.Open, TicketStatus.AwaitingStudentResponse, true)]
    [InlineData(TicketStatus.InProgress, TicketStatus.Resolved, true)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Reopened, true)]
    [InlineData(TicketStatus.Resolved, TicketStatus.InProgress, false)]
    [InlineData(TicketStatus.Closed, TicketStatus.Reopened, false)]
    [InlineData(TicketStatus.InProgress, TicketStatus.Open, false)]
    public async Task Status_changes_follow_the_transition_table(TicketStatus from, TicketStatus to, bool allowed)
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var ticket = await desk.TicketAsync(Fixture, desk.HostelA, from);
        await using var scope = Scope();
        var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();

        var change = () => actions.ChangeStatusAsync(desk.AsStaffA, ticket.Id, ticket.Version, to, "Fixed the washer");
        var outcome = await change();
        if (allowed)
            Assert.Equal(OutcomeKind.Done, outcome.Kind);
        else
        {
            Assert.Equal(OutcomeKind.Refused, outcome.Kind);
            Assert.Equal("status", outcome.Field);
        }

        var after = await TicketTestData.ReloadAsync(Fixture, ticket.Id);
        Assert.Equal(allowed ? to : from, after.Status);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(allowed ? 1 : 0, await db.Set<AuditLogEntry>().CountAsync(a => a.Action == "ticket.status"));
    }

    [Fact]
    public async Task Resolving_needs_a_note_which_reaches_the_student_as_a_reply()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var ticket = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.InProgress, desk.StaffA);
        await using var scope = Scope();
        var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();

        var refused = await actions.ChangeStatusAsync(desk.AsStaffA, ticket.Id, ticket.Version, TicketStatus.Resolved, "  ");
        Assert.Equal(OutcomeKind.Refused, refused.Kind);
        Assert.Equal("note", refused.Field);
        Assert.Equal(TicketStatus.InProgress, (await TicketTestData.ReloadAsync(Fixture, ticket.Id)).Status);

        Assert.True((await actions.ChangeStatusAsync(desk.AsStaffA, ticket.Id, ticket.Version, TicketStatus.Resolved, "Replaced the washer")).Succeeded);

        var after = await TicketTestData.ReloadAsync(Fixture, ticket.Id);
        Assert.Equal(TicketStatus.Resolved, after.Status);
        Assert.NotNull(after.ResolvedAt);
        await using var db = await Fixture.CreateDbContextAsync();
        var reply = await db.Set<Comment>().SingleAsync(c => c.TicketId == ticket.Id);
        Assert.False(reply.IsInternal);
        Assert.Equal("Replaced the washer", reply.Body);
        Assert.True(await db.Set<OutboxMessage>().AnyAsync(o => o.EventType == TicketEvents.Resolved));
    }

    [Fact]
    public async Task A_second_change_from_a_stale_version_is_refused_and_names_who_changed_what()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var ticket = await desk.TicketAsync(Fixture, desk.HostelA);
        await using var scope = Scope();
        var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();

        await actions.TakeAsync(desk.AsAdmin.Identity is null ? desk.AsStaffA : desk.AsStaffA, ticket.Id, ticket.Version);
        var conflict = await actions.ChangeStatusAsync(desk.AsAdmin, ticket.Id, ticket.Version, TicketStatus.Closed);
        Assert.Equal(OutcomeKind.Conflict, conflict.Kind);

        Assert.Contains("took it", conflict.Message);
        Assert.Contains(desk.StaffA.User!.Name!, conflict.Message);
        var after = await TicketTestData.ReloadAsync(Fixture, ticket.Id);
        Assert.Equal(TicketStatus.InProgress, after.Status);
        Assert.Equal(desk.StaffA.Id, after.AssignedTo);
    }

    [Fact]
    public async Task Awaiting_the_student_pauses_the_clock_and_moves_due_at_by_the_pause()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var ticket = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.InProgress, desk.StaffA);
        var due = ticket.DueAt!.Value;
        await using var scope = Scope();
        var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();

        await actions.ChangeStatusAsync(desk.AsStaffA, ticket.Id, null, TicketStatus.AwaitingStudentResponse);
        Assert.NotNull((await TicketTestData.ReloadAsync(Fixture, ticket.Id)).PausedAt);
        Fixture.Clock.Advance(TimeSpan.FromHours(5));
        await actions.ChangeStatusAsync(desk.AsStaffA, ticket.Id, null, TicketStatus.InProgress);

        var after = await TicketTestData.ReloadAsync(Fixture, ticket.Id);
        Assert.Null(after.PausedAt);
        Assert.Equal(due.AddHours(5), after.DueAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Comments_are_replies_or_internal_notes_and_empty_ones_are_refused()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var ticket = await desk.TicketAsync(Fixture, desk.HostelA);
        await using var scope = Scope();
        var actions = scope.ServiceProvider.GetRequiredService<TicketActions>();

        await actions.CommentAsync(desk.AsStaffA, ticket.Id, "Checked the pipe", isInternal: true);
        await actions.CommentAsync(desk.AsStaffA, ticket.Id, "A plumber comes at 4", isInternal: false);
        var empty = await actions.CommentAsync(desk.AsStaffA, ticket.Id, " ", false);
        Assert.Equal(OutcomeKind.Refused, empty.Kind);
        Assert.Equal("comment", empty.Field);

        await using var db = await Fixture.CreateDbContextAsync();
        var comments = await db.Set<Comment>().Where(c => c.TicketId == ticket.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([true, false], comments.Select(c => c.IsInternal));
        Assert.Equal(2, await db.Set<AuditLogEntry>().CountAsync(a => a.Action == "ticket.note" || a.Action == "ticket.reply"));
    }
}
