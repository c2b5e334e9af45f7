using AdminPortal.Features.Users.List;
using AdminPortal.Features.Users.User;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Features.Users;

public static class UsersSetup
{
    /// <summary>The users and roles administration: its services, and the lifespan of set-password links.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<UserQueryService>();
        services.AddScoped<UserDetailQueries>();
        services.AddScoped<ScopeLookup>();
        services.AddScoped<UserStatusActions>();
        services.AddScoped<RoleAssignments>();
        services.AddScoped<SessionActions>();
        services.AddScoped<ProfileEdits>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<AccessReport>();
        services.AddSingleton<PasswordLinks>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordLinks.Lifespan);
        return services;
    }
}
