using Microsoft.AspNetCore.Authorization;

namespace AdminPortal.Security;

public static class AuthorizationSetup
{
    /// <summary>
    /// One policy per <see cref="Permission"/>, satisfied by any role that maps to it; and the audit trail every
    /// feature records its actions in (registered here, once).
    /// </summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().SetFallbackPolicy(null);
        services.AddAuthorization(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
                options.AddPolicy(permission.ToString(), p => p.RequireRole(RolePermissionMapping.RolesWith(permission)));
        });
        services.AddCascadingAuthenticationState();
        services.AddSingleton<Audit.AuditTrail>();
        return services;
    }
}
