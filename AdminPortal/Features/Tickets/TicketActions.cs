using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// Everything staff do to a ticket. Each action: the actor as the database says now, the ticket read in the actor's
/// scope (outside it: not found, logged), the change with its activity, audit record and outbox event in one
/// SaveChanges, checked against the version the user saw (xmin), then a change event after commit.
/// </summary>
public sealed class TicketActions(
    IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit, TicketAccessLog accessLog,
    IChangeFeed feed, TimeProvider clock)
{
    public const int MaxCommentLength = 4000;

    private sealed record Context(PortalDbContext Db, PortalActor Actor, Ticket Ticket, DateTime Now, TicketScopeRules Rules);

    /// <summary>Assigns the ticket to the acting staff member; an open ticket moves to in progress.</summary>
    public Task TakeAsync(ClaimsPrincipal user, int id, uint? version, CancellationToken ct = default) =>
        RunAsync(user, id, version, "taken", async c =>
        {
            var me = c.Rules.StaffId ?? throw new TicketValidationException("You have no staff profile to take tickets with.");
            var name = await c.Db.Set<Staff>().Where(s => s.Id == me).Select(s => s.FullName).SingleAsync(ct);
            var before = Snapshot(c.Ticket);
            Assign(c, me, name);
            if (c.Ticket.Status is TicketStatus.Open or TicketStatus.Reopened)
                SetStatus(c, TicketStatus.InProgress);
            audit.Add(c.Db, c.Actor.ToAudit(), "ticket.take", "ticket", Key(id), before, Snapshot(c.Ticket));
        }, ct);

    /// <summary>Assigns the ticket to a staff member of its category.</summary>
    public Task AssignAsync(ClaimsPrincipal user, int id, uint? version, int staffId, CancellationToken ct = default) =>
        RunAsync(user, id, version, "assigned", async c =>
        {
            var staff = await c.Db.Set<CategoryAssignment>().Where(a => a.CategoryId == c.Ticket.CategoryId && a.StaffId == staffId)
                .Select(a => new { a.Staff!.FullName, a.Staff.Active }).SingleOrDefaultAsync(ct)
                ?? throw new TicketValidationException("Pick a staff member of the ticket's category.", "assignee");
            if (!staff.Active)
                throw new TicketValidationException($"{staff.FullName} is not taking tickets now.", "assignee");
            if (c.Ticket.AssignedTo == staffId)
                throw new TicketValidationException($"It is already assigned to {staff.FullName}.", "assignee");
            var before = Snapshot(c.Ticket);
            Assign(c, staffId, staff.FullName);
            audit.Add(c.Db, c.Actor.ToAudit(), "ticket.assign", "ticket", Key(id), before, Snapshot(c.Ticket));
        }, ct);

    /// <summary>
    /// Moves the ticket along <see cref="TicketTransitions"/>. Resolving needs a note (sent to the student as a reply);
    /// forwarding needs another category and hands the ticket to that category's staff.
    /// </summary>
    public Task ChangeStatusAsync(ClaimsPrincipal user, int id, uint? version, TicketStatus to, string? note = null,
        int? forwardToCategoryId = null, CancellationToken ct = default) =>
        RunAsync(user, id, version, "status", async c =>
        {
            var from = c.Ticket.Status;
            if (!TicketTransitions.IsAllowed(from, to))
                throw new TicketValidationException(
                    $"A ticket that is {TicketStatuses.Label(from)} cannot become {TicketStatuses.Label(to)}.", "status");
            note = note?.Trim();
            if (to == TicketStatus.Resolved && string.IsNullOrEmpty(note))
                throw new TicketValidationException("Write a resolution note: the student reads it.", "note");
            if (note is { Length: > MaxCommentLength })
                throw new TicketValidationException($"Keep the note under {MaxCommentLength} characters.", "note");
            var before = Snapshot(c.Ticket);
            if (to == TicketStatus.Forwarded)
                await ForwardAsync(c, forwardToCategoryId, ct);
            SetStatus(c, to);
            if (to == TicketStatus.Resolved)
            {
                c.Db.Add(new Comment { TicketId = id, AuthorId = c.Actor.Id, Body = note!, IsInternal = false, CreatedAt = c.Now });
                c.Db.Add(TicketEvents.Activity(id, c.Actor.Id, "resolved", c.Now, new { note }));
                c.Db.Add(TicketEvents.Outbox(TicketEvents.Resolved, id, c.Actor.Id, c.Now));
            }
            else
                c.Db.Add(TicketEvents.Outbox(TicketEvents.StatusChanged, id, c.Actor.Id, c.Now));
            if (to == TicketStatus.Reopened)
                c.Ticket.DueAt = c.Now.AddHours(await SlaHoursAsync(c.Db, c.Ticket, ct));
            audit.Add(c.Db, c.Actor.ToAudit(), "ticket.status", "ticket", Key(id), before, Snapshot(c.Ticket), note);
        }, ct);

    /// <summary>Escalates by hand: one level up the category's ladder, with a reason.</summary>
    public Task EscalateAsync(ClaimsPrincipal user, int id, uint? version, string reason, CancellationToken ct = default) =>
        RunAsync(user, id, version, "escalated", async c =>
        {
            reason = reason?.Trim() ?? "";
            if (reason.Length == 0)
                throw new TicketValidationException("Say why it needs escalating.", "reason");
            if (!TicketStatuses.IsActive(c.Ticket.Status))
                throw new TicketValidationException("Only an active ticket can be escalated.", "reason");
            var before = Snapshot(c.Ticket);
            await Escalation.ApplyAsync(c.Db, c.Ticket, c.Actor.Id, reason, c.Now, ct);
            audit.Add(c.Db, c.Actor.ToAudit(), "ticket.escalate", "ticket", Key(id), before, Snapshot(c.Ticket), reason);
        }, ct);

    /// <summary>A reply the student sees, or an internal note for staff. Comments append: no version check.</summary>
    public Task CommentAsync(ClaimsPrincipal user, int id, string body, bool isInternal, CancellationToken ct = default) =>
        RunAsync(user, id, null, "commented", c =>
        {
            body = body?.Trim() ?? "";
            if (body.Length == 0)
                throw new TicketValidationException("Write something first.", "comment");
            if (body.Length > MaxCommentLength)
                throw new TicketValidationException($"Keep it under {MaxCommentLength} characters.", "comment");
            c.Db.Add(new Comment { TicketId = id, AuthorId = c.Actor.Id, Body = body, IsInternal = isInternal, CreatedAt = c.Now });
            if (!isInternal)
                c.Db.Add(TicketEvents.Outbox(TicketEvents.Commented, id, c.Actor.Id, c.Now));
            audit.Add(c.Db, c.Actor.ToAudit(), isInternal ? "ticket.note" : "ticket.reply", "ticket", Key(id),
                after: new { isInternal, length = body.Length });
            return Task.CompletedTask;
        }, ct, touchTicket: false);

    /// <summary>Applies one action to many tickets; each succeeds or fails on its own.</summary>
    public async Task<BulkResult> BulkAsync(IReadOnlyList<int> ids, Func<int, Task> action)
    {
        var failures = new List<string>();
        foreach (var id in ids)
        {
            try { await action(id); }
            catch (Exception ex) when (ex is TicketValidationException or TicketConflictException or TicketNotFoundException)
            {
                failures.Add($"#{id}: {ex.Message}");
            }
        }
        return new BulkResult(ids.Count - failures.Count, failures);
    }

    private async Task RunAsync(ClaimsPrincipal user, int id, uint? version, string verb, Func<Context, Task> change,
        CancellationToken ct, bool touchTicket = true)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await TicketScope.ForAsync(db, actor, ct);
        var ticket = await db.Set<Ticket>().Where(t => t.Id == id).Where(rules.Predicate()).SingleOrDefaultAsync(ct);
        if (ticket is null)
        {
            await accessLog.DeniedAsync(actor, id, ct);
            throw new TicketNotFoundException(id);
        }
        if (version is { } v)
        {
            if (ticket.Version != v)
                throw await ConflictAsync(db, id, ct);
            db.Entry(ticket).Property(t => t.Version).OriginalValue = v;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await change(new Context(db, actor, ticket, now, rules));
        if (touchTicket)
            ticket.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            throw await ConflictAsync(fresh, id, ct);
        }
        await feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, Key(id), verb, actor.Id, actor.Name), ct);
    }

    private static void Assign(Context c, int staffId, string name)
    {
        c.Ticket.AssignedTo = staffId;
        c.Db.Add(TicketEvents.Activity(c.Ticket.Id, c.Actor.Id, "assigned", c.Now, new { staffId, staffName = name }));
        c.Db.Add(TicketEvents.Outbox(TicketEvents.Assigned, c.Ticket.Id, c.Actor.Id, c.Now));
    }

    private static void SetStatus(Context c, TicketStatus to)
    {
        var t = c.Ticket;
        var from = t.Status;
        Sla.OnStatusChange(t, to, c.Now);
        t.Status = to;
        c.Db.Add(TicketEvents.Activity(t.Id, c.Actor.Id, "status_change", c.Now,
            new { from = TicketStatuses.Code(from), to = TicketStatuses.Code(to) }));
    }

    private static async Task ForwardAsync(Context c, int? categoryId, CancellationToken ct)
    {
        if (categoryId is not { } target || target == c.Ticket.CategoryId)
            throw new TicketValidationException("Pick the category to forward it to.", "category");
        if (!await c.Db.Set<Category>().AnyAsync(x => x.Id == target && x.Active, ct))
            throw new TicketValidationException("That category does not exist or is inactive.", "category");
        var from = c.Ticket.CategoryId;
        c.Ticket.CategoryId = target;
        c.Ticket.SubcategoryId = null;
        c.Db.Add(TicketEvents.Activity(c.Ticket.Id, c.Actor.Id, "forwarded", c.Now, new { fromCategoryId = from, toCategoryId = target }));
        var pick = await AutoAssigner.PickAsync(c.Db, target, c.Ticket.HostelId, ct);
        if (pick is not null)
            Assign(c, pick.StaffId, pick.Name);
        else
            c.Ticket.AssignedTo = null;
    }

    internal static async Task<int> SlaHoursAsync(PortalDbContext db, Ticket t, CancellationToken ct)
    {
        var sub = t.SubcategoryId is { } s
            ? await db.Set<Subcategory>().Where(x => x.Id == s).Select(x => x.SlaHours).SingleOrDefaultAsync(ct)
            : null;
        return sub ?? await db.Set<Category>().Where(x => x.Id == t.CategoryId).Select(x => (int?)x.SlaHours).SingleOrDefaultAsync(ct) ?? 48;
    }

    /// <summary>Who changed the ticket last, what and when: from its latest audit record.</summary>
    private static async Task<TicketConflictException> ConflictAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var key = Key(id);
        var last = await db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == "ticket" && a.EntityId == key && a.Action != TicketAccessLog.Action)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.ActorName, a.Action, a.After, a.At }).FirstOrDefaultAsync(ct);
        var what = last is null ? "changed it" : $"{Verb(last.Action)}{Changes(last.After)}";
        var who = last is null ? "Someone" : last.ActorName;
        var when = last is null ? "" : $" at {last.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
        return new TicketConflictException(
            $"{who} {what}{when}, after you opened this ticket. Nothing of yours was saved: reload to see the change.");
    }

    private static string Verb(string action) => action switch
    {
        "ticket.take" => "took it",
        "ticket.assign" => "reassigned it",
        "ticket.status" => "changed its status",
        "ticket.escalate" => "escalated it",
        _ => "changed it",
    };

    private static string Changes(JsonDocument? after)
    {
        if (after?.RootElement is not { ValueKind: JsonValueKind.Object } root)
            return "";
        return root.TryGetProperty("status", out var s) && TicketStatuses.Parse(s.GetString()) is { } status
            ? $" (now {TicketStatuses.Label(status)})" : "";
    }

    private static object Snapshot(Ticket t) => new
    {
        status = TicketStatuses.Code(t.Status), assignedTo = t.AssignedTo, categoryId = t.CategoryId,
        escalationLevel = t.EscalationLevel, dueAt = t.DueAt,
    };

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record BulkResult(int Succeeded, IReadOnlyList<string> Failures);
