using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// Everything staff do to a ticket. Each action: the actor as the database says now, the ticket read in the actor's
/// scope (outside it: not found, logged), the change with its activity, audit record and outbox event in one
/// SaveChanges, checked against the version the user saw (xmin), then a change event after commit. Every action
/// answers with an <see cref="Outcome"/>; only <see cref="OutcomeKind.Done"/> changed anything.
/// </summary>
public sealed class TicketActions(
    IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit, TicketAccessLog accessLog,
    IChangeFeed feed, TimeProvider clock)
{
    public const int MaxCommentLength = 4000;

    // the text rules (TextRules): multi-line, NFC, no control characters, at most MaxCommentLength
    public static readonly TextRule CommentRule = TextRules.For<Comment>(c => c.Body, TicketFields.Comment, "The comment",
        cap: MaxCommentLength, multiLine: true, required: true);
    public static readonly TextRule NoteRule = TextRules.For<Comment>(c => c.Body, TicketFields.Note, "The note",
        cap: MaxCommentLength, multiLine: true);

    /// <summary>The most tickets one bulk action touches.</summary>
    public const int MaxBulk = 100;

    /// <summary>What an escalation's reason must be (the reason dialog takes the same rules).</summary>
    public static readonly ReasonRules EscalateReason = new(3, 500,
        ["Overdue with no reply", "Student waiting for days", "Needs the warden", "Safety concern"]);

    private sealed record Context(PortalDbContext Db, PortalActor Actor, Ticket Ticket, DateTime Now, TicketScopeRules Rules);

    /// <summary>Assigns the ticket to the acting staff member; an open ticket moves to in progress.</summary>
    public Task<Outcome> TakeAsync(ClaimsPrincipal user, int id, uint? version, CancellationToken ct = default) =>
        RunAsync(user, id, version, "taken", "You took the ticket", async c =>
        {
            if (c.Rules.StaffId is not { } me)
                return Outcome.Refused("You have no staff profile to take tickets with.");
            var name = await c.Db.Set<Staff>().Where(s => s.Id == me).Select(s => s.FullName).SingleAsync(ct);
            var before = Snapshot(c.Ticket);
            Assign(c, me, name);
            if (c.Ticket.Status is TicketStatus.Open or TicketStatus.Reopened)
                SetStatus(c, TicketStatus.InProgress);
            audit.Add(c.Db, c.Actor.ToAudit(), "ticket.take", "ticket", Key(id), before, Snapshot(c.Ticket));
            return null;
        }, ct);

    /// <summary>Assigns the ticket to a staff member of its category.</summary>
    public Task<Outcome> AssignAsync(ClaimsPrincipal user, int id, uint? version, int staffId, CancellationToken ct = default) =>
        RunAsync(user, id, version, "assigned", "Assigned", async c =>
        {
            var staff = await c.Db.Set<CategoryAssignment>().Where(a => a.CategoryId == c.Ticket.CategoryId && a.StaffId == staffId)
                .Select(a => new { a.Staff!.FullName, a.Staff.Active }).SingleOrDefaultAsync(ct);
            if (staff is null)
                return Outcome.Refused("Pick a staff member of the ticket's category.", TicketFields.Assignee);
            if (!staff.Active)
                return Outcome.Refused($"{staff.FullName} is not taking tickets now.", TicketFields.Assignee);
            if (c.Ticket.AssignedTo == staffId)
                return Outcome.Refused($"It is already assigned to {staff.FullName}.", TicketFields.Assignee);
            var before = Snapshot(c.Ticket);
            Assign(c, staffId, staff.FullName);
            audit.Add(c.Db, c.Actor.ToAudit(), "ticket.assign", "ticket", Key(id), before, Snapshot(c.Ticket));
            return null;
        }, ct);

    /// <summary>
    /// Moves the ticket along <see cref="TicketTransitions"/>. Resolving needs a note (sent to the student as a reply);
    /// forwarding needs another category and hands the ticket to that category's staff.
    /// </summary>
    public Task<Outcome> ChangeStatusAsync(ClaimsPrincipal user, int id, uint? version, TicketStatus to, string? note = null,
        int? forwardToCategoryId = null, CancellationToken ct = default) =>
        RunAsync(user, id, version, "status", "Status updated", async c =>
        {
            var from = c.Ticket.Status;
            if (!TicketTransitions.IsAllowed(from, to))
                return Outcome.Refused(
                    $"A ticket that is {TicketStatuses.Label(from)} cannot become {TicketStatuses.Label(to)}.", TicketFields.Status);
            if (NoteRule.Refusal(note) is { } badNote)
                return badNote;
            note = NoteRule.Check(note).Value;
            if (to == TicketStatus.Resolved && string.IsNullOrEmpty(note))
                return Outcome.Refused("Write a resolution note: the student reads it.", TicketFields.Note);
            var before = Snapshot(c.Ticket);
            if (to == TicketStatus.Forwarded && await ForwardAsync(c, forwardToCategoryId, ct) is { } refused)
                return refused;
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
            return null;
        }, ct);

    /// <summary>Escalates by hand: one level up the category's ladder, with a reason (<see cref="EscalateReason"/>).</summary>
    public Task<Outcome> EscalateAsync(ClaimsPrincipal user, int id, uint? version, string reason, CancellationToken ct = default) =>
        RunAsync(user, id, version, "escalated", "Escalated", async c =>
        {
            if (EscalateReason.Problem(reason) is { } problem)
                return Outcome.Refused(problem, TicketFields.Reason);
            if (!TicketStatuses.IsActive(c.Ticket.Status))
                return Outcome.Refused("Only an active ticket can be escalated.", TicketFields.Reason);
            var text = ReasonRules.Normalize(reason)!;
            var before = Snapshot(c.Ticket);
            await Escalation.ApplyAsync(c.Db, c.Ticket, c.Actor.Id, text, c.Now, ct);
            audit.Add(c.Db, c.Actor.ToAudit(), "ticket.escalate", "ticket", Key(id), before, Snapshot(c.Ticket), text);
            return null;
        }, ct);

    /// <summary>A reply the student sees, or an internal note for staff. Comments append: no version check.</summary>
    public Task<Outcome> CommentAsync(ClaimsPrincipal user, int id, string body, bool isInternal, CancellationToken ct = default) =>
        RunAsync(user, id, null, "commented", isInternal ? "Note added" : "Reply sent", c =>
        {
            if (string.IsNullOrWhiteSpace(body))
                return Task.FromResult<Outcome?>(Outcome.Refused("Write something first.", TicketFields.Comment));
            if (CommentRule.Refusal(body) is { } badBody)
                return Task.FromResult<Outcome?>(badBody);
            body = CommentRule.Check(body).Value!;
            c.Db.Add(new Comment { TicketId = id, AuthorId = c.Actor.Id, Body = body, IsInternal = isInternal, CreatedAt = c.Now });
            if (!isInternal)
                c.Db.Add(TicketEvents.Outbox(TicketEvents.Commented, id, c.Actor.Id, c.Now));
            audit.Add(c.Db, c.Actor.ToAudit(), isInternal ? "ticket.note" : "ticket.reply", "ticket", Key(id),
                after: new { isInternal, length = body.Length });
            return Task.FromResult<Outcome?>(null);
        }, ct, touchTicket: false);

    /// <summary>Assigns many tickets to one staff member; each is done or skipped on its own.</summary>
    public Task<BulkSummary> AssignManyAsync(ClaimsPrincipal user, IReadOnlyList<TicketRef> tickets, int staffId,
        CancellationToken ct = default) =>
        BulkAsync(tickets, id => AssignAsync(user, id, null, staffId, ct));

    /// <summary>Moves many tickets to one status; each is done or skipped on its own.</summary>
    public Task<BulkSummary> ChangeStatusManyAsync(ClaimsPrincipal user, IReadOnlyList<TicketRef> tickets, TicketStatus to,
        CancellationToken ct = default) =>
        BulkAsync(tickets, id => ChangeStatusAsync(user, id, null, to, ct: ct));

    private static async Task<BulkSummary> BulkAsync(IReadOnlyList<TicketRef> tickets, Func<int, Task<Outcome>> action)
    {
        var skipped = new List<BulkSkip>();
        var done = 0;
        foreach (var ticket in tickets.Take(MaxBulk))
        {
            var outcome = await action(ticket.Id);
            if (outcome.Succeeded)
                done++;
            else
                skipped.Add(new BulkSkip(Key(ticket.Id), ticket.Title, outcome.Message));
        }
        return new BulkSummary(done, skipped, Capped: tickets.Count > MaxBulk);
    }

    // change: null when it made its change, else the refusal (nothing is saved then)
    private async Task<Outcome> RunAsync(ClaimsPrincipal user, int id, uint? version, string verb, string done,
        Func<Context, Task<Outcome?>> change, CancellationToken ct, bool touchTicket = true)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await TicketScope.ForAsync(db, actor, ct);
        var ticket = await db.Set<Ticket>().Where(t => t.Id == id).Where(rules.Predicate()).SingleOrDefaultAsync(ct);
        if (ticket is null)
        {
            await accessLog.DeniedAsync(actor, id, ct);
            return Outcome.NotFound($"Ticket #{Key(id)} was not found.");
        }
        if (version is { } v)
        {
            if (ticket.Version != v)
                return await ConflictAsync(db, id, ct);
            db.Entry(ticket).Property(t => t.Version).OriginalValue = v;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (await change(new Context(db, actor, ticket, now, rules)) is { } refused)
            return refused;
        if (touchTicket)
            ticket.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, id, ct);
        }
        await feed.PublishAsync(new ChangeEvent(EntityTypes.Ticket, Key(id), verb, actor.Id, actor.Name), ct);
        return Outcome.Done(done);
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

    private static async Task<Outcome?> ForwardAsync(Context c, int? categoryId, CancellationToken ct)
    {
        if (categoryId is not { } target || target == c.Ticket.CategoryId)
            return Outcome.Refused("Pick the category to forward it to.", TicketFields.ForwardTo);
        if (!await c.Db.Set<Category>().AnyAsync(x => x.Id == target && x.Active, ct))
            return Outcome.Refused("That category does not exist or is inactive.", TicketFields.ForwardTo);
        var from = c.Ticket.CategoryId;
        c.Ticket.CategoryId = target;
        c.Ticket.SubcategoryId = null;
        c.Db.Add(TicketEvents.Activity(c.Ticket.Id, c.Actor.Id, "forwarded", c.Now, new { fromCategoryId = from, toCategoryId = target }));
        var pick = await AutoAssigner.PickAsync(c.Db, target, c.Ticket.HostelId, ct);
        if (pick is not null)
            Assign(c, pick.StaffId, pick.Name);
        else
            c.Ticket.AssignedTo = null;
        return null;
    }

    internal static async Task<int> SlaHoursAsync(PortalDbContext db, Ticket t, CancellationToken ct)
    {
        var sub = t.SubcategoryId is { } s
            ? await db.Set<Subcategory>().Where(x => x.Id == s).Select(x => x.SlaHours).SingleOrDefaultAsync(ct)
            : null;
        return sub ?? await db.Set<Category>().Where(x => x.Id == t.CategoryId).Select(x => (int?)x.SlaHours).SingleOrDefaultAsync(ct) ?? 48;
    }

    /// <summary>Who changed the ticket last, what and when: from its latest audit record.</summary>
    private static async Task<Outcome> ConflictAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var key = Key(id);
        var last = await db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == "ticket" && a.EntityId == key && a.Action != TicketAccessLog.Action)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.ActorName, a.Action, a.After, a.At }).FirstOrDefaultAsync(ct);
        var what = last is null ? "changed it" : $"{Verb(last.Action)}{Changes(last.After)}";
        var who = last is null ? "Someone" : last.ActorName;
        return Outcome.Conflict(
            $"{who} {what} after you opened this ticket. Nothing of yours was saved: reload to see the change.",
            last?.ActorName, last is null ? null : new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
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

/// <summary>A ticket a bulk action is asked to touch: its id, and its title for the list of skipped ones.</summary>
public sealed record TicketRef(int Id, string Title);

/// <summary>The inputs an action's refusal can name (<see cref="Outcome.Field"/>).</summary>
public static class TicketFields
{
    public const string Comment = "comment";
    public const string Assignee = "assignee";
    public const string Status = "status";
    public const string Note = "note";
    public const string ForwardTo = "category";
    public const string Reason = "reason";
}
