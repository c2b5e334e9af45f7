using AdminPortal.Data.Demo;
using AdminPortal.Features.Vendors.List;
using AdminPortal.Features.Vendors.Subscriptions;
using AdminPortal.Features.Vendors.VendorScreen;

namespace AdminPortal.Features.Vendors;

public static class VendorsSetup
{
    /// <summary>Venta: the vendors list and page, subscriptions, their actions, and the expiry pass.</summary>
    public static IServiceCollection AddVendors(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddSingleton<IDemoDataPart, VendorsDemoData>();
        if (configuration is not null)
            services.Configure<VendorsOptions>(configuration.GetSection("Vendors"));
        else
            services.AddOptions<VendorsOptions>();
        services.AddScoped<VendorQueryService>();
        services.AddScoped<VendorDetailsService>();
        services.AddScoped<SubscriptionQueryService>();
        services.AddScoped<VendorActions>();
        services.AddScoped<SubscriptionActions>();
        services.AddSingleton<SubscriptionExpiryPass>();
        if (configuration?.GetValue("Vendors:RunWorkers", configuration.GetValue("Tickets:RunWorkers", true)) == true)
            services.AddHostedService(sp => sp.GetRequiredService<SubscriptionExpiryPass>());
        return services;
    }
}
