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

/// <summary>What happens to a category's open tickets when it is deactivated.</summary>
public enum OpenTicketsChoice { Stay, Move }

/// <summary>
/// The category catalogue: create, rename, reorder, deactivate and reactivate categories and subcategories. A
/// deactivated category is offered for no new ticket; its open tickets stay in it, or move to an active category the
/// admin picks (each re-assigned there by the auto-assignment rules, as a forward is), in the same transaction.
/// </summary>
public sealed class CategoryCatalogue(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public const string EntityType = CategoryAdmin.EntityType;
    public const string NameField = "name", MoveToField = "moveTo", ReasonField = "reason";

    public static readonly TextRule NameRule = TextRules.For<Category>(c => c.Name, NameField, "The name", required: true);
    public static readonly TextRule SubNameRule = TextRules.For<Subcategory>(s => s.Name, NameField, "The name", required: true);

    public static readonly ReasonRules Reason = new(3, 500,
        ["No longer handled by the desk", "Merged into another category", "Seasonal, back next term", "Created by mistake"]);

    /// <summary>How many open tickets a category (or a subcategory) has now: what deactivating it would touch.</summary>
    public async Task<int> OpenTicketsAsync(ClaimsPrincipal by, int categoryId, int? subcategoryId = null, CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageCategories, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Open(db, categoryId, subcategoryId).CountAsync(ct);
    }

    public async Task<Outcome<int>> CreateAsync(ClaimsPrincipal by, string? name, int slaHours, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCategories, ct);
        var checkedName = NameRule.Check(name);
        if (!checkedName.Ok)
            return Outcome<int>.Failed(Outcome.Refused(checkedName.Problem!, NameField));
        if (slaHours is < 1 or > CategoryAdmin.MaxSlaHours)
            return Outcome<int>.Failed(Outcome.Refused($"SLA is a whole number of hours from 1 to {CategoryAdmin.MaxSlaHours}.", CategoryAdmin.SlaField));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Category>().AnyAsync(c => c.Name == checkedName.Value, ct))
            return Outcome<int>.Failed(Outcome.Refused("A category with this name exists.", NameField));
        var now = clock.GetUtcNow().UtcDateTime;
        var position = await db.Set<Category>().MaxAsync(c => (int?)c.Position, ct) ?? -1;
        var category = new Category { Name = checkedName.Value!, SlaHours = slaHours, Position = position + 1, CreatedAt = now, UpdatedAt = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(category);
        await db.SaveChangesAsync(ct); // the id the audit record names
        audit.Add(db, actor.ToAudit(), "category.create", EntityType, Key(category.Id), null, new { category.Name, slaHours });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(actor, category.Id, ChangeActions.Created, ct);
        return Outcome<int>.Done(category.Id, $"Created {category.Name}");
    }

    public async Task<Outcome> CreateSubcategoryAsync(ClaimsPrincipal by, int categoryId, string? name, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCategories, ct);
        if (SubNameRule.Refusal(name) is { } refused)
            return refused;
        var text = SubNameRule.Check(name).Value!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Category>().AnyAsync(c => c.Id == categoryId, ct))
            return Outcome.NotFound("That category no longer exists.");
        if (await db.Set<Subcategory>().AnyAsync(s => s.CategoryId == categoryId && s.Name == text, ct))
            return Outcome.Refused("The category has a subcategory of this name.", NameField);
        var position = await db.Set<Subcategory>().Where(s => s.CategoryId == categoryId).MaxAsync(s => (int?)s.Position, ct) ?? -1;
        db.Add(new Subcategory { CategoryId = categoryId, Name = text, Position = position + 1 });
        audit.Add(db, actor.ToAudit(), "subcategory.create", EntityType, Key(categoryId), null, new { name = text });
        await db.SaveChangesAsync(ct);
        await PublishAsync(actor, categoryId, ChangeActions.Updated, ct);
        return Outcome.Done($"Added {text}");
    }

    public async Task<Outcome> RenameAsync(ClaimsPrincipal by, int categoryId, uint version, string? name, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCategories, ct);
        if (NameRule.Refusal(name) is { } refused)
            return refused;
        var text = NameRule.Check(name).Value!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
            return Outcome.NotFound("That category no longer exists.");
        if (category.Version != version)
            return await ConflictAsync(db, categoryId, ct);
        if (await db.Set<Category>().AnyAsync(c => c.Name == text && c.Id != categoryId, ct))
            return Outcome.Refused("A category with this name exists.", NameField);
        var before = category.Name;
        category.Name = text;
        return await SaveAsync(db, actor, category, version, "category.rename", new { name = before }, new { name = text }, null,
            $"Renamed {before} to {text}", ct);
    }

    public async Task<Outcome> RenameSubcategoryAsync(ClaimsPrincipal by, int subcategoryId, string? name, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCategories, ct);
        if (SubNameRule.Refusal(name) is { } refused)
            return refused;
        var text = SubNameRule.Check(name).Value!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sub = await db.Set<Subcategory>().SingleOrDefaultAsync(s => s.Id == subcategoryId, ct);
        if (sub is null)
            return Outcome.NotFound("That subcategory no longer exists.");
        if (await db.Set<Subcategory>().AnyAsync(s => s.CategoryId == sub.CategoryId && s.Name == text && s.Id != subcategoryId, ct))
            return Outcome.Refused("The category has a subcategory of this name.", NameField);
        var before = sub.Name;
        sub.Name = text;
        audit.Add(db, actor.ToAudit(), "subcategory.rename", EntityType, Key(sub.CategoryId), new { subcategoryId, name = before }, new { subcategoryId, name = text });
        await db.SaveChangesAsync(ct);
        await PublishAsync(actor, sub.CategoryId, ChangeActions.Updated, ct);
        return Outcome.Done($"Renamed {before} to {text}");
    }

    /// <summary>Moves the category one place up (-1) or down (+1) in the order lists and pickers show.</summary>
    public async Task<Outcome> MoveAsync(ClaimsPrincipal by, int categoryId, int step, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCategories, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.Set<Category>().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        if (Reorder(all, all.FindIndex(c => c.Id == categoryId), step, (c, p) => c.Position = p) is { } refused)
            return refused;
        audit.Add(db, actor.ToAudit(), "category.reorder", EntityType, Key(categoryId), null, new { order = all.Select(c => c.Id) });
        await db.SaveChangesAsync(ct);
        await PublishAsync(actor, categoryId, ChangeActions.Updated, ct);
        return Outcome.Done("Order saved");
    }

    public async Task<Outcome> MoveSubcategoryAsync(ClaimsPrincipal by, int subcategoryId, int step, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCategories, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categoryId = await db.Set<Subcategory>().Where(s => s.Id == subcategoryId).Select(s => (int?)s.CategoryId).SingleOrDefaultAsync(ct);
        if (categoryId is null)
            return Outcome.NotFound("That subcategory no longer exists.");
        var all = await db.Set<Subcategory>().Where(s => s.CategoryId == categoryId).OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(ct);
        if (Reorder(all, all.FindIndex(s => s.Id == subcategoryId), step, (s, p) => s.Position = p) is { } refused)
            return refused;
        audit.Add(db, actor.ToAudit(), "subcategory.reorder", EntityType, Key(categoryId.Value), null, new { order = all.Select(s => s.Id) });
        await db.SaveChangesAsync(ct);
        await PublishAsync(actor, categoryId.Value, ChangeActions.Updated, ct);
        return Outcome.Done("Order saved");
    }

    /// <summary>
    /// Deactivates the category: no new ticket is raised in it; its open tickets stay, or move to
    /// <paramref name="moveTo"/> (an active category) where auto-assignment picks their assignee.
    /// </summary>
    public async Task<Outcome> DeactivateAsync(ClaimsPrincipal by, int categoryId, uint version, OpenTicketsChoice choice, int? moveTo,
        string? reason, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCategories, ct);
        if (Reason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, ReasonField);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
            return Outcome.NotFound("That category no longer exists.");
        if (category.Version != version)
            return await ConflictAsync(db, categoryId, ct);
        if (!category.Active)
            return Outcome.Refused($"{category.Name} is already inactive.");
        Category? target = null;
        if (choice == OpenTicketsChoice.Move
            && (moveTo == categoryId || (target = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == moveTo && c.Active, ct)) is null))
            return Outcome.Refused("Pick another active category to move the open tickets to.", MoveToField);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = new List<int>();
        if (target is not null)
        {
            foreach (var ticket in await Open(db, categoryId, null).OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync(ct))
            {
                await MoveTicketAsync(db, actor, ticket, category, target, now, ct);
                await db.SaveChangesAsync(ct); // the next pick counts this one's load
                moved.Add(ticket.Id);
            }
        }
        category.Active = false;
        var stayed = target is null ? await Open(db, categoryId, null).CountAsync(ct) : 0;
        var outcome = await SaveAsync(db, actor, category, version, "category.deactivate", new { active = true },
            new { active = false, movedTo = target?.Id, moved, stayed }, ReasonRules.Normalize(reason),
            target is null ? $"{category.Name} is inactive; {stayed} open ticket(s) stay in it" : $"{category.Name} is inactive; {moved.Count} open ticket(s) moved to {target.Name}",
            ct);
        if (!outcome.Succeeded)
            return outcome;
        await tx.CommitAsync(ct);
        foreach (var id in moved)
            await feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, Key(id), "forwarded", actor.Id, actor.Name), ct);
        return outcome;
    }

    public async Task<Outcome> ReactivateAsync(ClaimsPrincipal by, int categoryId, uint version, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCategories, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
            return Outcome.NotFound("That category no longer exists.");
        if (category.Version != version)
            return await ConflictAsync(db, categoryId, ct);
        if (category.Active)
            return Outcome.Refused($"{category.Name} is already active.");
        category.Active = true;
        return await SaveAsync(db, actor, category, version, "category.reactivate", new { active = false }, new { active = true }, null,
            $"{category.Name} takes new tickets again", ct);
    }

    /// <summary>Deactivates or reactivates a subcategory; its open tickets stay in it, or leave it (keeping their category).</summary>
    public async Task<Outcome> SetSubcategoryActiveAsync(ClaimsPrincipal by, int subcategoryId, bool active, bool clearOpenTickets,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCategories, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sub = await db.Set<Subcategory>().SingleOrDefaultAsync(s => s.Id == subcategoryId, ct);
        if (sub is null)
            return Outcome.NotFound("That subcategory no longer exists.");
        if (sub.Active == active)
            return Outcome.Refused(active ? $"{sub.Name} is already active." : $"{sub.Name} is already inactive.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cleared = !active && clearOpenTickets
            ? await Open(db, sub.CategoryId, subcategoryId).ExecuteUpdateAsync(s => s.SetProperty(t => t.SubcategoryId, (int?)null)
                .SetProperty(t => t.UpdatedAt, now), ct)
            : 0;
        sub.Active = active;
        audit.Add(db, actor.ToAudit(), active ? "subcategory.reactivate" : "subcategory.deactivate", EntityType, Key(sub.CategoryId),
            new { subcategoryId, active = !active }, new { subcategoryId, active, clearedOpenTickets = cleared });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(actor, sub.CategoryId, ChangeActions.Updated, ct);
        return Outcome.Done(active ? $"{sub.Name} is active again" : $"{sub.Name} is inactive{(cleared > 0 ? $"; {cleared} open ticket(s) left it" : "")}");
    }

    private static IQueryable<Ticket> Open(PortalDbContext db, int categoryId, int? subcategoryId)
    {
        var active = TicketStatuses.Active;
        var open = db.Set<Ticket>().Where(t => t.CategoryId == categoryId && active.Contains(t.Status));
        return subcategoryId is { } sub ? open.Where(t => t.SubcategoryId == sub) : open;
    }

    private static async Task MoveTicketAsync(PortalDbContext db, PortalActor actor, Ticket ticket, Category from, Category to, DateTime now,
        CancellationToken ct)
    {
        ticket.CategoryId = to.Id;
        ticket.SubcategoryId = null;
        ticket.UpdatedAt = now;
        db.Add(TicketEvents.Activity(ticket.Id, actor.Id, "forwarded", now, new { fromCategoryId = from.Id, toCategoryId = to.Id }));
        var pick = await AutoAssigner.PickAsync(db, to.Id, ticket.HostelId, ct);
        ticket.AssignedTo = pick?.StaffId;
        if (pick is not null)
        {
            db.Add(TicketEvents.Activity(ticket.Id, actor.Id, "assigned", now, new { staffId = pick.StaffId, staffName = pick.Name }));
            db.Add(TicketEvents.Outbox(TicketEvents.Assigned, ticket.Id, actor.Id, now));
        }
    }

    private static Outcome? Reorder<T>(List<T> all, int index, int step, Action<T, int> setPosition)
    {
        if (index < 0)
            return Outcome.NotFound("It no longer exists.");
        if (step is not (-1 or 1) || index + step < 0 || index + step >= all.Count)
            return Outcome.Refused(step < 0 ? "It is already first." : "It is already last.");
        (all[index], all[index + step]) = (all[index + step], all[index]);
        for (var i = 0; i < all.Count; i++)
            setPosition(all[i], i);
        return null;
    }

    private async Task<Outcome> SaveAsync(PortalDbContext db, PortalActor actor, Category category, uint version, string action,
        object before, object after, string? reason, string done, CancellationToken ct)
    {
        db.Entry(category).Property(c => c.Version).OriginalValue = version;
        category.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(db, actor.ToAudit(), action, EntityType, Key(category.Id), before, after, reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, category.Id, ct);
        }
        await PublishAsync(actor, category.Id, ChangeActions.Updated, ct);
        return Outcome.Done(done);
    }

    private static async Task<Outcome> ConflictAsync(PortalDbContext db, int categoryId, CancellationToken ct)
    {
        var key = Key(categoryId);
        var last = await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.ActorName, a.At }).FirstOrDefaultAsync(ct);
        return Outcome.Conflict($"{last?.ActorName ?? "Someone"} changed this category after you opened it. Nothing of yours was saved: reload to see it.",
            last?.ActorName, last is null ? null : new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
    }

    private Task PublishAsync(PortalActor actor, int categoryId, string action, CancellationToken ct) =>
        feed.PublishAsync(new ChangeEvent(EntityType, Key(categoryId), action, actor.Id, actor.Name), ct);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
