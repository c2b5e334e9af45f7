using AdminPortal.Features.Dashboard;
using AdminPortal.Data;
using AdminPortal.Features.Account;
using AdminPortal.Data.Demo;
using AdminPortal.Data.Demo.Platform;
using AdminPortal.Features.Audit;
using AdminPortal.Features.Brands;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Creators;
using AdminPortal.Features.Notifications;
using AdminPortal.Features.Operations;
using AdminPortal.Features.Search;
using AdminPortal.Features.Products;
using AdminPortal.Features.Vendors;
using AdminPortal.Live;
using AdminPortal.Features.Team;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Users;

namespace AdminPortal;

/// <summary>Each area registers itself here: the composition root stays one screen long.</summary>
public static class PortalFeatures
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services, IConfiguration configuration) =>
        services
            // the clock every feature reads (TAT, escalation, relative times); start-up and the demo data
            .AddSingleton(TimeProvider.System)
            .AddScoped<DatabaseStartup>()
            .AddScoped<DemoAccounts>()
            .AddScoped<DemoData>()
            .AddPlatformDemo()
            // then one line per area, each registering its services, workers and demo data part; the order is the
            // demo data's order (vendors and creators before the products and chats that refer to them)
            .AddVendors(configuration)   // Venta: vendors, subscriptions, the expiry pass
            .AddCreators()          // Cloutsy: brands, influencers, niches (data model)
            .AddBrands()            // moderators: the brand verification queue and review
            .AddLiveUpdates(configuration)   // live updates between circuits and instances
            .AddHelpdeskData()      // hostel staff: the helpdesk model's demo data
            .AddProducts()          // moderators: the suggestions queue and the review
            .AddChats()             // moderators and admins: group chats
            .AddUsers()             // admins: users, roles, sessions
            .AddSecondFactors()     // everyone: passkeys, authenticator codes, recovery codes, MFA per role
            .AddTickets(configuration)   // hostel staff: the queue, the ticket, categories
            .AddTeam()              // admins: staff profiles, away and the hand-off of open tickets
            .AddNotifications(configuration)   // everyone: the bell, the centre, preferences, e-mail
            .AddAuditLog()          // admins: the whole audit log
            .AddOperations()        // admins: /system, the outbox and the workers' passes
            .AddGlobalSearch()      // everyone: the app bar's one search box
            .AddDashboard();        // everyone: the dashboard's figures and the reports
}
