using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets.Categories;

public sealed record CategoryCard(int Id, string Name, string? Description, int SlaHours, bool Active, uint Version,
    IReadOnlyList<SubcategoryLine> Subcategories, IReadOnlyList<AssignmentLine> Assignees, IReadOnlyList<RungLine> Ladder);

public sealed record SubcategoryLine(int Id, string Name, int? SlaHours, bool Active = true);

public sealed record AssignmentLine(int StaffId, string Name, bool IsPrimary, int Priority, string? Hostel);

public sealed record RungLine(int Level, int StaffId, string Name);

/// <summary>Admins' editing of categories: SLA hours, assignees (primary, priority) and the escalation ladder.</summary>
public sealed class CategoryAdmin(
    IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit, IChangeFeed feed)
{
    public const string EntityType = "ticket-category";
    public const int MaxSlaHours = 24 * 60;
    public const int MaxLadderLevel = 10;

    /// <summary>The input an SLA refusal names.</summary>
    public const string SlaField = "sla";

    public async Task<IReadOnlyList<CategoryCard>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await actors.RequireAsync(user, Permission.ManageCategories, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Category>().AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new CategoryCard(c.Id, c.Name, c.Description, c.SlaHours, c.Active, c.Version,
                c.Subcategories.OrderBy(s => s.Position).ThenBy(s => s.Name).Select(s => new SubcategoryLine(s.Id, s.Name, s.SlaHours, s.Active)).ToList(),
                db.Set<CategoryAssignment>().Where(a => a.CategoryId == c.Id)
                    .OrderByDescending(a => a.IsPrimary).ThenBy(a => a.Priority).ThenBy(a => a.Staff!.FullName)
                    .Select(a => new AssignmentLine(a.StaffId, a.Staff!.FullName, a.IsPrimary, a.Priority, a.Staff.Hostel!.Name)).ToList(),
                c.EscalationLadder.OrderBy(r => r.Level).Select(r => new RungLine(r.Level, r.StaffId, r.Staff!.FullName)).ToList()))
            .ToListAsync(ct);
    }

    /// <summary>Sets the category's SLA; new tickets take it from now on (existing due times stay as promised).</summary>
    public async Task<Outcome> SetSlaAsync(ClaimsPrincipal user, int categoryId, uint version, int slaHours, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.ManageCategories, ct);
        if (CheckSla(slaHours) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
            return Outcome.NotFound("That category no longer exists.");
        if (category.Version != version)
            return Outcome.Conflict($"{category.Name} was changed by someone else after you opened it. Reload to see it.");
        db.Entry(category).Property(c => c.Version).OriginalValue = version;
        var before = category.SlaHours;
        category.SlaHours = slaHours;
        audit.Add(db, actor.ToAudit(), "category.sla", EntityType, Key(categoryId), new { slaHours = before }, new { slaHours });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict($"{category.Name} was changed by someone else just now. Reload to see it.");
        }
        await PublishAsync(actor, categoryId, ct);
        return Outcome.Done($"{category.Name}: SLA {slaHours} h for new tickets");
    }

    /// <summary>Sets a subcategory's SLA override; null inherits the category's.</summary>
    public async Task<Outcome> SetSubcategorySlaAsync(ClaimsPrincipal user, int subcategoryId, int? slaHours, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.ManageCategories, ct);
        if (slaHours is { } h && CheckSla(h) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sub = await db.Set<Subcategory>().SingleOrDefaultAsync(s => s.Id == subcategoryId, ct);
        if (sub is null)
            return Outcome.NotFound("That subcategory no longer exists.");
        var before = sub.SlaHours;
        sub.SlaHours = slaHours;
        audit.Add(db, actor.ToAudit(), "subcategory.sla", EntityType, Key(sub.CategoryId),
            new { subcategoryId, slaHours = before }, new { subcategoryId, slaHours });
        await db.SaveChangesAsync(ct);
        await PublishAsync(actor, sub.CategoryId, ct);
        return Outcome.Done($"{sub.Name}: SLA {(slaHours is null ? "inherited" : $"{slaHours} h")}");
    }

    /// <summary>Adds or updates a staff member's assignment to a category; a new primary demotes the old one.</summary>
    public async Task<Outcome> SetAssigneeAsync(ClaimsPrincipal user, int categoryId, int staffId, bool isPrimary, int priority,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.ManageCategories, ct);
        if (priority is < 0 or > 100)
            return Outcome.Refused("Priority is 0 (asked first) to 100.", "priority");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Staff>().AnyAsync(s => s.Id == staffId, ct))
            return Outcome.Refused("Pick a staff member.", "staff");
        if (!await db.Set<Category>().AnyAsync(c => c.Id == categoryId, ct))
            return Outcome.NotFound("That category no longer exists.");
        var rows = await db.Set<CategoryAssignment>().Where(a => a.CategoryId == categoryId).ToListAsync(ct);
        var row = rows.SingleOrDefault(a => a.StaffId == staffId);
        if (row is null)
            db.Add(row = new CategoryAssignment { CategoryId = categoryId, StaffId = staffId });
        if (isPrimary)
            foreach (var other in rows.Where(a => a.StaffId != staffId))
                other.IsPrimary = false;
        row.IsPrimary = isPrimary;
        row.Priority = priority;
        audit.Add(db, actor.ToAudit(), "category.assignee", EntityType, Key(categoryId), after: new { staffId, isPrimary, priority });
        await db.SaveChangesAsync(ct);
        await PublishAsync(actor, categoryId, ct);
        return Outcome.Done("Assignees updated");
    }

    public async Task<Outcome> RemoveAssigneeAsync(ClaimsPrincipal user, int categoryId, int staffId, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.ManageCategories, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Set<CategoryAssignment>().RemoveRange(db.Set<CategoryAssignment>().Where(a => a.CategoryId == categoryId && a.StaffId == staffId));
        audit.Add(db, actor.ToAudit(), "category.assignee_removed", EntityType, Key(categoryId), before: new { staffId });
        await db.SaveChangesAsync(ct);
        await PublishAsync(actor, categoryId, ct);
        return Outcome.Done("Removed");
    }

    /// <summary>Sets who receives the ticket at a level of the ladder; null staff removes the rung.</summary>
    public async Task<Outcome> SetRungAsync(ClaimsPrincipal user, int categoryId, int level, int? staffId, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.ManageCategories, ct);
        if (level is < 1 or > MaxLadderLevel)
            return Outcome.Refused($"Levels go from 1 to {MaxLadderLevel}.", "level");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rung = await db.Set<CategoryEscalationRung>().SingleOrDefaultAsync(r => r.CategoryId == categoryId && r.Level == level, ct);
        if (staffId is null)
        {
            if (rung is not null)
                db.Remove(rung);
        }
        else if (rung is null)
            db.Add(new CategoryEscalationRung { CategoryId = categoryId, Level = level, StaffId = staffId.Value });
        else
            rung.StaffId = staffId.Value;
        audit.Add(db, actor.ToAudit(), "category.ladder", EntityType, Key(categoryId), after: new { level, staffId });
        await db.SaveChangesAsync(ct);
        await PublishAsync(actor, categoryId, ct);
        return Outcome.Done("Ladder updated");
    }

    private Task PublishAsync(PortalActor actor, int categoryId, CancellationToken ct) =>
        feed.PublishAsync(new ChangeEvent(EntityType, Key(categoryId), ChangeActions.Updated, actor.Id, actor.Name), ct);

    private static Outcome? CheckSla(int hours) =>
        hours is < 1 or > MaxSlaHours ? Outcome.Refused($"SLA is a whole number of hours from 1 to {MaxSlaHours}.", SlaField) : null;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
