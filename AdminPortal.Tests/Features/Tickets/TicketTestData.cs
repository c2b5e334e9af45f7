using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using AdminPortal.Tests.Data;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Tickets;

/// <summary>
/// A small helpdesk: hostels A and B, category Maintenance (SLA 24 h, Plumbing 12 h) staffed by hostel staff A and B
/// and a specialist (primary), a two-rung ladder (specialist, warden), an admin and one student per hostel.
/// </summary>
internal sealed class TicketTestData
{
    public required Hostel HostelA { get; init; }
    public required Hostel HostelB { get; init; }
    public required Category Maintenance { get; init; }
    public required Subcategory Plumbing { get; init; }
    public required Category Mess { get; init; }
    public required Staff StaffA { get; init; }
    public required Staff StaffB { get; init; }
    public required Staff Specialist { get; init; }
    public required Staff Warden { get; init; }
    public required PortalUser Admin { get; init; }
    public required PortalUser StudentA { get; init; }
    public required PortalUser StudentB { get; init; }

    public static ClaimsPrincipal As(int userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "test"));

    public ClaimsPrincipal AsStaffA => As(StaffA.UserId);
    public ClaimsPrincipal AsStaffB => As(StaffB.UserId);
    public ClaimsPrincipal AsAdmin => As(Admin.Id);

    public static async Task<TicketTestData> CreateAsync(PostgresFixture fixture)
    {
        await AdminAccounts.EnsureRolesAsync(fixture.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>());
        await using var db = await fixture.CreateDbContextAsync();
        var roles = await db.PortalRoles.ToDictionaryAsync(r => r.Name, r => r.Id);
        var hostelA = new Hostel { Name = "Neeladri" };
        var hostelB = new Hostel { Name = "Velankani" };
        var plumbing = new Subcategory { Name = "Plumbing", SlaHours = 12 };
        var maintenance = new Category { Name = "Maintenance", SlaHours = 24, Subcategories = [plumbing, new Subcategory { Name = "Carpentry" }] };
        var mess = new Category { Name = "Mess", SlaHours = 24 };
        db.AddRange(hostelA, hostelB, maintenance, mess);
        Staff NewStaff(string name, Hostel? hostel) =>
            new() { User = HelpdeskTestData.User($"{name.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org"), FullName = name, Hostel = hostel };
        var staffA = NewStaff("Sana", hostelA);
        var staffB = NewStaff("Sid", hostelB);
        var specialist = NewStaff("Suresh", null);
        var warden = NewStaff("Rao", null);
        db.AddRange(staffA, staffB, specialist, warden);
        var admin = HelpdeskTestData.User($"admin.{Guid.NewGuid():N}@example.org");
        var studentA = HelpdeskTestData.User($"student.a.{Guid.NewGuid():N}@example.org");
        var studentB = HelpdeskTestData.User($"student.b.{Guid.NewGuid():N}@example.org");
        db.Users.AddRange(admin, studentA, studentB);
        await db.SaveChangesAsync();
        db.AddRange(
            new Student { UserId = studentA.Id, RollNo = $"A{studentA.Id}", RoomNo = "A-101", HostelId = hostelA.Id },
            new Student { UserId = studentB.Id, RollNo = $"B{studentB.Id}", RoomNo = "B-202", HostelId = hostelB.Id },
            new CategoryAssignment { CategoryId = maintenance.Id, StaffId = staffA.Id, Priority = 0 },
            new CategoryAssignment { CategoryId = maintenance.Id, StaffId = staffB.Id, Priority = 0 },
            new CategoryAssignment { CategoryId = maintenance.Id, StaffId = specialist.Id, IsPrimary = true, Priority = 1 },
            new CategoryAssignment { CategoryId = mess.Id, StaffId = staffA.Id, Priority = 0 },
            new CategoryEscalationRung { CategoryId = maintenance.Id, Level = 1, StaffId = specialist.Id },
            new CategoryEscalationRung { CategoryId = maintenance.Id, Level = 2, StaffId = warden.Id },
            new UserRole { UserId = admin.Id, RoleId = roles[PortalRoles.Admin] },
            new UserRole { UserId = staffA.UserId, RoleId = roles[PortalRoles.Staff], Domain = ScopeDomains.Hostel, Scope = hostelA.Id.ToString() },
            new UserRole { UserId = staffB.UserId, RoleId = roles[PortalRoles.Staff], Domain = ScopeDomains.Hostel, Scope = hostelB.Id.ToString() },
            new UserRole { UserId = specialist.UserId, RoleId = roles[PortalRoles.Staff], Domain = ScopeDomains.Category, Scope = maintenance.Id.ToString() },
            new UserRole { UserId = warden.UserId, RoleId = roles[PortalRoles.Staff], Domain = ScopeDomains.Category, Scope = maintenance.Id.ToString() });
        await db.SaveChangesAsync();
        return new TicketTestData
        {
            HostelA = hostelA, HostelB = hostelB, Maintenance = maintenance, Plumbing = plumbing, Mess = mess,
            StaffA = staffA, StaffB = staffB, Specialist = specialist, Warden = warden, Admin = admin,
            StudentA = studentA, StudentB = studentB,
        };
    }

    /// <summary>A ticket straight into the table (not through intake), in the given hostel and state.</summary>
    public async Task<Ticket> TicketAsync(PostgresFixture fixture, Hostel hostel, TicketStatus status = TicketStatus.Open,
        Staff? assignee = null, DateTime? dueAt = null, string title = "Tap leaking", Category? category = null)
    {
        await using var db = await fixture.CreateDbContextAsync();
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            Title = title, Status = status, CategoryId = (category ?? Maintenance).Id, HostelId = hostel.Id,
            CreatedBy = hostel.Id == HostelA.Id ? StudentA.Id : StudentB.Id, AssignedTo = assignee?.Id,
            CreatedAt = now, UpdatedAt = now, DueAt = dueAt ?? now.AddHours(24),
        };
        db.Add(ticket);
        await db.SaveChangesAsync();
        return ticket;
    }

    public static async Task<Ticket> ReloadAsync(PostgresFixture fixture, int id)
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == id);
    }
}
