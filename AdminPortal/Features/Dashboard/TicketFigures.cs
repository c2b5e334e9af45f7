using System.Linq.Expressions;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Tickets.Queue;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Dashboard;

/// <summary>
/// The helpdesk's figures in the viewer's scope (<see cref="TicketScope"/>, as the queue): each tile is the queue's own
/// count of the view it links to (<see cref="TicketQueryService.CountAsync"/>), the charts come from the rollups
/// filtered by the same scope rules on their hostel, category and assignee.
/// </summary>
public sealed class TicketFigures(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors,
    TicketQueryService queue, TimeProvider clock)
{
    public const int ChartDays = 30;

    /// <summary>Counts stop here ("10,000+"): the queue itself shows "of more" past a page.</summary>
    public const int Cap = 10_000;

    public static string Url(TicketQueueQuery query) => "/tickets" + query.ToQueryString();

    public static string Capped(int count) => count > Cap ? DashboardDays.Count(Cap) + "+" : DashboardDays.Count(count);

    public async Task<IReadOnlyList<FigureTile>> TilesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await TicketScope.ForAsync(db, actor, ct);
        var tiles = new List<FigureTile>();
        async Task AddAsync(string key, string label, TicketQueueQuery query, string? note = null) =>
            tiles.Add(new FigureTile(key, label, Capped(await queue.CountAsync(db, rules, query, ct, Cap)), Url(query), note));

        var mine = new TicketQueueQuery { Assignee = "me" };
        if (rules.StaffId is not null)
            await AddAsync("my-open", "My open tickets", mine);
        await AddAsync("unassigned", rules.All ? "Unassigned" : "Unassigned in my categories",
            new TicketQueueQuery { Assignee = "none", MyCategories = !rules.All });
        await AddAsync("overdue", "Overdue", new TicketQueueQuery { Overdue = true });
        await AddAsync("due-24h", "Due within 24 h", new TicketQueueQuery { DueWithinHours = 24 });
        // one tile per rung of the ladders (a small table), not a scan of the scope for the levels in use
        var levels = await db.Set<CategoryEscalationRung>().AsNoTracking().Select(r => r.Level).Distinct().OrderBy(l => l).ToListAsync(ct);
        foreach (var level in levels)
            await AddAsync($"escalated-{level}", $"Escalated to level {level}", new TicketQueueQuery { EscalationLevel = level });
        if (levels.Count == 0)
            await AddAsync("escalated", "Escalated", new TicketQueueQuery { Escalated = true });
        if (rules.StaffId is { } staffId)
        {
            var capacity = await db.Set<Staff>().AsNoTracking().Where(s => s.Id == staffId).Select(s => s.MaxOpenLoad).SingleAsync(ct);
            var open = tiles[0].Value;
            tiles.Add(new FigureTile("load", "My load", capacity is { } max ? $"{open} of {max}" : open, Url(mine),
                capacity is null ? "no limit set" : "open tickets against capacity"));
        }
        return tiles;
    }

    public async Task<IReadOnlyList<ChartFigure>> ChartsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        var today = DashboardDays.Today(clock);
        var days = DashboardDays.Last(today, ChartDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
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
    public static Expression<Func<TicketDay, bool>> InScope(TicketScopeRules rules)
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
