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
}
