using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Vendors;

/// <summary>
/// What a Venta owner's account state means for their vendors and subscriptions (decision 0021), run inside the user
/// action's own transaction: a deactivated owner's open vendors close (subscriptions stay: billing is the provider's,
/// and deactivation is undone by reactivating); a deleted owner's vendors close and active subscriptions are cancelled
/// as of now. Reactivating or restoring reverts nothing: an operator reopens a vendor when the owner asks.
/// Each change has its own audit record naming the user action that caused it.
/// </summary>
public static class OwnerCascade
{
    public const string VendorClosed = "vendor.close_owner";
    public const string SubscriptionCancelled = "subscription.cancel_owner";

    /// <summary>The cascade of one user action (deactivate, delete); nothing for the others.</summary>
    public static async Task ForUserActionAsync(PortalDbContext db, AuditTrail audit, AuditActor actor, int userId, string action,
        string? reason, DateTime now, CancellationToken ct)
    {
        var (deactivate, delete) = (action == Users.UserAuditActions.Deactivate, action == Users.UserAuditActions.Delete);
        if (!deactivate && !delete)
            return;
        var cause = $"Owner's account {(delete ? "deleted" : "deactivated")}" + (reason is null ? "" : $": {reason}");
        await CloseVendorsAsync(db, audit, actor, userId, cause, now, ct);
        if (delete)
            await CancelSubscriptionsAsync(db, audit, actor, userId, cause, now, ct);
    }

    /// <summary>Closes the owner's open vendors; returns how many.</summary>
    public static async Task<int> CloseVendorsAsync(PortalDbContext db, AuditTrail audit, AuditActor actor, int ownerId,
        string cause, DateTime now, CancellationToken ct)
    {
        var open = await db.Set<Vendor>().Where(v => v.UserId == ownerId && v.Open).Select(v => v.Id).ToListAsync(ct);
        if (open.Count == 0)
            return 0;
        await db.Set<Vendor>().Where(v => open.Contains(v.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Open, false).SetProperty(v => v.UpdatedAt, now), ct);
        foreach (var id in open)
            audit.Add(db, actor, VendorClosed, VendorActions.EntityType, id.ToString(CultureInfo.InvariantCulture),
                new { open = true }, new { open = false }, cause);
        return open.Count;
    }

    /// <summary>Cancels the owner's active subscriptions as of now; returns how many.</summary>
    public static async Task<int> CancelSubscriptionsAsync(PortalDbContext db, AuditTrail audit, AuditActor actor, int ownerId,
        string cause, DateTime now, CancellationToken ct)
    {
        var active = await db.Set<Subscription>().Where(s => s.UserId == ownerId && s.Status == SubscriptionStatus.Active)
            .Select(s => new { s.Id, s.EndDate }).ToListAsync(ct);
        if (active.Count == 0)
            return 0;
        var ids = active.Select(s => s.Id).ToList();
        await db.Set<Subscription>().Where(s => ids.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriptionStatus.Cancelled)
                .SetProperty(x => x.EndDate, x => x.EndDate != null && x.EndDate < now ? x.EndDate : x.StartDate > now ? x.StartDate : now)
                .SetProperty(x => x.UpdatedAt, now), ct);
        foreach (var s in active)
            audit.Add(db, actor, SubscriptionCancelled, SubscriptionActions.EntityType, s.Id.ToString(CultureInfo.InvariantCulture),
                new { status = nameof(SubscriptionStatus.Active), endDate = s.EndDate }, new { status = nameof(SubscriptionStatus.Cancelled) }, cause);
        return active.Count;
    }
}
