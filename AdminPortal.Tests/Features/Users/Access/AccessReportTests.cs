using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Users.Access;

public sealed class AccessReportTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private T Service<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task Who_can_triage_a_hostel_and_category_follows_scope_matching()
    {
        await using (var db = await DbAsync())
        {
            db.Add(new AdminPortal.Features.Tickets.Model.Hostel { Id = 1, Name = "Neeladri" });
            db.Add(new AdminPortal.Features.Tickets.Model.Hostel { Id = 2, Name = "Velankani" });
            db.Add(new AdminPortal.Features.Tickets.Model.Category { Id = 7, Name = "Mess" });
            await db.SaveChangesAsync();
        }
        var messStaff = await CreateStaffAsync("mess@example.org", new RoleAssignments.Grant(PortalRoles.Staff, ScopeDomains.Category, 7));
        var report = Service<AccessReport>();
        var admin = await AdminAsync();
        var holders = await report.WhoCanAsync(admin, Permission.TriageTickets, hostelId: 1, categoryId: 7);
        Assert.Equal(["Asha Admin:Admin:everywhere", "New Person:Staff:category Mess", "Sana Staff:Staff:hostel Neeladri"],
            holders.Select(h => $"{h.Name}:{h.Role}:{h.Where}"));
        var hostelB = await report.WhoCanAsync(admin, Permission.TriageTickets, hostelId: 2, categoryId: null);
        Assert.Equal(["Asha Admin", "Sid Staff"], hostelB.Select(h => h.Name));
        var effective = await report.PermissionsOfAsync(admin, messStaff);
        Assert.Equal([Permission.ViewDashboard, Permission.TriageTickets], effective.Select(e => e.Permission));
        Assert.Equal(["Staff, category Mess"], effective.Single(e => e.Permission == Permission.TriageTickets).Sources);
    }
}
