using AdminPortal.Shared;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Features.Products;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Vendors.Subscriptions;

public sealed record SubscriptionRow(int Id, int UserId, string User, string? Email, SubscriptionProvider Provider, string ProductId,
    SubscriptionStatus Status, DateTime StartDate, DateTime? EndDate, uint Version)
{
    public bool Overdue(DateTime now) => Status == SubscriptionStatus.Active && EndDate < now;
}

public sealed record SubscriptionPage(IReadOnlyList<SubscriptionRow> Rows, CountEstimate Total);

/// <summary>What the expiry pass did: how many it expired in the last day, and its latest expiries.</summary>
public sealed record ExpiryRecord(int LastDay, IReadOnlyList<ExpiredSubscription> Latest);

/// <summary>One subscription the expiry pass expired, and when.</summary>
public sealed record ExpiredSubscription(string SubscriptionId, DateTime At);

/// <summary>
/// Reads for the subscriptions list: status (idx_subscriptions_status), end date (idx_subscriptions_end_date) and the
/// subscriber; sorted by end date (open-ended last). The expiry pass's record comes from its audit entries.
/// </summary>
public sealed class SubscriptionQueryService(ReadDbContextFactory reads, ActorResolver actors, TimeProvider clock)
{
    public async Task<SubscriptionPage> GetPageAsync(ClaimsPrincipal principal, SubscriptionListQuery query, bool reload = false,
        CancellationToken ct = default)
    {
        await RequireAsync(principal, reload, ct);
        await using var db = await reads.CreateDbContextAsync(principal, reload, ct);
        var filtered = Apply(db, query, clock.GetUtcNow().UtcDateTime);
        var pageIds = Order(filtered, query).Skip(query.Offset).Take(query.PageSize).Select(s => s.Id);
        var rows = await Order(db.Set<Subscription>().AsNoTracking().Where(s => pageIds.Contains(s.Id)), query)
            .Select(s => new SubscriptionRow(s.Id, s.UserId, s.User!.Name ?? s.User.Email ?? "", s.User.Email, s.Provider, s.ProductId,
                s.Status, s.StartDate, s.EndDate, s.Version))
            .ToListAsync(ct);
        var total = CountEstimate.FromShortPage(query.Offset, query.PageSize, rows.Count)
                    ?? CountEstimate.FromCapped(await filtered.Take(CountEstimate.ExactLimit + 1).CountAsync(ct));
        return new SubscriptionPage(rows, total);
    }

    public async Task<ExpiryRecord> ExpiryRecordAsync(ClaimsPrincipal principal, bool reload = false, CancellationToken ct = default)
    {
        await RequireAsync(principal, reload, ct);
        await using var db = await reads.CreateDbContextAsync(principal, reload, ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var expiries = db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.Action == SubscriptionExpiryPass.Action && a.EntityType == SubscriptionActions.EntityType);
        var lastDay = await expiries.CountAsync(a => a.At >= since, ct);
        var latest = await expiries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(5)
            .Select(a => new { a.EntityId, a.At }).ToListAsync(ct);
        return new ExpiryRecord(lastDay, latest.Select(l => new ExpiredSubscription(l.EntityId, l.At)).ToList());
    }

    internal static IQueryable<Subscription> Apply(PortalDbContext db, SubscriptionListQuery q, DateTime now)
    {
        var subs = db.Set<Subscription>().AsNoTracking();
        if (q.Status is { } status)
            subs = subs.Where(s => s.Status == status);
        if (q.Provider is { } provider)
            subs = subs.Where(s => s.Provider == provider);
        if (q.ExpiringWithin is { } days)
        {
            var until = now.AddDays(days);
            subs = subs.Where(s => s.Status == SubscriptionStatus.Active && s.EndDate >= now && s.EndDate <= until);
        }
        if (q.Overdue)
            subs = subs.Where(s => s.Status == SubscriptionStatus.Active && s.EndDate < now);
        if (q.EffectiveSearch is { } text)
        {
            var pattern = LikePattern.Contains(text);
            // the matching users first (auth.users' trigram indexes), then their subscriptions (idx_subscriptions_user_id)
            var users = db.Users.Where(u => EF.Functions.ILike(u.Name!, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(u.Email!, pattern, LikePattern.EscapeCharacter)).Select(u => u.Id);
            subs = subs.Where(s => users.Contains(s.UserId));
        }
        return subs;
    }

    private static IQueryable<Subscription> Order(IQueryable<Subscription> subs, SubscriptionListQuery q) => (q.Sort, q.Descending) switch
    {
        (SubscriptionSort.Start, false) => subs.OrderBy(s => s.StartDate).ThenBy(s => s.Id),
        (SubscriptionSort.Start, true) => subs.OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id),
        (_, false) => subs.OrderBy(s => s.EndDate == null).ThenBy(s => s.EndDate).ThenBy(s => s.Id),
        _ => subs.OrderBy(s => s.EndDate == null).ThenByDescending(s => s.EndDate).ThenByDescending(s => s.Id),
    };

    private Task RequireAsync(ClaimsPrincipal principal, bool reload, CancellationToken ct) => reload
        ? actors.RequireForReloadAsync(principal, Permission.ManageSubscriptions, ct)
        : actors.RequireAsync(principal, Permission.ManageSubscriptions, ct);
}
