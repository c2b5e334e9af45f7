using AdminPortal.Data.Demo;
using AdminPortal.Features.Tickets.Demo;
using AdminPortal.Security.Audit;

namespace AdminPortal.Features.Tickets;

public static class HelpdeskDataSetup
{
    /// <summary>The helpdesk data model's services: the audit trail and the helpdesk demo data.</summary>
    public static IServiceCollection AddHelpdeskData(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrail>();
        services.AddScoped<IDemoDataPart, HelpdeskDemoData>();
        return services;
    }
}
