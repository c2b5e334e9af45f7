using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;

namespace AdminPortal.Features.Vendors;

/// <summary>Venta subscriptions: a user's paid plan, bought through RevenueCat (mobile) or Stripe (web).</summary>
public class Subscription
{
    /// <summary>Venta subscriptions.id (a cuid in the seed; an identity integer here).</summary>
    public int Id { get; set; }

    /// <summary>Venta subscriptions.userId: the subscriber, a Venta user merged into auth.users.</summary>
    public int UserId { get; set; }

    public PortalUser? User { get; set; }

    /// <summary>Venta subscriptions.provider.</summary>
    public SubscriptionProvider Provider { get; set; }

    /// <summary>Venta subscriptions.productId: the provider's product (plan) id.</summary>
    public required string ProductId { get; set; }

    /// <summary>Venta subscriptions.status.</summary>
    public SubscriptionStatus Status { get; set; }

    /// <summary>Venta subscriptions.startDate.</summary>
    public DateTime StartDate { get; set; }

    /// <summary>Venta subscriptions.endDate: null while open-ended.</summary>
    public DateTime? EndDate { get; set; }

    /// <summary>Venta subscriptions.createdAt.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Venta subscriptions.updatedAt.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token (portal).</summary>
    public uint Version { get; set; }
}
