using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Live;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Dashboard;

/// <summary>
/// The moderator's figures: the suggestions waiting (a live counter, decision 0023, equal to the queue's default tab
/// counted exactly), the oldest suggestion (the queue's index, oldest first), the viewer's decisions (rollups, opening
/// the queue's "decided by me" view, decision 0028), who is reviewing now (presence), and the 30-day charts (rollups).
/// </summary>
public sealed class ModerationFigures(ReadDbContextFactory reads, ActorResolver actors,
    PresenceTracker presence, TimeProvider clock)
{
    public const int ChartDays = 30;
    public const int WaitWeeks = 12;

    public async Task<(IReadOnlyList<FigureTile> Tiles, IReadOnlyList<string> Reviewing)> TilesAsync(ClaimsPrincipal user,
        bool afterChange = false, CancellationToken ct = default)
    {
        // after a live change every open dashboard asks at once: they share one read of the viewer's roles
        var actor = afterChange
            ? (await actors.ResolveSharedAsync(user.UserId() ?? throw new AccessDeniedException("Not signed in."), ct)).Require(Permission.ModerateProducts)
            : await actors.RequireAsync(user, Permission.ModerateProducts, ct);
        await using var db = await reads.CreateDbContextAsync(user, afterChange, ct);
        // the live counter (decision 0023): the exact count of the queue's default tab, without counting the products
        var waiting = await db.Set<ProductStatusCount>().AsNoTracking().Where(c => c.Status == PublishingStatus.Suggestion)
            .SumAsync(c => c.Products, ct);
        var oldest = await db.Set<Product>().AsNoTracking().Where(p => p.PublishingStatus == PublishingStatus.Suggestion)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => (DateTime?)p.CreatedAt).FirstOrDefaultAsync(ct);
        // the viewer's decisions from the rollups (a decision each, decision 0020); the tile opens the queue's
        // "decided by me" view, which lists each product once (decision 0028)
        var today = DashboardDays.Today(clock);
        var mine = await db.Set<ModerationDay>().AsNoTracking().Where(d => d.ModeratorId == actor.Id && d.Day >= DashboardDays.WeekStart(today))
            .GroupBy(d => d.Day == today).Select(g => new { Today = g.Key, Decisions = g.Sum(d => d.Decisions) }).ToListAsync(ct);
        var todayCount = mine.Where(m => m.Today).Sum(m => m.Decisions);
        var oldestAge = oldest is { } o ? clock.GetUtcNow().UtcDateTime - o : (TimeSpan?)null;
        var oldestQuery = ProductQueueQuery.Default;   // oldest first is the queue's default order
        IReadOnlyList<FigureTile> tiles =
        [
            new("waiting", "Suggestions waiting", DashboardDays.Count(waiting), ProductQueueState.Url(ProductQueueQuery.Default)),
            new("oldest", "Oldest waiting", DashboardDays.Duration(oldestAge), ProductQueueState.Url(oldestQuery),
                oldest is null ? "Nothing waiting" : "since submitted"),
            new("mine-today", "My decisions today", DashboardDays.Count(todayCount),
                ProductQueueState.Url(MyDecisions(DecidedWindow.Today)), "UTC day; a product decided twice counts twice"),
            new("mine-week", "My decisions this week", DashboardDays.Count(mine.Sum(m => m.Decisions)),
                ProductQueueState.Url(MyDecisions(DecidedWindow.Week)), "since Monday, UTC; a product decided twice counts twice"),
        ];
        var reviewing = presence.WhoOn(EntityTypes.Product).Where(p => p.UserId != actor.Id).Select(p => p.UserName)
            .Distinct().ToList();
        return (tiles, reviewing);
    }

    /// <summary>The queue's view of the viewer's decisions in <paramref name="window"/>, every status.</summary>
    public static ProductQueueQuery MyDecisions(DecidedWindow window) =>
        ProductQueueQuery.Default with { Status = null, Decided = window };

    public async Task<IReadOnlyList<ChartFigure>> ChartsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await actors.RequireAsync(user, Permission.ModerateProducts, ct);
        var today = DashboardDays.Today(clock);
        var days = DashboardDays.Last(today, ChartDays);
        var weekFrom = DashboardDays.WeekStart(today).AddDays(-7 * (WaitWeeks - 1));
        await using var db = await reads.CreateDbContextAsync(user, ct);
        // the narrow rollups (decision 0033): about 1,300 and 1,900 rows for these 30 days and 12 weeks on the large
        // data, where grouping moderation_daily's moderator x cause x outcome x wait rows gave 20,889 to shape
        var from = days[0];   // a plain local: EF compiles an array index in the query into a delegate on every call
        var recent = await db.Set<ModerationCauseDay>().AsNoTracking().Where(d => d.Day >= from)
            .Select(d => new { d.Day, d.Cause, d.Outcome, d.Decisions }).ToListAsync(ct);
        var waits = await db.Set<ModerationWaitDay>().AsNoTracking().Where(d => d.Day >= weekFrom)
            .Select(d => new { d.Day, d.WaitBucket, d.Decisions }).ToListAsync(ct);

        var byDay = recent.GroupBy(r => (r.Day, r.Outcome)).ToDictionary(g => g.Key, g => g.Sum(r => r.Decisions));
        var perDay = Enum.GetValues<ModerationOutcome>().Select(o => new ChartLine(OutcomeLabel(o),
            days.Select(d => (double)byDay.GetValueOrDefault((d, o))).ToArray())).ToList();
        var causes = Enum.GetValues<Cause>();
        var rate = new ChartLine("Approved", causes.Select(c =>
        {
            var all = recent.Where(r => r.Cause == c).Sum(r => r.Decisions);
            var approved = recent.Where(r => r.Cause == c && r.Outcome == ModerationOutcome.Approved).Sum(r => r.Decisions);
            return all == 0 ? 0 : Math.Round(100.0 * approved / all, 1);
        }).ToArray());
        var weeks = Enumerable.Range(0, WaitWeeks).Select(i => weekFrom.AddDays(7 * i)).ToList();
        double Hours(DateOnly week, double fraction) =>
            Math.Round(WaitBuckets.Percentile(waits.Where(r => r.Day >= week && r.Day < week.AddDays(7))
                .GroupBy(r => r.WaitBucket).Select(g => (g.Key, g.Sum(r => r.Decisions))), fraction)?.TotalHours ?? 0, 1);
        return
        [
            new("decisions-per-day", $"Decisions per day, last {ChartDays} days", days.Select(DashboardDays.Label).ToList(), perDay, "stacked"),
            new("approval-by-cause", $"Approval rate by cause, last {ChartDays} days", causes.Select(ProductLabels.Of).ToList(), [rate], "bar", "%"),
            new("wait-per-week", "Wait before a decision, per week from Monday (hours, at most)", weeks.Select(DashboardDays.Label).ToList(),
                [new ChartLine("Median", weeks.Select(w => Hours(w, 0.5)).ToArray()), new ChartLine("90th percentile", weeks.Select(w => Hours(w, 0.9)).ToArray())],
                "line", " h"),
        ];
    }

    public static string OutcomeLabel(ModerationOutcome outcome) => outcome switch
    {
        ModerationOutcome.Approved => "Approved",
        ModerationOutcome.Rejected => "Rejected",
        _ => "Changes requested",
    };
}
