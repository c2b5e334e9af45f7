using AdminPortal.Data.Demo;
using AdminPortal.Features.Audit.Log;

namespace AdminPortal.Features.Audit;

public static class AuditSetup
{
    /// <summary>The audit log's reader for admins (the page and the CSV export), and its share of the large load.</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services) =>
        services.AddScoped<AuditLogQueryService>()
            .AddSingleton<IDemoDataPart, LargeAuditLog>();
}
