using AdminPortal.Features.Audit.Log;

namespace AdminPortal.Features.Audit;

public static class AuditSetup
{
    /// <summary>The audit log's reader for admins (the page and the CSV export).</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services) =>
        services.AddScoped<AuditLogQueryService>();
}
