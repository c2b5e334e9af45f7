using Microsoft.EntityFrameworkCore;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Tickets.Demo;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Data.CatalogQueries;

using AdminPortal.Tests.Data;

namespace AdminPortal.Tests.Features.Tickets;

[Collection(SecondDatabaseCollection.Name)]
public sealed class HelpdeskDemoDataTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private string Db => Fixture.ConnectionString;

    private async Task SeedAsync()
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
        var part = scope.ServiceProvider.GetServices<IDemoDataPart>().OfType<HelpdeskDemoData>().Single();
        await using var db = await Fixture.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await part.SeedAsync(db, DemoScale.Demo, CancellationToken.None);
    }

    private static readonly string[] DigestQueries =
    [
        "SELECT string_agg(concat_ws(',', id, email, name, clerk_id, phone_number, security_stamp), '|' ORDER BY id) FROM auth.users WHERE email NOT LIKE '%@adminportal.demo'",
        "SELECT string_agg(concat_ws(',', user_id, role_id, domain, scope), '|' ORDER BY id) FROM auth.user_roles",
        .. new[]
        {
            "hostels", "batches", "class_sections", "students", "staff", "categories", "subcategories",
            "category_escalation_rungs", "category_assignments", "tickets", "comments",
            "activity_logs", "outbox", "saved_views", "portal_notifications",
        }.Select(t => $"SELECT string_agg(t::text, '|' ORDER BY t.id) FROM helpdesk.{t} t"),
        "SELECT string_agg(t::text, '|' ORDER BY t.id) FROM auth.notification_settings t",
        "SELECT string_agg(t::text, '|' ORDER BY t.id) FROM audit.audit_log t",
    ];

    private async Task<string> DigestAsync()
    {
        var parts = new List<string>();
        foreach (var sql in DigestQueries)
            parts.Add(await ScalarAsync<string>(Db, $"SELECT md5(coalesce(({sql}), ''))") ?? "");
        return string.Join(",", parts);
    }

    [Fact]
    public async Task The_helpdesk_demo_is_deterministic()
    {
        await SeedAsync();
        var first = await DigestAsync();
        await Fixture.ResetAsync();
        await SeedAsync();
        Assert.Equal(first, await DigestAsync());
        Assert.Equal((long)HelpdeskDemoData.DemoTicketCount, await ScalarAsync<long>(Db, "SELECT count(*) FROM helpdesk.tickets"));
    }

    [Fact]
    public async Task The_demo_staff_hostels_exist_and_each_demo_staff_member_has_tickets()
    {
        await SeedAsync();
        Assert.Equal(new[] { "Neeladri", "Velankani" },
            await ListAsync<string>(Db, "SELECT name FROM helpdesk.hostels WHERE id IN (1, 2) ORDER BY id"));
        foreach (var email in new[] { "staff.a@adminportal.demo", "staff.b@adminportal.demo" })
        {
            var assigned = await ScalarAsync<long>(Db, """
                SELECT count(*) FROM helpdesk.tickets t JOIN helpdesk.staff s ON s.id = t.assigned_to
                JOIN auth.users u ON u.id = s.user_id WHERE u.email = $1
                """, email);
            Assert.True(assigned >= 10, $"{email} has {assigned} tickets");
            // Their hostel-scoped role and their staff row name the same hostel.
            Assert.Equal(1L, await ScalarAsync<long>(Db, """
                SELECT count(*) FROM auth.user_roles r JOIN auth.users u ON u.id = r.user_id
                JOIN helpdesk.staff s ON s.user_id = u.id
                WHERE u.email = $1 AND r.domain = 'hostel' AND r.scope = s.hostel_id::text
                """, email));
        }
    }

    [Fact]
    public async Task The_demo_has_tickets_in_every_status_some_overdue_and_escalated()
    {
        await SeedAsync();
        Assert.Equal(7L, await ScalarAsync<long>(Db, "SELECT count(DISTINCT status) FROM helpdesk.tickets"));
        // about one in ten open tickets overdue at seeding time (DemoAnchorTests checks the band)
        Assert.True(await ScalarAsync<long>(Db, """
            SELECT count(*) FROM helpdesk.tickets WHERE due_at < $1 AND status NOT IN ('RESOLVED', 'CLOSED')
            """, Fixture.Clock.GetUtcNow().UtcDateTime) >= 2);
        Assert.True(await ScalarAsync<long>(Db, "SELECT count(*) FROM helpdesk.tickets WHERE escalation_level > 0") > 5);
        Assert.True(await ScalarAsync<long>(Db, "SELECT count(*) FROM helpdesk.comments WHERE is_internal") > 5);
        Assert.True(await ScalarAsync<long>(Db, "SELECT count(*) FROM helpdesk.comments WHERE NOT is_internal") > 5);
        Assert.Equal(0L, await ScalarAsync<long>(Db,
            "SELECT count(*) FROM helpdesk.tickets t JOIN helpdesk.hostels h ON h.id = t.hostel_id WHERE t.metadata->>'hostel' <> h.name"));
        Assert.Equal(new[] { "Escalated", "My open tickets", "Overdue", "Unassigned in my categories" },
            await ListAsync<string>(Db, "SELECT name FROM helpdesk.saved_views WHERE owner_id IS NULL AND is_shared ORDER BY name"));
        Assert.True(await ScalarAsync<long>(Db, "SELECT count(*) FROM helpdesk.outbox WHERE processed_at IS NULL") > 0);
    }

    /// <summary>
    /// The large load's tickets as <see cref="BinaryCopyWriter"/> encodes them (decision 0045) at a small size, read
    /// back through the model: each row's category, subcategory, student, hostel, filled description, location,
    /// metadata and times as <c>LargeTickets</c> defines them, every status it writes.
    /// </summary>
    [Fact]
    public async Task The_large_tickets_encoded_for_copy_read_back_through_the_model()
    {
        var now = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        await using (var scope = Scope())
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
        await using var db = await Fixture.CreateDbContextAsync();
        var faker = new Bogus.Faker("en_IND") { Random = new Bogus.Randomizer(HelpdeskDemoData.Seed) };
        var campus = await DemoCampus.SeedAsync(db, CancellationToken.None);
        var people = await DemoPeople.SeedAsync(db, faker, campus, now, CancellationToken.None);
        var desk = await DemoDesk.SeedAsync(db, people, now, CancellationToken.None);
        await using (var source = AdminPortal.Data.DataSetup.BuildDataSource(Fixture.OwnerConnectionString))
            await LargeTickets.LoadAsync(source, campus, people, desk, now, 3_000, CancellationToken.None);

        var tickets = await db.Set<AdminPortal.Features.Tickets.Model.Ticket>().AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(3_000, tickets.Count);
        var students = people.Students.ToDictionary(s => s.UserId);
        var hostels = campus.Hostels.ToDictionary(h => h.Id);
        foreach (var t in tickets)
        {
            var student = students[t.CreatedBy];
            var hostel = hostels[t.HostelId!.Value];
            Assert.Equal(student.HostelId, t.HostelId);
            Assert.Equal($"{hostel.Name} {student.RoomNo}", t.Location);
            Assert.DoesNotContain("{", t.Description);
            var (category, plan, subs) = desk.Categories.Single(c => c.Category.Id == t.CategoryId);
            var sub = subs.FindIndex(s => s.Id == t.SubcategoryId);
            Assert.Contains(t.Title, plan.Subs[sub].Titles);
            Assert.Contains(t.Description, HelpdeskTexts.ByCategory[plan.Name].Descriptions
                .Select(d => d.Replace("{room}", student.RoomNo).Replace("{hostel}", hostel.Name)));
            Assert.Equal(hostel.Name, t.Metadata!.RootElement.GetProperty("hostel").GetString());
            Assert.Equal(student.RoomNo, t.Metadata.RootElement.GetProperty("room").GetString());
            Assert.Equal(student.RoomNo![2] - '0', t.Metadata.RootElement.GetProperty("floor").GetInt32());
            Assert.Equal(t.CreatedAt.AddHours(plan.Subs[sub].SlaHours ?? plan.SlaHours), t.DueAt!.Value, TimeSpan.FromMilliseconds(1));
            Assert.InRange(t.CreatedAt, now.AddDays(-DemoHistory.Days - 1), now);
            Assert.Equal(t.ResolvedAt is not null, t.Status is AdminPortal.Features.Tickets.Model.TicketStatus.Resolved or AdminPortal.Features.Tickets.Model.TicketStatus.Closed);
            Assert.Equal(t.PausedAt is not null, t.Status == AdminPortal.Features.Tickets.Model.TicketStatus.AwaitingStudentResponse);
            Assert.Equal(t.LastEscalationAt is not null, t.EscalationLevel > 0);
        }
        Assert.Equal(Enum.GetValues<AdminPortal.Features.Tickets.Model.TicketStatus>().Order(), tickets.Select(t => t.Status).Distinct().Order());
        Assert.Contains(tickets, t => t.AssignedTo is null);
        Assert.Contains(tickets, t => t.AssignedTo is not null);
        Assert.Contains(tickets, t => t.EscalationLevel == 2);
        // ids grow with created_at, as in a real table
        Assert.Equal(tickets.Select(t => t.CreatedAt).Order(), tickets.Select(t => t.CreatedAt));
    }
}
