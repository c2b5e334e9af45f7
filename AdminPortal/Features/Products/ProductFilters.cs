using AdminPortal.Shared;
using AdminPortal.Data;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Live;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Products;

/// <summary>The queue's WHERE and ORDER BY, shared by the page, the counts, the neighbours and "all matching".</summary>
internal static class ProductFilters
{
    /// <summary>
    /// The view's filters. <paramref name="decidedBy"/> is the viewer's window when the view is "decided by me"
    /// (<see cref="DecidedBy.For"/>); the view cannot be read without it.
    /// </summary>
    public static IQueryable<Product> Apply(IQueryable<Product> products, ProductQueueQuery q, PortalDbContext db,
        DecidedBy? decidedBy = null)
    {
        if (q.Decided is not null)
        {
            var by = decidedBy ?? throw new InvalidOperationException("A \"decided by me\" view needs the viewer.");
            if (by.Ids is { } ids)
            {
                // read ahead: "id = ANY(@ids)", filtered by a hash of the list while the sort's index is walked
                products = products.Where(p => ids.Contains(p.Id));
            }
            else
            {
                // the viewer's recent audit records first (idx_audit_log_actor), then those products by key
                var decided = Decisions(db, by);
                products = products.Where(p => decided.Contains(p.Id));
            }
        }
        if (q.Status is { } status)
            products = products.Where(p => p.PublishingStatus == status);
        if (q.Cause is { } cause)
            products = products.Where(p => p.Cause == cause);
        if (q.VendorId is { } vendor)
            products = products.Where(p => p.VendorId == vendor);
        if (q.MinPrice is { } min)
            products = products.Where(p => p.SellingPrice >= min);
        if (q.MaxPrice is { } max)
            products = products.Where(p => p.SellingPrice <= max);
        if (q.SubmittedFrom is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            products = products.Where(p => p.CreatedAt >= start);
        }
        if (q.SubmittedTo is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            products = products.Where(p => p.CreatedAt < end);
        }
        if (q.EffectiveSearch is { } text)
        {
            var pattern = LikePattern.Contains(text);
            products = products.Where(p => EF.Functions.ILike(p.Title, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(p.Description, pattern, LikePattern.EscapeCharacter));
        }
        return products;
    }

    // the actions as constants: the partial index ix_audit_log_decisions (AuditDecisionsIndex) is proven by them
    internal static IQueryable<string> Decisions(PortalDbContext db, DecidedBy by) =>
        db.Set<AuditLogEntry>().Where(a => a.ActorId == by.ModeratorId && a.At >= by.Since
            && a.EntityType == EntityTypes.Product && EF.Constant(DecidedBy.Actions).Contains(a.Action)).Select(a => a.EntityId);

    /// <summary>
    /// <paramref name="by"/> (null: not a "decided by me" view) with the products decided in its window read ahead (distinct, at most
    /// <see cref="DecidedBy.MaxIdsReadAhead"/>; more and it stays without, filtered in the statement). In one statement
    /// the planner expects a few thousand decided products spread over the whole catalogue and walks the sort's index
    /// probing the audit log for each product; the decided ones are the recent ones, so on the large data that was
    /// 500,000 probes and a second for one page (docs/perf/benchmarks.md, session 13).
    /// </summary>
    public static async Task<DecidedBy?> DecidedIdsAsync(PortalDbContext db, DecidedBy? by, CancellationToken ct)
    {
        if (by is null || by.Ids is not null)
            return by;
        var ids = await Decisions(db, by).Distinct().Take(DecidedBy.MaxIdsReadAhead + 1).ToArrayAsync(ct);
        return ids.Length > DecidedBy.MaxIdsReadAhead ? by : by with { Ids = ids };
    }

    /// <summary>Sorted by the chosen column, then by (created_at, id) so pages are stable.</summary>
    public static IQueryable<Product> Order(IQueryable<Product> products, ProductQueueQuery q, PortalDbContext db, DecidedBy? decidedBy = null)
    {
        var d = q.Descending;
        if (q.Sort == ProductSort.Vendor)
            return ByVendor(products, db, d);
        if (decidedBy is { SortsApart: true } && q.Sort is ProductSort.Submitted or ProductSort.Title or ProductSort.Mrp or ProductSort.SellingPrice)
            return Fenced(products, q.Sort, d);
        IOrderedQueryable<Product> ordered = q.Sort switch
        {
            ProductSort.Title => d ? products.OrderByDescending(p => p.Title) : products.OrderBy(p => p.Title),
            ProductSort.Cause => d ? products.OrderByDescending(p => p.Cause) : products.OrderBy(p => p.Cause),
            ProductSort.Mrp => d ? products.OrderByDescending(p => p.Mrp) : products.OrderBy(p => p.Mrp),
            ProductSort.SellingPrice => d ? products.OrderByDescending(p => p.SellingPrice) : products.OrderBy(p => p.SellingPrice),
            ProductSort.Discount => d
                ? products.OrderByDescending(p => p.Mrp > 0 ? (p.Mrp - p.SellingPrice) / p.Mrp : 0)
                : products.OrderBy(p => p.Mrp > 0 ? (p.Mrp - p.SellingPrice) / p.Mrp : 0),
            _ => d ? products.OrderByDescending(p => p.CreatedAt) : products.OrderBy(p => p.CreatedAt),
        };
        if (q.Sort == ProductSort.Submitted)
            return d ? ordered.ThenByDescending(p => p.Id) : ordered.ThenBy(p => p.Id);
        return ordered.ThenBy(p => p.CreatedAt).ThenBy(p => p.Id);
    }

    /// <summary>
    /// "Decided by me" with its ids read ahead (up to <see cref="DecidedBy.MaxIdsSortedApart"/>) sorted by an expression
    /// no index serves (created_at + 0 s, title || '', price + 0): the decided products are read by their ids (a few
    /// thousand for a real week) and sorted, where a sort index walk would test
    /// the ids against every product older than the decided ones, which are the recent ones (decision 0056: 2,000 ids,
    /// 135-240 ms walking idx_products_created_at, 8.5 ms probing and sorting).
    /// </summary>
    private static IOrderedQueryable<Product> Fenced(IQueryable<Product> products, ProductSort sort, bool d)
    {
        IOrderedQueryable<Product> ordered = sort switch
        {
            ProductSort.Title => d ? products.OrderByDescending(p => p.Title + "") : products.OrderBy(p => p.Title + ""),
            ProductSort.Mrp => d ? products.OrderByDescending(p => p.Mrp + 0) : products.OrderBy(p => p.Mrp + 0),
            ProductSort.SellingPrice => d ? products.OrderByDescending(p => p.SellingPrice + 0) : products.OrderBy(p => p.SellingPrice + 0),
            _ => d ? products.OrderByDescending(p => p.CreatedAt + TimeSpan.Zero) : products.OrderBy(p => p.CreatedAt + TimeSpan.Zero),
        };
        if (sort == ProductSort.Submitted)
            return d ? ordered.ThenByDescending(p => p.Id) : ordered.ThenBy(p => p.Id);
        return ordered.ThenBy(p => p.CreatedAt).ThenBy(p => p.Id);
    }

    /// <summary>
    /// By vendor name as a join, not a correlated subquery: PostgreSQL then walks vendors in name order
    /// (idx_users_display_name) and each vendor's products in queue order (idx_products_vendor_id, widened), and stops after
    /// the page. Sorting by a subquery computed it for every product of the tab (seconds on 100,000 suggestions).
    /// </summary>
    private static IQueryable<Product> ByVendor(IQueryable<Product> products, PortalDbContext db, bool descending)
    {
        var joined = products.Join(db.Users, p => p.VendorId, u => u.Id, (p, u) => new { Product = p, Vendor = u.Name ?? u.Email });
        var ordered = descending ? joined.OrderByDescending(x => x.Vendor) : joined.OrderBy(x => x.Vendor);
        return ordered.ThenBy(x => x.Product.CreatedAt).ThenBy(x => x.Product.Id).Select(x => x.Product);
    }
}
