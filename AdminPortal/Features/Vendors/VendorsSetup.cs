using AdminPortal.Data.Demo;

namespace AdminPortal.Features.Vendors;

public static class VendorsSetup
{
    public static IServiceCollection AddVendors(this IServiceCollection services) =>
        services.AddSingleton<IDemoDataPart, VendorsDemoData>();
}
