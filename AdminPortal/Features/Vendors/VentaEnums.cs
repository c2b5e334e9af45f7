using NpgsqlTypes;

namespace AdminPortal.Features.Vendors;

/// <summary>
/// Venta subscriptions.provider: a string in the seed ("revenuecat", "stripe", etc.), a PostgreSQL enum here so the
/// subscriptions view filters on a closed list. A new provider is one ALTER TYPE ... ADD VALUE migration.
/// </summary>
public enum SubscriptionProvider
{
    [PgName("revenuecat")] RevenueCat,
    [PgName("stripe")] Stripe,
}

/// <summary>Venta subscriptions.status: "active", "cancelled", "expired".</summary>
public enum SubscriptionStatus
{
    [PgName("active")] Active,
    [PgName("cancelled")] Cancelled,
    [PgName("expired")] Expired,
}

/// <summary>Venta integrations.service: "algolia", "cloudinary", "clerk".</summary>
public enum IntegrationService
{
    [PgName("algolia")] Algolia,
    [PgName("cloudinary")] Cloudinary,
    [PgName("clerk")] Clerk,
}
