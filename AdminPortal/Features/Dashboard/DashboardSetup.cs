namespace AdminPortal.Features.Dashboard;

public static class DashboardSetup
{
    /// <summary>The dashboard's figures (each service checks its caller) and the reports.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<ModerationFigures>();
        services.AddScoped<TicketFigures>();
        services.AddScoped<AdminFigures>();
        services.AddScoped<DashboardReader>();
        services.AddScoped<Reports.ReportService>();
        return services;
    }
}
