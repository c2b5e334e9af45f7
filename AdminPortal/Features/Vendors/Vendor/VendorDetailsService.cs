using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Vendors.VendorScreen;

public sealed record TrailPoint(double Lat, double Long, DateTime At);

public sealed record VendorIntegrationRow(IntegrationService Service, string ExternalId, DateTime CreatedAt, bool OfOwner);

public sealed record OwnerVendor(int Id, string Name, bool Open);

public sealed record OwnerSubscriptionRow(int Id, SubscriptionProvider Provider, string ProductId, SubscriptionStatus Status, DateTime? EndDate);

public sealed record VendorChange(string ActorName, string Action, DateTime At, string? Reason);

/// <summary>Everything the vendor page shows.</summary>
public sealed record VendorDetails(int Id, string Name, string? Description, string? Phone, string? Email, string? Website, bool Open,
    double? Lat, double? Long, DateTime CreatedAt, DateTime UpdatedAt, uint Version, int OwnerId, string OwnerName, string? OwnerEmail,
    bool OwnerActive, bool OwnerDeleted, IReadOnlyList<TrailPoint> Trail, IReadOnlyList<VendorIntegrationRow> Integrations,
    IReadOnlyList<OwnerVendor> OtherVendors, IReadOnlyList<OwnerSubscriptionRow> Subscriptions, IReadOnlyList<VendorChange> History);

/// <summary>Reads for the vendor page: the newest part of the trail (idx_locations_vendor_id, newest first), the rest by key.</summary>
public sealed class VendorDetailsService(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors)
{
    public const int TrailPoints = 100;

    public async Task<VendorDetails?> GetAsync(ClaimsPrincipal principal, int id, bool reload = false, CancellationToken ct = default)
    {
        if (reload)
            await actors.RequireForReloadAsync(principal, Permission.ManageVendors, ct);
        else
            await actors.RequireAsync(principal, Permission.ManageVendors, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await db.Set<Vendor>().AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            Vendor = x, Owner = x.User!.Name ?? x.User.Email, OwnerEmail = x.User.Email, OwnerActive = x.User.IsActive,
            OwnerDeleted = x.User.DeletedAt != null,
        }).SingleOrDefaultAsync(ct);
        if (v is null)
            return null;
        var vendor = v.Vendor;
        var trail = await db.Set<Location>().AsNoTracking().Where(l => l.VendorId == id).OrderByDescending(l => l.Timestamp)
            .Take(TrailPoints).Select(l => new TrailPoint(l.Lat, l.Long, l.Timestamp)).ToListAsync(ct);
        var (key, owner) = (id.ToString(CultureInfo.InvariantCulture), vendor.UserId.ToString(CultureInfo.InvariantCulture));
        var integrations = await db.Set<Integration>().AsNoTracking()
            .Where(i => (i.InternalId == key && i.Service != IntegrationService.Clerk) || (i.InternalId == owner && i.Service == IntegrationService.Clerk))
            .OrderBy(i => i.Service).Select(i => new VendorIntegrationRow(i.Service, i.ExternalId, i.CreatedAt, i.Service == IntegrationService.Clerk))
            .ToListAsync(ct);
        var others = await db.Set<Vendor>().AsNoTracking().Where(x => x.UserId == vendor.UserId && x.Id != id).OrderBy(x => x.Name)
            .Take(50).Select(x => new OwnerVendor(x.Id, x.Name, x.Open)).ToListAsync(ct);
        var subscriptions = await db.Set<Subscription>().AsNoTracking().Where(s => s.UserId == vendor.UserId)
            .OrderByDescending(s => s.StartDate).Take(20)
            .Select(s => new OwnerSubscriptionRow(s.Id, s.Provider, s.ProductId, s.Status, s.EndDate)).ToListAsync(ct);
        var history = await db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == VendorActions.EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(20)
            .Select(a => new VendorChange(a.ActorName, a.Action, a.At, a.Reason)).ToListAsync(ct);
        return new VendorDetails(vendor.Id, vendor.Name, vendor.Description, vendor.Phone, vendor.Email, vendor.Website, vendor.Open,
            vendor.Lat, vendor.Long, vendor.CreatedAt, vendor.UpdatedAt, vendor.Version, vendor.UserId, v.Owner ?? $"user {vendor.UserId}",
            v.OwnerEmail, v.OwnerActive, v.OwnerDeleted, trail, integrations, others, subscriptions, history);
    }
}
