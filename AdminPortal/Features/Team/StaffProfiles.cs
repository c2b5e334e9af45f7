using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Team;

/// <summary>
/// Admins' changes to a staff profile: capacity, categories with their assignment priority, and away/active with the
/// hand-off of open tickets (<see cref="StaffHandOff"/>). Each checks the profile's xmin (every change touches the
/// profile row, so a category edit is a new version too), writes its audit record in the same transaction and
/// publishes after commit; the hand-off also publishes each moved ticket, which the queues already listen to.
/// </summary>
public sealed class StaffProfiles(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public const string EntityType = StaffProfileInput.EntityType;
    public const string ReasonField = "reason";

    public static readonly ReasonRules Reason = new(3, 500,
        ["On leave", "Left the desk", "Back from leave", "Moved to another team", "Too many open tickets"]);

    /// <summary>What marking the person away would do to their open tickets, without doing it.</summary>
    public async Task<HandOffPlan?> PreviewHandOffAsync(ClaimsPrincipal by, int staffId, CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageStaff, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Staff>().AnyAsync(s => s.Id == staffId, ct))
            return null;
        return HandOffPlan.Of(await StaffHandOff.MovesAsync(db, staffId, ct));
    }

    /// <summary>
    /// Marks the person away (not taking tickets) or back; going away with <paramref name="handOff"/> hands their open
    /// tickets out by the auto-assignment rules in the same transaction (nobody to take one: it goes back to the queue).
    /// </summary>
    public async Task<Outcome> SetActiveAsync(ClaimsPrincipal by, int staffId, uint version, bool active, bool handOff, string? reason,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageStaff, ct);
        if (Reason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, ReasonField);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Set<Staff>().SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null)
            return Outcome.NotFound("There is no such staff member.");
        if (staff.Version != version)
            return await ConflictAsync(db, staffId, ct);
        if (staff.Active == active)
            return Outcome.Refused(active ? $"{staff.FullName} is already taking tickets." : $"{staff.FullName} is already away.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moves = !active && handOff ? await StaffHandOff.MovesAsync(db, staffId, ct) : [];
        Touch(db, staff, version, now);
        staff.Active = active;
        var note = ReasonRules.Normalize(reason);
        if (moves.Count > 0)
            await MoveAsync(db, actor, staff, moves, now, note, ct);
        audit.Add(db, actor.ToAudit(), active ? "staff.back" : "staff.away", EntityType, Key(staffId), new { active = !active },
            new { active, handedOff = moves.Select(m => new { ticketId = m.TicketId, to = m.ToStaffId }) }, note);
        if (await SaveAsync(db, staffId, ct) is { } conflict)
            return conflict;
        await tx.CommitAsync(ct);
        await PublishAsync(actor, staffId, active ? "back" : "away", ct);
        foreach (var move in moves)
            await feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, Key(move.TicketId), "assigned", actor.Id, actor.Name), ct);
        return Outcome.Done(active ? $"{staff.FullName} takes tickets again."
            : moves.Count == 0 ? $"{staff.FullName} is away; no ticket was handed out."
            : $"{staff.FullName} is away; {HandOffText(HandOffPlan.Of(moves))}.");
    }

    /// <summary>The most open tickets auto-assignment gives the person; null: no limit.</summary>
    public async Task<Outcome> SetCapacityAsync(ClaimsPrincipal by, int staffId, uint version, int? maxOpenLoad, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageStaff, ct);
        if (StaffProfileInput.CapacityProblem(maxOpenLoad) is { } problem)
            return Outcome.Refused(problem, StaffProfileInput.CapacityField);
        return await ChangeAsync(actor, staffId, version, "staff.capacity", async (db, staff) =>
        {
            var before = staff.MaxOpenLoad;
            staff.MaxOpenLoad = maxOpenLoad;
            await Task.CompletedTask;
            return (new { maxOpenLoad = before }, new { maxOpenLoad },
                $"{staff.FullName}: capacity {(maxOpenLoad is { } m ? $"{m} open tickets" : "no limit")}");
        }, ct);
    }

    /// <summary>Adds the person to a category, or changes their assignment priority in it.</summary>
    public async Task<Outcome> SetCategoryAsync(ClaimsPrincipal by, int staffId, uint version, int categoryId, int priority,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageStaff, ct);
        if (StaffProfileInput.PriorityProblem(priority) is { } problem)
            return Outcome.Refused(problem, StaffProfileInput.PriorityField);
        return await ChangeAsync(actor, staffId, version, "staff.category", async (db, staff) =>
        {
            var category = await db.Set<Category>().Where(c => c.Id == categoryId).Select(c => new { c.Name, c.Active }).SingleOrDefaultAsync(ct);
            if (category is null)
                return null;
            var row = await db.Set<CategoryAssignment>().SingleOrDefaultAsync(a => a.StaffId == staffId && a.CategoryId == categoryId, ct);
            if (row is null && !category.Active)
                return null;
            var before = row?.Priority;
            if (row is null)
                db.Add(row = new CategoryAssignment { StaffId = staffId, CategoryId = categoryId });
            row.Priority = priority;
            return (new { categoryId, priority = before }, new { categoryId, priority }, $"{staff.FullName}: {category.Name} at priority {priority}");
        }, ct, "Pick an active category.");
    }

    /// <summary>Takes the person out of a category (their open tickets of it stay theirs).</summary>
    public async Task<Outcome> RemoveCategoryAsync(ClaimsPrincipal by, int staffId, uint version, int categoryId, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageStaff, ct);
        return await ChangeAsync(actor, staffId, version, "staff.category_removed", async (db, staff) =>
        {
            var row = await db.Set<CategoryAssignment>().Include(a => a.Category)
                .SingleOrDefaultAsync(a => a.StaffId == staffId && a.CategoryId == categoryId, ct);
            if (row is null)
                return null;
            db.Remove(row);
            return (new { categoryId, row.Priority, row.IsPrimary }, null, $"{staff.FullName} no longer takes {row.Category!.Name}");
        }, ct, "They are not in that category.");
    }

    public static string HandOffText(HandOffPlan plan) => string.Join(", ", plan.Lines.Select(l =>
        l.To is null ? $"{Tickets(l.Tickets)} back to the queue (nobody free in the category)" : $"{Tickets(l.Tickets)} to {l.To}"));

    private static string Tickets(int n) => n == 1 ? "1 ticket" : $"{n} tickets";

    // change: (before, after, done message), or null when the thing it names is not there (refused with `missing`)
    private async Task<Outcome> ChangeAsync(PortalActor actor, int staffId, uint version, string action,
        Func<PortalDbContext, Staff, Task<(object? Before, object? After, string Done)?>> change, CancellationToken ct,
        string missing = "")
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Set<Staff>().SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null)
            return Outcome.NotFound("There is no such staff member.");
        if (staff.Version != version)
            return await ConflictAsync(db, staffId, ct);
        if (await change(db, staff) is not { } made)
            return Outcome.Refused(missing, StaffProfileInput.CategoriesField);
        Touch(db, staff, version, clock.GetUtcNow().UtcDateTime);
        audit.Add(db, actor.ToAudit(), action, EntityType, Key(staffId), made.Before, made.After);
        if (await SaveAsync(db, staffId, ct) is { } conflict)
            return conflict;
        await PublishAsync(actor, staffId, ChangeActions.Updated, ct);
        return Outcome.Done(made.Done);
    }

    private async Task MoveAsync(PortalDbContext db, PortalActor actor, Staff from, IReadOnlyList<HandOffMove> moves, DateTime now,
        string? reason, CancellationToken ct)
    {
        var ids = moves.Select(m => m.TicketId).ToList();
        var tickets = await db.Set<Ticket>().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var move in moves)
        {
            var ticket = tickets[move.TicketId];
            ticket.AssignedTo = move.ToStaffId;
            ticket.UpdatedAt = now;
            db.Add(TicketEvents.Activity(ticket.Id, actor.Id, move.ToStaffId is null ? "unassigned" : "assigned", now,
                new { staffId = move.ToStaffId, staffName = move.ToName, handedOffFrom = from.FullName }));
            if (move.ToStaffId is not null)
                db.Add(TicketEvents.Outbox(TicketEvents.Assigned, ticket.Id, actor.Id, now));
            audit.Add(db, actor.ToAudit(), "ticket.assign", "ticket", Key(ticket.Id), new { assignedTo = from.Id },
                new { assignedTo = move.ToStaffId }, reason is null ? $"handed off: {from.FullName} away" : $"handed off: {reason}");
        }
    }

    private static void Touch(PortalDbContext db, Staff staff, uint version, DateTime now)
    {
        db.Entry(staff).Property(s => s.Version).OriginalValue = version;
        staff.UpdatedAt = now;
    }

    private async Task<Outcome?> SaveAsync(PortalDbContext db, int staffId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, staffId, ct);
        }
    }

    private Task PublishAsync(PortalActor actor, int staffId, string action, CancellationToken ct) =>
        feed.PublishAsync(new ChangeEvent(EntityType, Key(staffId), action, actor.Id, actor.Name), ct);

    /// <summary>Who changed the profile last and when: from its latest audit record.</summary>
    private static async Task<Outcome> ConflictAsync(PortalDbContext db, int staffId, CancellationToken ct)
    {
        var key = Key(staffId);
        var last = await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.ActorName, a.At }).FirstOrDefaultAsync(ct);
        return Outcome.Conflict($"{last?.ActorName ?? "Someone"} changed this staff profile after you opened it. Nothing of yours was saved: reload to see it.",
            last?.ActorName, last is null ? null : new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
