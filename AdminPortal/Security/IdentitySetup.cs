using AdminPortal.Live;
using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Users;
using AdminPortal.Security.SignIn;
using AdminPortal.Security.Sessions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdminPortal.Security;

public static class IdentitySetup
{
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddPortalSessions(configuration);
        services.AddPortalCookies();
        // Every request checks the cookie's session row (PostgresTicketStore) and its security stamp (one indexed read
        // each): an ended session, a revoked role, a deactivated or deleted account is refused on the next request.
        // Open circuits are handled by RevalidatingIdentityStateProvider (every RevalidationSeconds) and
        // LiveAccessWatcher (at once). The principal made afresh on each validation keeps the session claim.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = context =>
            {
                var kept = context.CurrentPrincipal?.Claims.Where(c => c.Type is Sessions.PostgresTicketStore.SessionClaim or "amr").ToList() ?? [];
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    foreach (var claim in kept.Where(c => !identity.HasClaim(c.Type, c.Value)))
                        identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
                return Task.CompletedTask;
            };
        });

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // no lock-outs: anyone could keep an admin out with five wrong passwords. Sign-in is throttled
                // instead (Security/SignIn, decision 0017), and nothing of the portal's writes failures to a user row.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<SecurityStampValidator<PortalUser>>();
        services.Replace(ServiceDescriptor.Singleton<ISecurityStampValidator, ScopedStampValidator>());

        services.AddDataProtection()
            .SetApplicationName("AdminPortal")
            .PersistKeysToDbContext<PortalDbContext>();

        services.AddScoped<PortalAccess>();
        services.AddSignInThrottling(configuration);
        services.AddScoped<Components.Account.LoginAttempt>();
        services.AddScoped<ClientInfo>();
        services.AddScoped<Shared.ViewerClock>();
        services.AddScoped<ActorResolver>();
        services.AddSharedCache<ActorChecks>();
        services.AddSingleton<RevalidationBatcher>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        return services;
    }
}
