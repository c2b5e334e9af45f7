using AdminPortal.Shared;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Products;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Vendors.List;

/// <summary>One row of the vendors list.</summary>
public sealed record VendorRow(int Id, string Name, string? Email, bool Open, int OwnerId, string Owner, string? OwnerEmail,
    bool OwnerActive, SubscriptionStatus? OwnerBest, IReadOnlyList<IntegrationService> Integrations, DateTime CreatedAt);

public sealed record VendorPage(IReadOnlyList<VendorRow> Rows, CountEstimate Total);

/// <summary>
/// Reads for the vendors list: the filters on the vendor (name trigram index, open), its owner (users by id, the
/// owner's subscriptions by idx_subscriptions_user_id) and its integrations (ix_integrations_internal_id); pages by a
/// deferred join, counts capped.
/// </summary>
public sealed class VendorQueryService(ReadDbContextFactory reads, ActorResolver actors)
{
    public async Task<VendorPage> GetPageAsync(ClaimsPrincipal principal, VendorListQuery query, bool reload = false, CancellationToken ct = default)
    {
        if (reload)
            await actors.RequireForReloadAsync(principal, Permission.ManageVendors, ct);
        else
            await actors.RequireAsync(principal, Permission.ManageVendors, ct);
        await using var db = await reads.CreateDbContextAsync(principal, reload, ct);
        var filtered = Apply(db, query);
        var pageIds = Order(filtered, query).Skip(query.Offset).Take(query.PageSize).Select(v => v.Id);
        var rows = await Order(db.Set<Vendor>().AsNoTracking().Where(v => pageIds.Contains(v.Id)), query)
            .Select(v => new
            {
                v.Id, v.Name, v.Email, v.Open, v.UserId, Owner = v.User!.Name ?? v.User.Email, OwnerEmail = v.User.Email,
                OwnerActive = v.User.DeletedAt == null && v.User.IsActive,
                Statuses = db.Set<Subscription>().Where(s => s.UserId == v.UserId).Select(s => s.Status).Distinct().ToList(),
                Services = db.Set<Integration>().Where(i => (i.InternalId == v.Id.ToString() && i.Service != IntegrationService.Clerk)
                        || (i.InternalId == v.UserId.ToString() && i.Service == IntegrationService.Clerk))
                    .Select(i => i.Service).Distinct().ToList(),
                v.CreatedAt,
            }).ToListAsync(ct);
        // a short page is the whole rest of the view: an empty filter (owners with no subscription) is read once, not twice
        var total = CountEstimate.FromShortPage(query.Offset, query.PageSize, rows.Count)
                    ?? CountEstimate.FromCapped(await filtered.Take(CountEstimate.ExactLimit + 1).CountAsync(ct));
        return new VendorPage(rows.Select(r => new VendorRow(r.Id, r.Name, r.Email, r.Open, r.UserId, r.Owner ?? $"user {r.UserId}",
            r.OwnerEmail, r.OwnerActive, Best(r.Statuses), r.Services.Order().ToList(), r.CreatedAt)).ToList(), total);
    }

    /// <summary>Active beats expired beats cancelled; null when the owner never subscribed.</summary>
    public static SubscriptionStatus? Best(IReadOnlyCollection<SubscriptionStatus> statuses) =>
        statuses.Contains(SubscriptionStatus.Active) ? SubscriptionStatus.Active
        : statuses.Contains(SubscriptionStatus.Expired) ? SubscriptionStatus.Expired
        : statuses.Count > 0 ? SubscriptionStatus.Cancelled : null;

    internal static IQueryable<Vendor> Apply(PortalDbContext db, VendorListQuery q)
    {
        var vendors = db.Set<Vendor>().AsNoTracking();
        if (q.Open is { } open)
            vendors = vendors.Where(v => v.Open == open);
        if (q.EffectiveSearch is { } text)
        {
            // one branch per index (the vendors' two trigram indexes, the owners' through auth.users' trigram indexes and
            // idx_vendors_user_id), united by id: an OR across the join would read both tables whole
            var pattern = LikePattern.Contains(text);
            var all = db.Set<Vendor>();
            var owners = db.Users.Where(u => EF.Functions.ILike(u.Name!, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(u.Email!, pattern, LikePattern.EscapeCharacter)).Select(u => u.Id);
            var matching = all.Where(v => EF.Functions.ILike(v.Name, pattern, LikePattern.EscapeCharacter)).Select(v => v.Id)
                .Union(all.Where(v => EF.Functions.ILike(v.Email!, pattern, LikePattern.EscapeCharacter)).Select(v => v.Id))
                .Union(all.Where(v => owners.Contains(v.UserId)).Select(v => v.Id));
            vendors = vendors.Where(v => matching.Contains(v.Id));
        }
        // the owners' numbers the subscription triggers keep (reporting.vendor_owners, decision 0036): each filter starts
        // from its owners through a partial index instead of hashing every active subscription or walking every vendor
        vendors = q.Subscription switch
        {
            OwnerSubscription.Active => vendors.Where(v => db.Database.SqlQueryRaw<int>(VendorOwnerSql.ActiveOwners).Contains(v.UserId)),
            OwnerSubscription.Lapsed => vendors.Where(v => db.Database.SqlQueryRaw<int>(VendorOwnerSql.LapsedOwners).Contains(v.UserId)),
            OwnerSubscription.None => vendors.Where(v => db.Database.SqlQueryRaw<int>(VendorOwnerSql.OwnersWithoutSubscription).Contains(v.UserId)),
            _ => vendors,
        };
        var integrations = db.Set<Integration>();
        vendors = q.Integration switch
        {
            VendorIntegration.Algolia => vendors.Where(v => db.Database.SqlQueryRaw<int>(VendorIntegrationSql.VendorsWithAlgolia).Contains(v.Id)),
            VendorIntegration.Cloudinary => vendors.Where(v => db.Database.SqlQueryRaw<int>(VendorIntegrationSql.VendorsWithCloudinary).Contains(v.Id)),
            VendorIntegration.Clerk => vendors.Where(v => integrations.Any(i => i.InternalId == v.UserId.ToString() && i.Service == IntegrationService.Clerk)),
            // the numbers the integrations' triggers keep (reporting.vendor_integrations, decision 0036): the vendors with none
            VendorIntegration.None => vendors.Where(v => db.Database.SqlQueryRaw<int>(VendorIntegrationSql.VendorsWithout).Contains(v.Id)),
            _ => vendors,
        };
        return vendors;
    }

    private static IQueryable<Vendor> Order(IQueryable<Vendor> vendors, VendorListQuery q) => (q.Sort, q.Descending) switch
    {
        (VendorSort.Created, false) => vendors.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id),
        (VendorSort.Created, true) => vendors.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id),
        (_, false) => vendors.OrderBy(v => v.Name).ThenBy(v => v.Id),
        _ => vendors.OrderByDescending(v => v.Name).ThenByDescending(v => v.Id),
    };
}
