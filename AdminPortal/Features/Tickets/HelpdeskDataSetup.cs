using AdminPortal.Data.Demo;
using AdminPortal.Features.Tickets.Demo;

namespace AdminPortal.Features.Tickets;

public static class HelpdeskDataSetup
{
    /// <summary>The helpdesk demo data.</summary>
    public static IServiceCollection AddHelpdeskData(this IServiceCollection services)
    {
        services.AddScoped<IDemoDataPart, HelpdeskDemoData>();
        return services;
    }
}
