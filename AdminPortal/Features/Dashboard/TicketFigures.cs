using System.Linq.Expressions;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Dashboard;

/// <summary>
/// The helpdesk's figures in the viewer's scope (<see cref="TicketScope"/>, as the queue): each tile counts the view
/// of the queue it links to (the same statuses and filters as <see cref="TicketQueryService.CountAsync"/>) from the
/// live counters (decision 0023), the charts come from the rollups; both filtered by the same scope rules on their
/// hostel, category and assignee.
/// </summary>
public sealed class TicketFigures(ReadDbContextFactory reads, ActorResolver actors, TimeProvider clock)
{
    public const int ChartDays = 30;

    public static string Url(TicketQueueQuery query) => "/tickets" + query.ToQueryString();

    /// <param name="afterChange">A reload after a change event: from the primary (decision 0041).</param>
    public async Task<IReadOnlyList<FigureTile>> TilesAsync(ClaimsPrincipal user, bool afterChange = false, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await reads.CreateDbContextAsync(user, afterChange, ct);
        var rules = await TicketScope.ForAsync(db, actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // the live counters (decision 0023), filtered by the scope rules on their hostel, category and assignee
        var open = db.Set<OpenTicketCount>().AsNoTracking().Where(ScopeOf<OpenTicketCount>(rules));
        var due = db.Set<DueTicketCount>().AsNoTracking().Where(ScopeOf<DueTicketCount>(rules));
        var tiles = new List<FigureTile>();
        void Add(string key, string label, TicketQueueQuery query, long count, string? note = null) =>
            tiles.Add(new FigureTile(key, label, DashboardDays.Count(count), Url(query), note));

        // the open counter's rows of the scope, read once (374 rows in all on the large data, 103 for staff A): my
        // open tickets, the unassigned ones and the escalation levels are sums of them (one round trip, not three;
        // the viewer's own rows are always in the scope, by its assignee branch)
        var openRows = await open.Select(o => new { o.StaffId, o.CategoryId, o.EscalationLevel, o.Tickets }).ToListAsync(ct);
        var mine = new TicketQueueQuery { Assignee = "me" };
        var myOpen = 0;
        if (rules.StaffId is { } me)
        {
            myOpen = openRows.Where(o => o.StaffId == me).Sum(o => o.Tickets);
            Add("my-open", "My open tickets", mine, myOpen);
        }
        var myCategories = rules.MyCategoryIds.ToHashSet();
        var unassigned = openRows.Where(o => o.StaffId == 0 && (rules.All || myCategories.Contains(o.CategoryId))).Sum(o => o.Tickets);
        Add("unassigned", rules.All ? "Unassigned" : "Unassigned in my categories",
            new TicketQueueQuery { Assignee = "none", MyCategories = !rules.All }, unassigned);

        // overdue: the days before today from the counters, today's tickets due before now counted on the tickets
        // themselves (a day's worth, from the open tickets' due-time indexes); due within 24 h on the tickets alone
        // (the open tickets falling due in a day: a whole day is never inside the window)
        var today = DateOnly.FromDateTime(now);
        var todayStart = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var until = now.AddHours(24);
        // today's overdue and the next 24 h are one range of the due index (today's start to now + 24 h): one statement
        var running = TicketStatuses.ClockRunning;
        var window = await OpenTickets(db, rules, TicketStatuses.Active).Where(t => t.DueAt >= todayStart && t.DueAt < until)
            .GroupBy(t => 1)
            .Select(g => new
            {
                OverdueToday = g.Count(t => t.DueAt < now && t.PausedAt == null && EF.Constant(running).Contains(t.Status)),
                DueSoon = g.Count(t => t.DueAt >= now),
            })
            .SingleOrDefaultAsync(ct);
        var overdue = await due.Where(d => d.Running && d.DueDay < today).SumAsync(d => d.Tickets, ct) + (window?.OverdueToday ?? 0);
        Add("overdue", "Overdue", new TicketQueueQuery { Overdue = true }, overdue);
        var dueSoon = window?.DueSoon ?? 0;
        Add("due-24h", "Due within 24 h", new TicketQueueQuery { DueWithinHours = 24 }, dueSoon);

        // one tile per rung of the ladders (a small table), not a scan of the scope for the levels in use
        var levels = await db.Set<CategoryEscalationRung>().AsNoTracking().Select(r => r.Level).Distinct().OrderBy(l => l).ToListAsync(ct);
        var byLevel = openRows.Where(o => o.EscalationLevel > 0).GroupBy(o => o.EscalationLevel)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Tickets));
        foreach (var level in levels)
            Add($"escalated-{level}", $"Escalated to level {level}", new TicketQueueQuery { EscalationLevel = level },
                byLevel.GetValueOrDefault(level));
        if (levels.Count == 0)
            Add("escalated", "Escalated", new TicketQueueQuery { Escalated = true }, byLevel.Values.Sum());
        if (rules.StaffId is { } staffId)
        {
            var capacity = await db.Set<Staff>().AsNoTracking().Where(s => s.Id == staffId).Select(s => s.MaxOpenLoad).SingleAsync(ct);
            var load = DashboardDays.Count(myOpen);
            tiles.Add(new FigureTile("load", "My load", capacity is { } max ? $"{load} of {max}" : load, Url(mine),
                capacity is null ? "no limit set" : "open tickets against capacity"));
        }
        return tiles;
    }

    /// <summary>
    /// The scope's tickets in <paramref name="statuses"/>, the statuses inlined so PostgreSQL can use the partial
    /// indexes on the open statuses (a parameter would hide that they are a subset of the index's).
    /// </summary>
    private static IQueryable<Ticket> OpenTickets(PortalDbContext db, TicketScopeRules rules, TicketStatus[] statuses) =>
        db.Set<Ticket>().AsNoTracking().Where(rules.Predicate()).Where(t => EF.Constant(statuses).Contains(t.Status));

    public async Task<IReadOnlyList<ChartFigure>> ChartsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        var today = DashboardDays.Today(clock);
        var days = DashboardDays.Last(today, ChartDays);
        await using var db = await reads.CreateDbContextAsync(user, ct);
        var rules = await TicketScope.ForAsync(db, actor, ct);
        var from = days[0];
        var rows = await db.Set<TicketDay>().AsNoTracking().Where(InScope(rules))
            .Where(d => d.Day >= from && d.Measure != TicketMeasure.FirstResponse)
            .GroupBy(d => new { d.Day, d.CategoryId, d.Measure })
            .Select(g => new { g.Key.Day, g.Key.CategoryId, g.Key.Measure, Tickets = g.Sum(d => d.Tickets) })
            .ToListAsync(ct);
        var names = await db.Set<Category>().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var categories = names.Where(c => rows.Any(r => r.CategoryId == c.Id && r.Measure == TicketMeasure.Resolved)).ToList();
        double Sum(TicketMeasure m, Func<int, bool> category, DateOnly? day = null) =>
            rows.Where(r => r.Measure == m && category(r.CategoryId) && (day is null || r.Day == day)).Sum(r => r.Tickets);
        var compliance = new ChartLine("Resolved within SLA", categories.Select(c =>
        {
            var resolved = Sum(TicketMeasure.Resolved, id => id == c.Id);
            return resolved == 0 ? 0 : Math.Round(100 * Sum(TicketMeasure.InSla, id => id == c.Id) / resolved, 1);
        }).ToArray());
        return
        [
            new("tat-by-category", $"Turnaround compliance by category, last {ChartDays} days", categories.Select(c => c.Name).ToList(),
                [compliance], "bar", "%"),
            new("created-resolved", $"Tickets created and resolved per day, last {ChartDays} days", days.Select(DashboardDays.Label).ToList(),
                [new ChartLine("Created", days.Select(d => Sum(TicketMeasure.Created, _ => true, d)).ToArray()),
                 new ChartLine("Resolved", days.Select(d => Sum(TicketMeasure.Resolved, _ => true, d)).ToArray())], "line"),
        ];
    }

    /// <summary>
    /// <see cref="TicketScopeRules.Predicate"/> on a rollup row: its hostel, category and assignee (0 for none, which no
    /// rule names) stand for the ticket's.
    /// </summary>
    public static Expression<Func<TicketDay, bool>> InScope(TicketScopeRules rules) => ScopeOf<TicketDay>(rules);

    /// <summary><see cref="InScope"/> for any row keyed by a ticket's hostel, category and assignee (0 for none).</summary>
    public static Expression<Func<T, bool>> ScopeOf<T>(TicketScopeRules rules) where T : ITicketScopeKeys
    {
        if (rules.All)
            return _ => true;
        var hostels = rules.HostelIds.ToArray();
        var categories = rules.CategoryIds.ToArray();
        var bound = rules.HostelBoundCategoryIds.ToArray();
        var staffHostel = rules.StaffHostelId ?? -1;
        var staffId = rules.StaffId ?? -1;
        return d => hostels.Contains(d.HostelId) || categories.Contains(d.CategoryId)
                    || (d.HostelId == staffHostel && bound.Contains(d.CategoryId)) || d.StaffId == staffId;
    }
}
