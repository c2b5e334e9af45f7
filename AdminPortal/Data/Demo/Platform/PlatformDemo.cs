namespace AdminPortal.Data.Demo.Platform;

/// <summary>Shared facts of the platform demo parts: who vendors and buyers are. Times: <see cref="DemoHistory"/>.</summary>
public static class PlatformDemo
{
    public const string VendorDomain = "@vendors.deedo.demo";
    public const string BuyerDomain = "@buyers.deedo.demo";
}
