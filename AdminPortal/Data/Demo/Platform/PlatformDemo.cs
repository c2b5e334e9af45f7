namespace AdminPortal.Data.Demo.Platform;

/// <summary>Shared facts of the platform demo parts: a fixed clock (the demo is deterministic) and who vendors are.</summary>
public static class PlatformDemo
{
    public static readonly DateTime Anchor = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    public const string VendorDomain = "@vendors.deedo.demo";
    public const string BuyerDomain = "@buyers.deedo.demo";
}
