using AdminPortal.Data.Identity;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users;
using AdminPortal.Security;

namespace AdminPortal.Features.Tickets.Demo;

/// <summary>Categories, subcategories, assignments, escalation ladders, category roles, settings and saved views.</summary>
internal sealed record DemoDesk(
    List<(Category Category, HelpdeskCatalogue.Cat Plan, List<Subcategory> Subs)> Categories,
    Dictionary<int, List<CategoryAssignment>> AssigneesByCategory,
    Dictionary<int, List<Staff>> LadderByCategory)
{
    public static async Task<DemoDesk> SeedAsync(PortalDbContext db, DemoPeople people, DateTime now, CancellationToken ct)
    {
        var categories = HelpdeskCatalogue.Categories.Select(plan =>
        {
            var category = new Category
            {
                Name = plan.Name, Description = plan.Description, SlaHours = plan.SlaHours,
                CreatedAt = now.AddDays(-500), UpdatedAt = now.AddDays(-500),
            };
            var subs = plan.Subs.Select(s => new Subcategory { Category = category, Name = s.Name, SlaHours = s.SlaHours }).ToList();
            category.Subcategories = subs;
            return (category, plan, subs);
        }).ToList();
        db.AddRange(categories.Select(c => c.category));
        await db.SaveChangesAsync(ct);
        var byName = categories.ToDictionary(c => c.category.Name, c => c.category);

        var assignments = new List<CategoryAssignment>();
        foreach (var person in DemoStaffPlan.People)
        {
            var staff = people.StaffByEmail[person.Email];
            for (var i = 0; i < person.Categories.Length; i++)
                assignments.Add(new CategoryAssignment
                {
                    CategoryId = byName[person.Categories[i]].Id, StaffId = staff.Id,
                    IsPrimary = person.Primary,
                    Priority = person.HostelId is null ? 1 : 0,
                });
        }
        db.AddRange(assignments);
        var rungs = DemoStaffPlan.Ladders.SelectMany(l => l.Value.Select((email, i) => new CategoryEscalationRung
        {
            CategoryId = byName[l.Key].Id, Level = i + 1, StaffId = people.StaffByEmail[email].Id,
        })).ToList();
        db.AddRange(rungs);

        var roles = await HelpdeskDemoData.RoleIdsAsync(db, ct);
        foreach (var person in DemoStaffPlan.People.Where(p => p.HostelId is null))
        {
            var scopes = person.Categories
                .Union(DemoStaffPlan.Ladders.Where(l => l.Value.Contains(person.Email)).Select(l => l.Key));
            foreach (var name in scopes)
                db.Add(new UserRole
                {
                    UserId = people.StaffByEmail[person.Email].UserId, RoleId = roles[PortalRoles.Staff],
                    Domain = ScopeDomains.Category, Scope = byName[name].Id.ToString(),
                });
        }

        var preferences = JsonSerializer.SerializeToDocument(new { ticket_updates = true, escalations = true, digest = "daily" });
        db.AddRange(people.Staff.Select(s => new NotificationSetting { UserId = s.UserId, Preferences = preferences, UpdatedAt = now.AddDays(-500) }));
        db.AddRange(people.Students.Where((_, i) => i % 3 == 0).Select((s, i) => new NotificationSetting
        {
            UserId = s.UserId, EmailEnabled = true, SlackEnabled = false, UpdatedAt = now.AddDays(-500),
            Preferences = JsonSerializer.SerializeToDocument(new { ticket_updates = i % 2 == 0, digest = "off" }),
        }));
        db.AddRange(DefaultViews.Select(v => new SavedView { Name = v.Name, Query = v.Query, IsShared = true, CreatedAt = now.AddDays(-500) }));
        await db.SaveChangesAsync(ct);

        return new DemoDesk(categories,
            assignments.GroupBy(a => a.CategoryId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Priority).ThenByDescending(a => a.IsPrimary).ToList()),
            rungs.GroupBy(r => r.CategoryId).ToDictionary(g => g.Key,
                g => g.OrderBy(r => r.Level).Select(r => people.Staff.First(s => s.Id == r.StaffId)).ToList()));
    }

    /// <summary>The queue's shared default views (owner NULL): the ticket queue's query-string vocabulary.</summary>
    public static readonly (string Name, string Query)[] DefaultViews =
    [
        ("My open tickets", "assignee=me&status=OPEN,IN_PROGRESS,AWAITING_STUDENT_RESPONSE,REOPENED"),
        ("Unassigned in my categories", "assignee=none&scope=my-categories"),
        ("Overdue", "overdue=true&sort=due_at"),
        ("Escalated", "escalated=true&sort=-escalation_level"),
    ];
}
