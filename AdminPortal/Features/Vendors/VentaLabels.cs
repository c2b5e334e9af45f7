using AdminPortal.Features.Vendors.List;

namespace AdminPortal.Features.Vendors;

/// <summary>Venta's values in words.</summary>
public static class VentaLabels
{
    public static string Of(SubscriptionStatus? s) => s switch
    {
        SubscriptionStatus.Active => "Active",
        SubscriptionStatus.Cancelled => "Cancelled",
        SubscriptionStatus.Expired => "Expired",
        _ => "None",
    };

    public static string Of(SubscriptionProvider p) => p == SubscriptionProvider.RevenueCat ? "RevenueCat" : "Stripe";

    public static string Of(IntegrationService s) => s switch
    {
        IntegrationService.Algolia => "Algolia",
        IntegrationService.Cloudinary => "Cloudinary",
        _ => "Clerk",
    };

    public static string Of(OwnerSubscription s) => s switch
    {
        OwnerSubscription.Active => "Owner subscribed",
        OwnerSubscription.Lapsed => "Owner's subscription ended",
        _ => "Owner never subscribed",
    };

    public static string Of(VendorIntegration i) => i switch
    {
        VendorIntegration.None => "No Algolia or Cloudinary",
        VendorIntegration.Clerk => "Owner on Clerk",
        _ => $"With {i}",
    };
}
