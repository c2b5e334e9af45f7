using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Categories;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Tickets.Categories;

public sealed class CategoryCatalogueTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Deactivating_a_category_can_leave_its_open_tickets_in_it_and_offers_it_for_no_new_ticket()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var open = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.Open, desk.StaffA);
        await using var scope = Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<CategoryCatalogue>();
        Assert.Equal(1, await catalogue.OpenTicketsAsync(desk.AsAdmin, desk.Maintenance.Id));

        var done = await catalogue.DeactivateAsync(desk.AsAdmin, desk.Maintenance.Id, desk.Maintenance.Version, OpenTicketsChoice.Stay, null, "Seasonal, back next term");
        Assert.True(done.Succeeded, done.Message);
        var after = await TicketTestData.ReloadAsync(Fixture, open.Id);
        Assert.Equal((desk.Maintenance.Id, desk.StaffA.Id), (after.CategoryId, after.AssignedTo));

        var intake = await scope.ServiceProvider.GetRequiredService<TicketIntake>()
            .CreateAsync(desk.AsAdmin, new NewTicket(desk.StudentA.Id, desk.Maintenance.Id, null, "Tap leaking", null));
        Assert.Equal(TicketIntake.Fields.Category, intake.Field);
        var lookups = await scope.ServiceProvider.GetRequiredService<TicketLookups>().LoadAsync(desk.AsAdmin);
        Assert.False(lookups.Categories.Single(c => c.Id == desk.Maintenance.Id).Active);
        await using var db = await Fixture.CreateDbContextAsync();
        var audit = await db.Set<AuditLogEntry>().SingleAsync(a => a.Action == "category.deactivate");
        Assert.Equal("Seasonal, back next term", audit.Reason);
    }

    [Fact]
    public async Task Deactivating_a_category_can_move_its_open_tickets_where_auto_assignment_picks_their_assignee()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        var inA = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.InProgress, desk.Specialist);
        var inB = await desk.TicketAsync(Fixture, desk.HostelB, TicketStatus.Open, desk.StaffB);
        var resolved = await desk.TicketAsync(Fixture, desk.HostelA, TicketStatus.Resolved, desk.StaffA);
        await using var scope = Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<CategoryCatalogue>();

        var toItself = await catalogue.DeactivateAsync(desk.AsAdmin, desk.Maintenance.Id, desk.Maintenance.Version, OpenTicketsChoice.Move, desk.Maintenance.Id, "Merged into another category");
        Assert.Equal(CategoryCatalogue.MoveToField, toItself.Field);
        var done = await catalogue.DeactivateAsync(desk.AsAdmin, desk.Maintenance.Id, desk.Maintenance.Version, OpenTicketsChoice.Move, desk.Mess.Id, "Merged into another category");
        Assert.True(done.Succeeded, done.Message);

        // Mess is staffed by Sana of hostel A only: the hostel-A ticket goes to her, the hostel-B one to the queue
        var a = await TicketTestData.ReloadAsync(Fixture, inA.Id);
        var b = await TicketTestData.ReloadAsync(Fixture, inB.Id);
        Assert.Equal((desk.Mess.Id, (int?)desk.StaffA.Id), (a.CategoryId!.Value, a.AssignedTo));
        Assert.Equal((desk.Mess.Id, (int?)null), (b.CategoryId!.Value, b.AssignedTo));
        Assert.Equal(desk.Maintenance.Id, (await TicketTestData.ReloadAsync(Fixture, resolved.Id)).CategoryId);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.False(await db.Set<Category>().Where(c => c.Id == desk.Maintenance.Id).Select(c => c.Active).SingleAsync());
        Assert.Equal(2, await db.Set<ActivityLog>().CountAsync(l => l.Action == "forwarded"));
    }

    [Fact]
    public async Task Categories_are_created_renamed_and_reordered_with_their_names_checked()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await using var scope = Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<CategoryCatalogue>();
        Assert.Equal(CategoryCatalogue.NameField, (await catalogue.CreateAsync(desk.AsAdmin, " Mess ", 24)).Field);
        Assert.Equal(CategoryCatalogue.NameField, (await catalogue.CreateAsync(desk.AsAdmin, "  ", 24)).Field);
        Assert.Equal(CategoryAdmin.SlaField, (await catalogue.CreateAsync(desk.AsAdmin, "Wifi", 0)).Field);
        var wifi = await catalogue.CreateAsync(desk.AsAdmin, "Wifi", 6);
        Assert.True(wifi.Succeeded, wifi.Message);

        var lookups = scope.ServiceProvider.GetRequiredService<TicketLookups>();
        async Task<string[]> Order() => (await lookups.LoadAsync(desk.AsAdmin)).Categories.Select(c => c.Name).ToArray();
        Assert.Equal("Wifi", (await Order()).Last());
        Assert.Equal(OutcomeKind.Refused, (await catalogue.MoveAsync(desk.AsAdmin, wifi.Value, 1)).Kind);
        Assert.True((await catalogue.MoveAsync(desk.AsAdmin, wifi.Value, -1)).Succeeded);
        Assert.Equal(["Maintenance", "Wifi", "Mess"], await Order());

        await using var db = await Fixture.CreateDbContextAsync();
        var version = await db.Set<Category>().Where(c => c.Id == wifi.Value).Select(c => c.Version).SingleAsync();
        Assert.Equal(CategoryCatalogue.NameField, (await catalogue.RenameAsync(desk.AsAdmin, wifi.Value, version, "Maintenance")).Field);
        Assert.True((await catalogue.RenameAsync(desk.AsAdmin, wifi.Value, version, "Internet")).Succeeded);
        var stale = await catalogue.RenameAsync(desk.AsAdmin, wifi.Value, version, "Network");
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(desk.Admin.Name, stale.ChangedBy);
        Assert.Equal("Internet", await db.Set<Category>().Where(c => c.Id == wifi.Value).Select(c => c.Name).SingleAsync());
    }

    [Fact]
    public async Task Subcategories_are_added_reordered_and_deactivated_with_their_open_tickets_left_or_taken_out()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await using var scope = Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<CategoryCatalogue>();
        Assert.True((await catalogue.CreateSubcategoryAsync(desk.AsAdmin, desk.Maintenance.Id, "Electrical")).Succeeded);
        Assert.Equal(CategoryCatalogue.NameField, (await catalogue.CreateSubcategoryAsync(desk.AsAdmin, desk.Maintenance.Id, "Plumbing")).Field);
        Assert.True((await catalogue.MoveSubcategoryAsync(desk.AsAdmin, desk.Plumbing.Id, 1)).Succeeded);

        var ticket = await desk.TicketAsync(Fixture, desk.HostelA);
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.Set<Ticket>().Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.SubcategoryId, desk.Plumbing.Id));
        Assert.Equal(1, await catalogue.OpenTicketsAsync(desk.AsAdmin, desk.Maintenance.Id, desk.Plumbing.Id));
        Assert.True((await catalogue.SetSubcategoryActiveAsync(desk.AsAdmin, desk.Plumbing.Id, false, clearOpenTickets: true)).Succeeded);
        Assert.Null((await TicketTestData.ReloadAsync(Fixture, ticket.Id)).SubcategoryId);

        var intake = await scope.ServiceProvider.GetRequiredService<TicketIntake>()
            .CreateAsync(desk.AsAdmin, new NewTicket(desk.StudentA.Id, desk.Maintenance.Id, desk.Plumbing.Id, "Tap leaking", null));
        Assert.Equal(TicketIntake.Fields.Subcategory, intake.Field);
        var subs = (await scope.ServiceProvider.GetRequiredService<TicketLookups>().LoadAsync(desk.AsAdmin)).Subcategories
            .Where(s => s.ParentId == desk.Maintenance.Id).Select(s => (s.Name, s.Active)).ToArray();
        Assert.Equal([("Carpentry", true), ("Electrical", true), ("Plumbing", false)], subs);
    }

    [Fact]
    public async Task The_queue_offers_escalation_levels_as_deep_as_the_deepest_ladder()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await using var scope = Scope();
        var lookups = scope.ServiceProvider.GetRequiredService<TicketLookups>();
        Assert.Equal(2, (await lookups.LoadAsync(desk.AsAdmin)).LadderDepth);
        Assert.True((await scope.ServiceProvider.GetRequiredService<CategoryAdmin>().SetRungAsync(desk.AsAdmin, desk.Mess.Id, 5, desk.Warden.Id)).Succeeded);
        Assert.Equal(5, (await lookups.LoadAsync(desk.AsAdmin)).LadderDepth);
    }

    [Fact]
    public async Task Staff_cannot_change_the_catalogue()
    {
        var desk = await TicketTestData.CreateAsync(Fixture);
        await using var scope = Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<CategoryCatalogue>();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            catalogue.DeactivateAsync(desk.AsStaffA, desk.Maintenance.Id, desk.Maintenance.Version, OpenTicketsChoice.Stay, null, "No longer handled"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => catalogue.MoveAsync(desk.AsStaffA, desk.Maintenance.Id, 1));
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.True(await db.Set<Category>().Where(c => c.Id == desk.Maintenance.Id).Select(c => c.Active).SingleAsync());
    }
}
