using AdminPortal.Features.Team;
using AdminPortal.Features.Team.List;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using AdminPortal.Tests.Features.Tickets;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Team;

public sealed class StaffProfileTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_staff_account_comes_with_its_profile_and_the_new_person_can_take_a_ticket()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await using var scope = Scope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var profile = new StaffProfileInput(desk.HostelA.Id, [new CategoryPick(desk.Maintenance.Id, 3), new CategoryPick(desk.Mess.Id, 7)], 4);

        var refused = await accounts.CreateAsync(desk.AsAdmin, new StaffAccounts.Input("nina@example.org", "Nina New", null,
            [new RoleAssignments.Grant(PortalRoles.Staff)], profile with { MaxOpenLoad = 0 }));
        Assert.Equal(StaffProfileInput.CapacityField, refused.Field);
        var created = await accounts.CreateAsync(desk.AsAdmin, new StaffAccounts.Input("nina@example.org", "Nina New", null,
            [new RoleAssignments.Grant(PortalRoles.Staff, ScopeDomains.Hostel, desk.HostelA.Id)], profile));
        Assert.True(created.Succeeded, created.Message);

        await using var db = await Fixture.CreateDbContextAsync();
        var staff = await db.Set<Staff>().AsNoTracking().SingleAsync(s => s.UserId == created.Value!.UserId);
        Assert.Equal(("Nina New", desk.HostelA.Id, (int?)4, true), (staff.FullName, staff.HostelId, staff.MaxOpenLoad, staff.Active));
        var rows = await db.Set<CategoryAssignment>().Where(a => a.StaffId == staff.Id).OrderBy(a => a.Priority)
            .Select(a => new { a.CategoryId, a.Priority }).ToListAsync();
        Assert.Equal([(desk.Maintenance.Id, 3), (desk.Mess.Id, 7)], rows.Select(r => (r.CategoryId, r.Priority)));
        var audit = await db.Set<AuditLogEntry>().SingleAsync(a => a.Action == UserAuditActions.Create);
        Assert.Contains("maxopenload", audit.After!.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var ticket = await desk.TicketAsync(Fixture, desk.HostelA);
        var take = await scope.ServiceProvider.GetRequiredService<TicketActions>()
            .TakeAsync(TicketTestData.As(created.Value!.UserId), ticket.Id, ticket.Version);
        Assert.True(take.Succeeded, take.Message);
        Assert.Equal(staff.Id, (await TicketTestData.ReloadAsync(Fixture, ticket.Id)).AssignedTo);
    }

    [Fact]
    public async Task The_account_and_its_profile_roll_back_together_when_the_profile_cannot_be_saved()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await OwnerSqlAsync("""
            CREATE FUNCTION helpdesk.refuse_staff() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no staff today'; END $$;
            CREATE TRIGGER refuse_staff BEFORE INSERT ON helpdesk.staff FOR EACH ROW EXECUTE FUNCTION helpdesk.refuse_staff();
            """);
        try
        {
            await using var scope = Scope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => accounts.CreateAsync(desk.AsAdmin, new StaffAccounts.Input(
                "rolled.back@example.org", "Rolled Back", null, [new RoleAssignments.Grant(PortalRoles.Staff)],
                new StaffProfileInput(null, [new CategoryPick(desk.Maintenance.Id, 1)], null))));
        }
        finally
        {
            await OwnerSqlAsync("DROP TRIGGER refuse_staff ON helpdesk.staff; DROP FUNCTION helpdesk.refuse_staff();");
        }
        await using var check = await Fixture.CreateDbContextAsync();
        Assert.False(await check.Users.AnyAsync(u => u.Email == "rolled.back@example.org"));
        Assert.False(await check.UserRoles.AnyAsync(r => r.User!.Email == "rolled.back@example.org"));
        Assert.False(await check.Set<AuditLogEntry>().AnyAsync(a => a.Action == UserAuditActions.Create));
    }

    private async Task OwnerSqlAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Fixture.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Going_away_hands_the_open_tickets_out_by_the_auto_assignment_rules_as_previewed()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        // the specialist (primary of Maintenance, every hostel) holds two hostel-A and one hostel-B Maintenance
        // tickets, and a hostel-B Mess ticket: Mess has only Sana, who is bound to hostel A
        var a1 = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.InProgress, desk.Specialist);
        var a2 = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.Open, desk.Specialist);
        var b1 = await desk.TicketAsync(Fixture, desk.HostelB, TicketStatus.Open, desk.Specialist);
        var mess = await desk.TicketAsync(Fixture, desk.HostelB, TicketStatus.Open, desk.Specialist, category: desk.Mess);
        var closed = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.Closed, desk.Specialist);
        await using var scope = Scope();
        var profiles = scope.ServiceProvider.GetRequiredService<StaffProfiles>();

        var plan = await profiles.PreviewHandOffAsync(desk.AsAdmin, desk.Specialist.Id);
        Assert.NotNull(plan);
        Assert.Equal(4, plan.OpenTickets);
        Assert.Equal([("Sana", 2), ("Sid", 1), (null, 1)], plan.Lines.Select(l => (l.To, l.Tickets)));

        Assert.Equal(StaffProfiles.ReasonField, (await profiles.SetActiveAsync(desk.AsAdmin, desk.Specialist.Id, desk.Specialist.Version, false, true, " ")).Field);
        var done = await profiles.SetActiveAsync(desk.AsAdmin, desk.Specialist.Id, desk.Specialist.Version, false, true, "On leave");
        Assert.True(done.Succeeded, done.Message);

        Assert.Equal(desk.StaffA.Id, (await TicketTestData.ReloadAsync(Fixture, a1.Id)).AssignedTo);
        Assert.Equal(desk.StaffA.Id, (await TicketTestData.ReloadAsync(Fixture, a2.Id)).AssignedTo);
        Assert.Equal(desk.StaffB.Id, (await TicketTestData.ReloadAsync(Fixture, b1.Id)).AssignedTo);
        Assert.Null((await TicketTestData.ReloadAsync(Fixture, mess.Id)).AssignedTo);
        Assert.Equal(desk.Specialist.Id, (await TicketTestData.ReloadAsync(Fixture, closed.Id)).AssignedTo);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.False(await db.Set<Staff>().Where(s => s.Id == desk.Specialist.Id).Select(s => s.Active).SingleAsync());
        Assert.Equal(4, await db.Set<AuditLogEntry>().CountAsync(a => a.Action == "ticket.assign" && a.Reason == "handed off: On leave"));
        Assert.Equal(1, await db.Set<AuditLogEntry>().CountAsync(a => a.Action == "staff.away"));
        Assert.Equal(3, await db.Set<OutboxMessage>().CountAsync(o => o.EventType == TicketEvents.Assigned));

        // the stale version the admin opened the page with is a conflict naming who changed it
        var stale = await profiles.SetActiveAsync(desk.AsAdmin, desk.Specialist.Id, desk.Specialist.Version, true, false, "Back from leave");
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(desk.Admin.Name, stale.ChangedBy);
        Assert.NotNull(stale.ChangedAt);
    }

    [Fact]
    public async Task Away_staff_get_no_new_ticket_and_keeping_their_tickets_leaves_them_in_place()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var held = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.InProgress, desk.Specialist);
        await using var scope = Scope();
        var profiles = scope.ServiceProvider.GetRequiredService<StaffProfiles>();
        Assert.True((await profiles.SetActiveAsync(desk.AsAdmin, desk.Specialist.Id, desk.Specialist.Version, false, false, "On leave")).Succeeded);
        Assert.Equal(desk.Specialist.Id, (await TicketTestData.ReloadAsync(Fixture, held.Id)).AssignedTo);

        await using var db = await Fixture.CreateDbContextAsync();
        var pick = await AutoAssigner.PickAsync(db, desk.Maintenance.Id, desk.HostelA.Id);
        Assert.Equal(desk.StaffA.Id, pick?.StaffId);
    }

    [Fact]
    public async Task Capacity_and_category_priority_are_edited_with_their_version_and_bad_values_change_nothing()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await using var scope = Scope();
        var profiles = scope.ServiceProvider.GetRequiredService<StaffProfiles>();
        var version = desk.StaffA.Version;

        Assert.Equal(StaffProfileInput.CapacityField, (await profiles.SetCapacityAsync(desk.AsAdmin, desk.StaffA.Id, version, 0)).Field);
        Assert.Equal(StaffProfileInput.PriorityField, (await profiles.SetCategoryAsync(desk.AsAdmin, desk.StaffA.Id, version, desk.Mess.Id, 101)).Field);
        Assert.True((await profiles.SetCapacityAsync(desk.AsAdmin, desk.StaffA.Id, version, 5)).Succeeded);
        Assert.Equal(OutcomeKind.Conflict, (await profiles.SetCategoryAsync(desk.AsAdmin, desk.StaffA.Id, version, desk.Mess.Id, 9)).Kind);

        var details = await scope.ServiceProvider.GetRequiredService<StaffQueryService>().GetAsync(desk.AsAdmin, desk.StaffA.Id);
        Assert.NotNull(details);
        Assert.Equal(5, details.MaxOpenLoad);
        Assert.True((await profiles.SetCategoryAsync(desk.AsAdmin, desk.StaffA.Id, details.Version, desk.Mess.Id, 9)).Succeeded);
        details = await scope.ServiceProvider.GetRequiredService<StaffQueryService>().GetAsync(desk.AsAdmin, desk.StaffA.Id);
        Assert.Equal(9, details!.Categories.Single(c => c.CategoryId == desk.Mess.Id).Priority);
        Assert.True((await profiles.RemoveCategoryAsync(desk.AsAdmin, desk.StaffA.Id, details.Version, desk.Mess.Id)).Succeeded);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.False(await db.Set<CategoryAssignment>().AnyAsync(a => a.StaffId == desk.StaffA.Id && a.CategoryId == desk.Mess.Id));
        Assert.Equal(["staff.capacity", "staff.category", "staff.category_removed"],
            await db.Set<AuditLogEntry>().Where(a => a.EntityType == StaffProfiles.EntityType).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task The_staff_list_filters_by_hostel_category_state_and_name_and_shows_open_load_against_capacity()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.Open, desk.StaffA);
        await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.Closed, desk.StaffA);
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            await db.Set<Staff>().Where(s => s.Id == desk.StaffA.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.MaxOpenLoad, 3));
            await db.Set<Staff>().Where(s => s.Id == desk.Warden.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Active, false));
        }
        await using var scope = Scope();
        var queries = scope.ServiceProvider.GetRequiredService<StaffQueryService>();
        async Task<string[]> Names(StaffListQuery q) => (await queries.GetPageAsync(desk.AsAdmin, q)).Rows.Select(r => r.Name).ToArray();

        Assert.Equal(["Rao", "Sana", "Sid", "Suresh"], await Names(StaffListQuery.Default));
        Assert.Equal(["Sana"], await Names(new StaffListQuery { HostelId = desk.HostelA.Id }));
        Assert.Equal(["Sana"], await Names(new StaffListQuery { CategoryId = desk.Mess.Id }));
        Assert.Equal(["Rao"], await Names(new StaffListQuery { State = StaffState.Away }));
        Assert.Equal(["Suresh"], await Names(new StaffListQuery { Search = "sures" }));
        var sana = (await queries.GetPageAsync(desk.AsAdmin, new StaffListQuery { HostelId = desk.HostelA.Id })).Rows.Single();
        Assert.Equal("1 / 3", sana.LoadText);
        Assert.Equal("Maintenance, Mess", sana.Categories);
    }

    [Fact]
    public async Task Only_admins_reach_staff_profiles()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await using var scope = Scope();
        var profiles = scope.ServiceProvider.GetRequiredService<StaffProfiles>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => profiles.PreviewHandOffAsync(desk.AsStaffA, desk.StaffB.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            profiles.SetActiveAsync(desk.AsStaffA, desk.StaffB.Id, desk.StaffB.Version, false, true, "On leave"));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<StaffQueryService>().GetPageAsync(desk.AsStaffA, StaffListQuery.Default));
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.True(await db.Set<Staff>().Where(s => s.Id == desk.StaffB.Id).Select(s => s.Active).SingleAsync());
    }
}
