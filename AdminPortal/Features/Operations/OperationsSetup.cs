using AdminPortal.Features.Operations.SystemScreen;

namespace AdminPortal.Features.Operations;

public static class OperationsSetup
{
    /// <summary>Admins: /system (the outbox's stuck events, the workers' passes) and the pass record every worker writes.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton<WorkerPassLog>();
        services.AddScoped<SystemQueryService>();
        services.AddScoped<OutboxConsole>();
        return services;
    }
}
