using AdminPortal.Features.Notifications;
using AdminPortal.Data;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Notifications;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Tickets;

public sealed class IntakeAndEscalationTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private async Task<int> CreateAsync(TicketTestData desk, int? sub = null, PortalUserPick student = PortalUserPick.A)
    {
        await using var scope = Scope();
        var intake = scope.ServiceProvider.GetRequiredService<TicketIntake>();
        var created = await intake.CreateAsync(desk.AsAdmin, new NewTicket(
            student == PortalUserPick.A ? desk.StudentA.Id : desk.StudentB.Id, desk.Maintenance.Id, sub, "Tap leaking", null));
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    public enum PortalUserPick { A, B }

    private async Task SetActiveAsync(Staff staff, bool active)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        await db.Set<Staff>().Where(s => s.Id == staff.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Active, active));
    }

    [Fact]
    public async Task New_tickets_go_to_the_primary_and_take_the_subcategory_sla()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;

        var plumbing = await TicketTestData.ReloadAsync(Fixture, await CreateAsync(desk, desk.Plumbing.Id));
        var general = await TicketTestData.ReloadAsync(Fixture, await CreateAsync(desk));

        Assert.Equal(desk.Specialist.Id, plumbing.AssignedTo);
        Assert.Equal(now.AddHours(12), plumbing.DueAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(now.AddHours(24), general.DueAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(desk.HostelA.Id, plumbing.HostelId);
    }

    [Fact]
    public async Task Without_the_primary_tickets_go_to_the_least_loaded_staff_of_the_hostel()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await SetActiveAsync(desk.Specialist, false);
        // staff A already holds one open ticket; a hostel A ticket still goes to staff A (staff B serves hostel B only)
        await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.InProgress, desk.StaffA);

        var first = await TicketTestData.ReloadAsync(Fixture, await CreateAsync(desk));
        var inB = await TicketTestData.ReloadAsync(Fixture, await CreateAsync(desk, student: PortalUserPick.B));

        Assert.Equal(desk.StaffA.Id, first.AssignedTo);
        Assert.Equal(desk.StaffB.Id, inB.AssignedTo);
    }

    [Fact]
    public void Least_load_wins_and_ties_go_by_priority()
    {
        AutoAssigner.Candidate C(int id, int load, int priority, bool primary = false) => new(id, id, $"s{id}", primary, priority, load, null);

        Assert.Equal(2, AutoAssigner.Pick([C(1, 5, 0), C(2, 1, 1), C(3, 3, 0)])!.StaffId);
        Assert.Equal(3, AutoAssigner.Pick([C(1, 2, 1), C(3, 2, 0)])!.StaffId);
        Assert.Equal(9, AutoAssigner.Pick([C(1, 0, 0), C(9, 40, 5, primary: true)])!.StaffId);
        Assert.Equal(1, AutoAssigner.Pick([C(1, 0, 0), new(9, 9, "full", true, 0, 3, 3)])!.StaffId);
    }

    [Fact]
    public async Task An_overdue_ticket_escalates_once_per_period_up_the_ladder()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var id = await CreateAsync(desk);   // SLA 24 h
        var worker = Get<EscalationWorker>();

        Assert.Empty(await worker.RunOnceAsync());
        Fixture.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal([id], await worker.RunOnceAsync());
        Assert.Empty(await worker.RunOnceAsync());
        var once = await TicketTestData.ReloadAsync(Fixture, id);
        Assert.Equal(1, once.EscalationLevel);
        Assert.Equal(desk.Specialist.Id, once.AssignedTo);

        Fixture.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal([id], await worker.RunOnceAsync());
        var twice = await TicketTestData.ReloadAsync(Fixture, id);
        Assert.Equal(2, twice.EscalationLevel);
        Assert.Equal(desk.Warden.Id, twice.AssignedTo);

        Fixture.Clock.Advance(TimeSpan.FromHours(48));
        Assert.Empty(await worker.RunOnceAsync());   // the top of the ladder
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(2, await db.Set<ActivityLog>().CountAsync(a => a.TicketId == id && a.Action == "escalated"));
        Assert.Equal(2, await db.Set<OutboxMessage>().CountAsync(o => o.EventType == TicketEvents.Escalated));
    }

    [Fact]
    public async Task A_paused_ticket_does_not_escalate()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var paused = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.AwaitingStudentResponse, desk.StaffA, now.AddHours(-3));
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.Set<Ticket>().Where(t => t.Id == paused.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.PausedAt, now.AddHours(-4)));

        Assert.Empty(await Get<EscalationWorker>().RunOnceAsync());
    }

    [Fact]
    public async Task Two_workers_at_once_escalate_a_ticket_once()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        var ids = new List<int>();
        for (var i = 0; i < 20; i++)
            ids.Add((await desk.TicketAsync(Fixture, desk.HostelA, dueAt: now.AddHours(-1 - i))).Id);
        await using var second = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock);

        var results = await Task.WhenAll(
            Task.Run(() => Get<EscalationWorker>().RunOnceAsync()),
            Task.Run(() => second.GetRequiredService<EscalationWorker>().RunOnceAsync()));

        Assert.Equal(ids.Order(), results.SelectMany(r => r).Order());   // each exactly once across both
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.True(await db.Set<Ticket>().Where(t => ids.Contains(t.Id)).AllAsync(t => t.EscalationLevel == 1));
        Assert.Equal(20, await db.Set<ActivityLog>().CountAsync(a => a.Action == "escalated"));
    }

    [Fact]
    public async Task Outbox_events_become_notifications_once_even_with_two_dispatchers()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var ids = new List<int>();
        for (var i = 0; i < 10; i++)
            ids.Add(await CreateAsync(desk));   // each: ticket.assigned to the specialist
        await using var second = PostgresFixture.BuildServices(Fixture.ConnectionString, Fixture.Clock);

        var handled = await Task.WhenAll(
            Task.Run(() => Get<OutboxDispatcher>().RunOnceAsync()),
            Task.Run(() => second.GetRequiredService<OutboxDispatcher>().RunOnceAsync()));
        var again = await Get<OutboxDispatcher>().RunOnceAsync();

        Assert.Equal(10, handled.Sum());
        Assert.Equal(0, again);
        await using var db = await Fixture.CreateDbContextAsync();
        var notes = await db.Set<PortalNotification>().Where(n => n.UserId == desk.Specialist.UserId).ToListAsync();
        Assert.Equal(10, notes.Count);
        Assert.Equal(ids.Select(i => $"/tickets/{i}").Order(), notes.Select(n => n.Link).Order());
        Assert.True(await db.Set<OutboxMessage>().AllAsync(o => o.ProcessedAt != null));
    }

    [Fact]
    public async Task Notification_settings_can_turn_ticket_updates_off()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            db.Add(new NotificationSetting
            {
                UserId = desk.Specialist.UserId,
                Preferences = System.Text.Json.JsonSerializer.SerializeToDocument(new { ticket_updates = false, escalations = true }),
            });
            await db.SaveChangesAsync();
        }
        await CreateAsync(desk);

        Assert.Equal(1, await Get<OutboxDispatcher>().RunOnceAsync());
        await using var check = await Fixture.CreateDbContextAsync();
        Assert.False(await check.Set<PortalNotification>().AnyAsync());
        var feed = Get<NotificationFeed>();
        Assert.Equal(0, (await feed.ListAsync(desk.AsAdmin)).Unread);
    }
}
