using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users;

namespace AdminPortal.Tests.Features.Tickets;

/// <summary>The least data a ticket needs: a student user, and optionally a staff member to assign it to.</summary>
internal static class HelpdeskTestData
{
    public static PortalUser User(string email) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
        NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString("N"), Name = email,
    };

    public static async Task<Ticket> TicketAsync(PortalDbContext db, string title = "Fan not working", bool assigned = false)
    {
        var student = User($"student.{Guid.NewGuid():N}@example.org");
        db.Users.Add(student);
        Staff? staff = null;
        if (assigned)
        {
            var staffUser = User($"staff.{Guid.NewGuid():N}@example.org");
            db.Users.Add(staffUser);
            staff = new Staff { User = staffUser, FullName = "Test Staff" };
            db.Add(staff);
        }
        var ticket = new Ticket { Title = title, Creator = student, Assignee = staff };
        db.Add(ticket);
        await db.SaveChangesAsync();
        return ticket;
    }
}
