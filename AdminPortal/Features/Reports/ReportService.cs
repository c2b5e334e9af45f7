using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Dashboard;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Reports;

/// <summary>
/// The reports, read from the daily rollups (decision 0020) over a date range, in the viewer's scope: ticket reports
/// through the same scope rules as the queue (<see cref="TicketFigures.InScope"/>), moderation for moderators.
/// </summary>
public sealed class ReportService(ReadDbContextFactory reads, ActorResolver actors)
{
    public async Task<ReportTable> ReadAsync(ClaimsPrincipal user, ReportQuery query, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, ReportQuery.Needs(query.Kind), ct);
        await using var db = await reads.CreateDbContextAsync(user, ct);
        return query.Kind switch
        {
            ReportKind.Throughput => await ThroughputAsync(db, query, ct),
            ReportKind.ResponseTimes => await ResponseTimesAsync(db, actor, query, ct),
            _ => await TurnaroundAsync(db, actor, query, ct),
        };
    }

    private static async Task<IQueryable<TicketDay>> TicketDaysAsync(PortalDbContext db, PortalActor actor, ReportQuery q, CancellationToken ct)
    {
        var rules = await TicketScope.ForAsync(db, actor, ct);
        return db.Set<TicketDay>().AsNoTracking().Where(TicketFigures.InScope(rules)).Where(d => d.Day >= q.From && d.Day <= q.To);
    }

    private static async Task<ReportTable> TurnaroundAsync(PortalDbContext db, PortalActor actor, ReportQuery q, CancellationToken ct)
    {
        var days = (await TicketDaysAsync(db, actor, q, ct)).Where(d => d.Measure == TicketMeasure.Resolved || d.Measure == TicketMeasure.InSla);
        var grouped = q.Kind switch
        {
            ReportKind.TatByHostel => days.GroupBy(d => new { Key = d.HostelId, d.Measure }),
            ReportKind.TatByCategory => days.GroupBy(d => new { Key = d.CategoryId, d.Measure }),
            _ => days.GroupBy(d => new { Key = d.StaffId, d.Measure }),
        };
        var rows = await grouped.Select(g => new { g.Key.Key, g.Key.Measure, Tickets = g.Sum(d => d.Tickets) }).ToListAsync(ct);
        var names = q.Kind switch
        {
            ReportKind.TatByHostel => await db.Set<Hostel>().AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.Name, ct),
            ReportKind.TatByCategory => await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct),
            _ => await db.Set<Staff>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.FullName, ct),
        };
        var lines = rows.Select(r => r.Key).Distinct()
            .Select(key => (Name: names.GetValueOrDefault(key) ?? (key == 0 ? "(none)" : $"#{key}"),
                Resolved: rows.Where(r => r.Key == key && r.Measure == TicketMeasure.Resolved).Sum(r => r.Tickets),
                InSla: rows.Where(r => r.Key == key && r.Measure == TicketMeasure.InSla).Sum(r => r.Tickets)))
            .Where(l => l.Resolved != 0).OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var first = q.Kind switch { ReportKind.TatByHostel => "Hostel", ReportKind.TatByCategory => "Category", _ => "Staff member" };
        var title = ReportQuery.Label(q.Kind);
        return new ReportTable(title, [first, "Resolved", "Within SLA", "Compliance"],
            lines.Select(l => (IReadOnlyList<string>)[l.Name, Count(l.Resolved), Count(l.InSla), Percent(l.InSla, l.Resolved)]).ToList(),
            new ChartFigure("report", title, lines.Select(l => l.Name).ToList(),
                [new ChartLine("Compliance", lines.Select(l => Math.Round(100.0 * l.InSla / l.Resolved, 1)).ToArray())], "bar", "%"));
    }

    private static async Task<ReportTable> ResponseTimesAsync(PortalDbContext db, PortalActor actor, ReportQuery q, CancellationToken ct)
    {
        var rows = await (await TicketDaysAsync(db, actor, q, ct))
            .Where(d => d.Measure == TicketMeasure.Resolved || d.Measure == TicketMeasure.FirstResponse)
            .GroupBy(d => new { d.CategoryId, d.Measure, d.Bucket })
            .Select(g => new { g.Key.CategoryId, g.Key.Measure, g.Key.Bucket, Tickets = g.Sum(d => d.Tickets) }).ToListAsync(ct);
        var names = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        TimeSpan? P(int? category, TicketMeasure m, double fraction) => WaitBuckets.Percentile(rows
            .Where(r => r.Measure == m && (category is null || r.CategoryId == category))
            .GroupBy(r => r.Bucket).Select(g => (g.Key, g.Sum(r => r.Tickets))), fraction);
        var keys = rows.Select(r => r.CategoryId).Distinct()
            .OrderBy(c => names.GetValueOrDefault(c) ?? "", StringComparer.CurrentCultureIgnoreCase)
            .Select(c => (int?)c).Append(null).ToList();
        string Name(int? c) => c is null ? "All categories" : names.GetValueOrDefault(c.Value) ?? "(none)";
        var measures = new[] { (TicketMeasure.FirstResponse, 0.5), (TicketMeasure.FirstResponse, 0.9), (TicketMeasure.Resolved, 0.5), (TicketMeasure.Resolved, 0.9) };
        var title = ReportQuery.Label(q.Kind) + " (at most)";
        var table = rows.Count == 0 ? [] : keys.Select(c => (IReadOnlyList<string>)[Name(c),
            .. measures.Select(m => DashboardDays.Duration(P(c, m.Item1, m.Item2)))]).ToList();
        var series = new[] { "First response, median", "First response, 90th", "Resolution, median", "Resolution, 90th" }
            .Select((label, i) => new ChartLine(label + " (h)", keys.Select(c => Math.Round(P(c, measures[i].Item1, measures[i].Item2)?.TotalHours ?? 0, 1)).ToArray()))
            .ToList();
        return new ReportTable(title, ["Category", "First response, median", "First response, 90th percentile",
                "Resolution, median", "Resolution, 90th percentile"], table,
            new ChartFigure("report", title, keys.Select(Name).ToList(), series, "bar", " h"));
    }

    private static async Task<ReportTable> ThroughputAsync(PortalDbContext db, ReportQuery q, CancellationToken ct)
    {
        var rows = await db.Set<ModerationDay>().AsNoTracking().Where(d => d.Day >= q.From && d.Day <= q.To)
            .GroupBy(d => new { d.ModeratorId, d.Cause, d.Outcome })
            .Select(g => new { g.Key.ModeratorId, g.Key.Cause, g.Key.Outcome, Decisions = g.Sum(d => d.Decisions) }).ToListAsync(ct);
        var ids = rows.Select(r => r.ModeratorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name ?? u.Email ?? $"#{u.Id}", ct);
        string Name(int id) => id == 0 ? "(system)" : names.GetValueOrDefault(id) ?? $"#{id}";
        var outcomes = Enum.GetValues<ModerationOutcome>();
        var lines = rows.GroupBy(r => new { r.ModeratorId, r.Cause })
            .Select(g => (Moderator: Name(g.Key.ModeratorId), g.Key.Cause, Counts: outcomes.Select(o => g.Where(r => r.Outcome == o).Sum(r => r.Decisions)).ToArray()))
            .Where(l => l.Counts.Sum() != 0)
            .OrderBy(l => l.Moderator, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.Cause).ToList();
        var moderators = lines.Select(l => l.Moderator).Distinct().ToList();
        var title = ReportQuery.Label(q.Kind);
        return new ReportTable(title, ["Moderator", "Cause", "Approved", "Rejected", "Changes requested", "Total"],
            lines.Select(l => (IReadOnlyList<string>)[l.Moderator, ProductLabels.Of(l.Cause), .. l.Counts.Select(c => Count(c)), Count(l.Counts.Sum())]).ToList(),
            new ChartFigure("report", title, moderators,
                outcomes.Select(o => new ChartLine(ModerationFigures.OutcomeLabel(o),
                    moderators.Select(m => (double)lines.Where(l => l.Moderator == m).Sum(l => l.Counts[(int)o])).ToArray())).ToList(), "stacked"));
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(long part, long whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
