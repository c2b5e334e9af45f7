namespace AdminPortal.Features.Team;

public static class TeamSetup
{
    /// <summary>The desk's people: staff profiles' reads and actions (the list, the staff page, the hand-off).</summary>
    public static IServiceCollection AddTeam(this IServiceCollection services) =>
        services.AddScoped<StaffQueryService>().AddScoped<StaffProfiles>();
}
