using AdminPortal.Features.Tickets.Categories;
using AdminPortal.Features.Tickets.TicketScreen;
using AdminPortal.Features.Tickets.Notifications;
using AdminPortal.Features.Tickets.Queue;

namespace AdminPortal.Features.Tickets;

public static class TicketsSetup
{
    /// <summary>Ticket triage: scope, queue, ticket page, actions, intake, categories, escalation and notifications.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TicketsOptions>(configuration.GetSection("Tickets"));
        services.AddSingleton<TicketScope>();
        services.AddSingleton<TicketAccessLog>();
        services.AddScoped<TicketQueryService>();
        services.AddScoped<TicketDetailsService>();
        services.AddScoped<AdminPortal.Security.IMediaScope, TicketMediaScope>();
        services.AddScoped<TicketActions>();
        services.AddScoped<TicketIntake>();
        services.AddScoped<SavedViews>();
        services.AddScoped<CategoryAdmin>();
        services.AddScoped<CategoryCatalogue>();
        services.AddScoped<TicketLookups>();   // scoped: it checks its caller (ActorResolver is per circuit)
        services.AddSingleton<EscalationWorker>();
        services.AddSingleton<OutboxDispatcher>();
        if (configuration.GetValue("Tickets:RunWorkers", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<EscalationWorker>());
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        }
        return services;
    }
}
