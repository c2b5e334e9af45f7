using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets.Demo;

/// <summary>Students (with their auth.users rows) and staff (the two demo accounts and the other campus staff).</summary>
internal sealed record DemoPeople(List<Student> Students, List<Staff> Staff, Dictionary<string, Staff> StaffByEmail)
{
    public static async Task<DemoPeople> SeedAsync(PortalDbContext db, Faker f, DemoCampus campus, DateTime now,
        CancellationToken ct)
    {
        var roles = await HelpdeskDemoData.RoleIdsAsync(db, ct);
        var studentUsers = new List<(PortalUser User, Hostel Hostel, Batch Batch)>();
        for (var i = 0; i < HelpdeskDemoData.DemoStudents; i++)
        {
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            var email = $"{first}.{last}.{i + 1}@students.campus.demo".ToLowerInvariant().Replace(' ', '.');
            var joined = now.AddDays(-f.Random.Int(30, 900));
            var user = HelpdeskDemoData.NewUser(f, email, $"{first} {last}", joined);
            var hostel = f.Random.WeightedRandom(campus.Hostels.ToArray(), [0.35f, 0.35f, 0.15f, 0.15f]);
            studentUsers.Add((user, hostel, f.PickRandom(campus.Batches)));
        }
        var staffUsers = new Dictionary<string, PortalUser>();
        var existing = await db.Users.Where(u => u.Email == DemoStaffPlan.StaffA || u.Email == DemoStaffPlan.StaffB)
            .ToDictionaryAsync(u => u.Email!, ct);
        foreach (var person in DemoStaffPlan.People)
        {
            if (existing.TryGetValue(person.Email, out var account))
            {
                staffUsers[person.Email] = account;
                continue;
            }
            var user = HelpdeskDemoData.NewUser(f, person.Email, person.Name, now.AddDays(-400));
            staffUsers[person.Email] = user;
            db.Add(user);
        }
        if (staffUsers.Count != DemoStaffPlan.People.Length || existing.Count != 2)
            throw new InvalidOperationException("Seed the demo accounts (staff.a, staff.b) before the helpdesk demo.");
        db.AddRange(studentUsers.Select(s => s.User));
        await db.SaveChangesAsync(ct);

        var students = studentUsers.Select((s, i) => new Student
        {
            UserId = s.User.Id,
            RollNo = $"{s.Batch.Year % 100:00}{HelpdeskCatalogue.Departments[i % 6][..2].ToUpperInvariant()}{i + 1:0000}",
            RoomNo = $"{"ABC"[i % 3]}-{f.Random.Int(1, 4)}{f.Random.Int(1, 30):00}",
            HostelId = s.Hostel.Id,
            BatchId = s.Batch.Id,
            ClassSectionId = campus.Sections.First(c => c.BatchId == s.Batch.Id && c.Name == HelpdeskCatalogue.Sections[i % 3]).Id,
            BatchYear = s.Batch.Year,
            Department = HelpdeskCatalogue.Departments[i % 6],
            Active = i % 40 != 39,
            CreatedAt = s.User.CreatedAt,
            UpdatedAt = s.User.CreatedAt,
        }).ToList();
        db.AddRange(students);
        db.AddRange(studentUsers.Select(s => new UserRole { UserId = s.User.Id, RoleId = roles[PortalRoles.User] }));

        var staff = DemoStaffPlan.People.Select(p => new Staff
        {
            UserId = staffUsers[p.Email].Id,
            FullName = p.Name,
            HostelId = p.HostelId,
            MaxOpenLoad = p.HostelId is null ? null : 40,
            CreatedAt = now.AddDays(-400),
            UpdatedAt = now.AddDays(-400),
        }).ToList();
        db.AddRange(staff);
        // The demo accounts already hold their hostel roles; hostel staff get theirs here, specialists get
        // category-scoped roles once the categories exist (DemoDesk).
        foreach (var p in DemoStaffPlan.People.Where(p => !existing.ContainsKey(p.Email) && p.HostelId is not null))
            db.Add(new UserRole
            {
                UserId = staffUsers[p.Email].Id, RoleId = roles[PortalRoles.Staff],
                Domain = ScopeDomains.Hostel, Scope = p.HostelId.ToString(),
            });
        await db.SaveChangesAsync(ct);
        var byEmail = DemoStaffPlan.People.Select((p, i) => (p.Email, staff[i])).ToDictionary(x => x.Email, x => x.Item2);
        return new DemoPeople(students, staff, byEmail);
    }
}
