using AdminPortal.Shared;
using System.Linq.Expressions;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets.Queue;

/// <summary>
/// The queue. Each scope branch (a hostel, a category, "assigned to me") and each status is read as its own small
/// ordered query, so PostgreSQL walks the (x, status, due_at) indexes and stops after one page; the branches are
/// unioned (duplicates drop) and the first page taken. A page never sorts the whole scope.
/// </summary>
public sealed class TicketQueryService(
    ReadDbContextFactory reads, ActorResolver actors, TimeProvider clock)
{
    /// <param name="afterChange">A reload after a change event: from the primary (decision 0041).</param>
    public async Task<TicketQueuePage> ListAsync(ClaimsPrincipal user, TicketQueueQuery filter, bool afterChange = false,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        // pages stop at the depth cap (decision 0008): a deeper page asked for opens the last one
        var (page, size) = (filter.SafePage, filter.SafePageSize);
        await using var db = await reads.CreateDbContextAsync(user, afterChange, ct);
        var rules = await TicketScope.ForAsync(db, actor, ct);
        var branches = await BranchesAsync(db, rules, filter, ct);
        if (branches.Count == 0 || (filter.Assignee == "me" && rules.StaffId is null))
            return new TicketQueuePage([], 0, false, page, size);

        var statuses = filter.EffectiveStatuses;
        // Only a running clock is overdue: awaiting the student always pauses it (Sla), so that status's branch would
        // walk all its tickets in the scope to find none (50 ms per hostel on the large data).
        if (filter.Overdue)
            statuses = statuses.Intersect(TicketStatuses.ClockRunning).ToList();
        // A page from a cursor (Next/Previous, decision 0038) reads one page per branch from the cursor; a numbered
        // page reads page × size + 1 keys per branch and skips (cheap near the top, the depth cap bounds the rest).
        var cursor = await CursorAsync(db, rules, filter, ct);
        var reverse = cursor is not null && filter.Before is not null;
        var take = cursor is null ? page * size + 1 : size + 1;   // one more than needed: is there another page?
        var beyond = cursor is null ? null : TicketKeyset.Beyond(filter.Sort, cursor, reverse);
        var filtered = new List<IQueryable<Ticket>>();
        if (beyond is null || beyond.Dated is not null)
            filtered.AddRange(branches.SelectMany(b => statuses.Select(s =>
            {
                var q = Filter(db.Set<Ticket>().Where(b).Where(t => t.Status == s), filter, rules);
                return beyond?.Dated is { } dated ? q.Where(dated) : q;
            })));
        // tickets without a due time beyond the cursor: one read over the whole scope (an index holds only them)
        var statusList = statuses.ToList();
        if (beyond?.Undated is { } undated)
            filtered.Add(Filter(db.Set<Ticket>().Where(rules.Predicate()).Where(t => statusList.Contains(t.Status)), filter, rules)
                .Where(undated));

        IQueryable<TicketKey>? keys = null;
        foreach (var q in filtered)
        {
            var part = Keys(TicketKeyset.Order(q, filter.Sort, reverse).Take(take), filter.Sort);
            keys = keys is null ? part : keys.Union(part);
        }
        // No COUNT: counting a scope of 100,000s of rows costs more than the page; the pager needs only "is there more".
        var skip = cursor is null ? ListDepth.Offset(page, size) : 0;
        var pageKeys = await TicketKeyset.Order(keys!, filter.Sort, reverse).Skip(skip).Take(size + 1)
            .Select(k => k.Id).ToListAsync(ct);
        var more = pageKeys.Count > size;
        pageKeys = pageKeys.Take(size).ToList();
        if (reverse)
        {
            // read backwards from the cursor: put the page in order; nothing before it means this is the first page
            pageKeys.Reverse();
            if (!more)
                page = 1;
            more = true;
        }
        var rows = await RowsAsync(db, pageKeys, ct);
        var seen = ListDepth.Offset(page, size) + rows.Count;
        return new TicketQueuePage(rows, more ? seen + 1 : seen, more, page, size);
    }

    // The sort keys of the ticket the URL's "after" or "before" names, read within the actor's scope; null when there
    // is none (then the page number is used).
    private static Task<TicketCursor?> CursorAsync(PortalDbContext db, TicketScopeRules rules, TicketQueueQuery filter,
        CancellationToken ct)
    {
        if (filter.SafePage == 1 || (filter.After ?? filter.Before) is not { } id)
            return Task.FromResult<TicketCursor?>(null);
        return db.Set<Ticket>().AsNoTracking().Where(rules.Predicate()).Where(t => t.Id == id)
            .Select(t => new TicketCursor(t.Id, t.DueAt, t.CreatedAt, t.UpdatedAt, t.EscalationLevel))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// How many tickets this view of the queue holds for <paramref name="rules"/>: the same statuses and filters as
    /// <see cref="ListAsync"/>, counted (the dashboard's tiles link to the view with this count), up to
    /// <paramref name="cap"/> + 1: past the cap the count stops ("10,000+"), as the product queue's tab counts do.
    /// </summary>
    public Task<int> CountAsync(PortalDbContext db, TicketScopeRules rules, TicketQueueQuery filter, CancellationToken ct = default,
        int cap = int.MaxValue - 1)
    {
        if (filter.Assignee == "me" && rules.StaffId is null)
            return Task.FromResult(0);
        var statuses = filter.Overdue
            ? filter.EffectiveStatuses.Intersect(TicketStatuses.ClockRunning).ToList()
            : filter.EffectiveStatuses.ToList();
        var q = db.Set<Ticket>().AsNoTracking().Where(rules.Predicate()).Where(t => statuses.Contains(t.Status));
        return Filter(q, filter, rules).Take(cap + 1).CountAsync(ct);
    }

    private static async Task<List<Expression<Func<Ticket, bool>>>> BranchesAsync(PortalDbContext db,
        TicketScopeRules rules, TicketQueueQuery filter, CancellationToken ct)
    {
        // Narrow filters replace the scope's branches when they are a subset of it: one index then serves it all.
        if (filter.Assignee == "me" && rules.StaffId is { } me)
            return [t => t.AssignedTo == me];
        if (!rules.All)
            return rules.Branches().ToList();
        if (filter.HostelId is { } hostel)
            return [t => t.HostelId == hostel];
        if (filter.CategoryId is { } category)
            return [t => t.CategoryId == category];
        // An admin's whole desk in due order, narrowed at most by due-time ranges: one branch, read per status on
        // idx_tickets_status_due (7 small ordered reads instead of one per hostel and status: planning 36 subqueries
        // was most of a deep "every status" Next page, decision 0049).
        if (OnlyDueOrder(filter))
            return [_ => true];
        // Otherwise one branch per hostel, so the hostel indexes (and their unassigned partial) still order by due time.
        var hostels = await db.Set<Hostel>().AsNoTracking().Select(h => h.Id).ToListAsync(ct);
        var branches = hostels.Select(h => (Expression<Func<Ticket, bool>>)(t => t.HostelId == h)).ToList();
        branches.Add(t => t.HostelId == null);
        return branches;
    }

    /// <summary>
    /// Whether the view is the due-time order narrowed by nothing but due-time ranges (overdue, due within, created
    /// from: the last bounds due_at too), so one (status, due_at, id) index serves it without walking past rows.
    /// </summary>
    internal static bool OnlyDueOrder(TicketQueueQuery f) =>
        f.Sort is TicketSort.Due or TicketSort.DueDesc
        && f.SubcategoryId is null && f.Assignee is null && !f.Escalated && f.EscalationLevel is null
        && f.CreatedTo is null && string.IsNullOrEmpty(f.Text) && !f.MyCategories;

    private IQueryable<Ticket> Filter(IQueryable<Ticket> q, TicketQueueQuery f, TicketScopeRules rules)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (f.CategoryId is { } category)
            q = q.Where(t => t.CategoryId == category);
        if (f.SubcategoryId is { } sub)
            q = q.Where(t => t.SubcategoryId == sub);
        if (f.HostelId is { } hostel)
            q = q.Where(t => t.HostelId == hostel);
        if (f.Assignee == "none")
            q = q.Where(t => t.AssignedTo == null);
        else if (f.Assignee == "me")
            q = q.Where(t => t.AssignedTo == rules.StaffId);
        else if (int.TryParse(f.Assignee, out var staffId))
            q = q.Where(t => t.AssignedTo == staffId);
        if (f.Escalated)
            q = q.Where(t => t.EscalationLevel > 0);
        if (f.EscalationLevel is { } level)
            q = q.Where(t => t.EscalationLevel == level);
        if (f.Overdue)
            q = q.Where(t => t.DueAt < now && t.PausedAt == null);
        if (f.SafeDueWithinHours is { } hours)
        {
            var until = now.AddHours(hours);
            q = q.Where(t => t.DueAt >= now && t.DueAt < until);
        }
        if (f.CreatedFrom is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            // due_at >= created_at always holds (SLA > 0, pauses and reopening only move it later), so the redundant
            // bound lets the (x, status, due_at) index start at the range instead of walking older tickets first.
            q = q.Where(t => t.CreatedAt >= start && t.DueAt >= start);
        }
        if (f.CreatedTo is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            q = q.Where(t => t.CreatedAt < end);
        }
        if (f.MyCategories)
        {
            var mine = rules.MyCategoryIds.ToArray();
            q = q.Where(t => mine.Contains(t.CategoryId!.Value));
        }
        if (f.Text is { Length: > 0 } text)
        {
            var number = text.TrimStart('#');
            if (int.TryParse(number, out var id))
                q = q.Where(t => t.Id == id);
            else
            {
                var pattern = LikePattern.Contains(text);
                q = q.Where(t => EF.Functions.ILike(t.Title!, pattern, LikePattern.EscapeCharacter));
            }
        }
        return q;
    }

    // Only the sort's own keys: with the (x, status, due_at, id) indexes a due-time page is then index-only per branch,
    // and a cursor page's bound is not weighed against a heap visit the planner misjudges (it walked
    // idx_tickets_open_due from the cursor instead: the whole table's due_at histogram says few tickets fall due later).
    private static IQueryable<TicketKey> Keys(IQueryable<Ticket> q, TicketSort sort) => sort switch
    {
        TicketSort.Created or TicketSort.CreatedDesc => q.Select(t => new TicketKey { Id = t.Id, CreatedAt = t.CreatedAt }),
        TicketSort.Updated => q.Select(t => new TicketKey { Id = t.Id, UpdatedAt = t.UpdatedAt }),
        TicketSort.Escalation => q.Select(t => new TicketKey { Id = t.Id, EscalationLevel = t.EscalationLevel, DueAt = t.DueAt }),
        _ => q.Select(t => new TicketKey { Id = t.Id, DueAt = t.DueAt }),
    };

    private static async Task<List<TicketRow>> RowsAsync(PortalDbContext db, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var rows = await db.Set<Ticket>().AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new TicketRow(t.Id, t.Title ?? "(no title)", t.Status, t.Category!.Name, t.Subcategory!.Name,
                t.Hostel!.Name, t.AssignedTo, t.Assignee!.FullName, t.EscalationLevel, t.DueAt, t.PausedAt, t.CreatedAt,
                t.Version))
            .ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return rows.OrderBy(r => order[r.Id]).ToList();
    }
}
