using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Data.Demo.Platform;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Creators;
using AdminPortal.Features.Notifications;
using AdminPortal.Features.Products;
using AdminPortal.Features.Vendors;
using AdminPortal.Live;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Users;

namespace AdminPortal;

/// <summary>Each area registers itself here: the composition root stays one screen long.</summary>
public static class PortalFeatures
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DatabaseStartup>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<DemoData>();
        services.AddPlatformDemo();
        services.AddVendors();
        services.AddCreators();
        services.AddLiveUpdates(configuration);
        services.AddHelpdeskData();
        services.AddProducts();
        services.AddChats();
        services.AddUsers();
        services.AddTickets(configuration);
        services.AddNotifications();
        return services;
    }
}
