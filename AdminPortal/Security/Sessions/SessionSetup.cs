using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security.Sessions;

public static class SessionSetup
{
    /// <summary>Server-side sessions: the ticket store behind the auth cookie, the service that ends sessions, circuit activity.</summary>
    public static IServiceCollection AddPortalSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section));
        services.AddSingleton<PostgresTicketStore>();
        services.AddScoped<UserSessions>();
        services.AddScoped<CircuitHandler, SessionActivity>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<PostgresTicketStore, IOptions<SessionOptions>>((cookie, store, sessions) =>
            {
                cookie.SessionStore = store;
                cookie.LoginPath = "/account/login";
                cookie.LogoutPath = "/account/logout";
                cookie.AccessDeniedPath = "/account/access-denied";
                // the cookie lives as long as the session may (its row enforces the absolute and idle limits); not sliding
                cookie.ExpireTimeSpan = sessions.Value.Absolute;
                cookie.SlidingExpiration = false;
            });
        return services;
    }

    /// <summary>
    /// The portal's cookies (decision 0017): outside Development every one is Secure and named with the <c>__Host-</c>
    /// prefix (the browser then refuses it without Secure, from another path or with a Domain, so no sibling host can
    /// set or shadow it); in Development, where the portal and its E2E tests run over http on loopback, the names have
    /// no prefix and Secure follows the request. Always HttpOnly and SameSite=Lax (Strict on the antiforgery cookie).
    /// </summary>
    public static IServiceCollection AddPortalCookies(this IServiceCollection services)
    {
        foreach (var (scheme, name) in new[]
                 {
                     (IdentityConstants.ApplicationScheme, "AdminPortal.Auth"),
                     (IdentityConstants.TwoFactorUserIdScheme, "AdminPortal.TwoFactor"),
                     (IdentityConstants.TwoFactorRememberMeScheme, "AdminPortal.TwoFactorRemember"),
                     (IdentityConstants.ExternalScheme, "AdminPortal.External"),
                 })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<IServiceProvider>((options, sp) =>
            {
                var secure = Secure(sp);
                options.Cookie.Name = CookieName(name, secure);
                options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.Path = "/";
                options.Cookie.Domain = null;
            });
        }
        services.AddOptions<AntiforgeryOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            var secure = Secure(sp);
            options.Cookie.Name = CookieName("AdminPortal.Antiforgery", secure);
            options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
        });
        return services;
    }

    /// <summary>Secure, prefixed cookies everywhere but Development (a container without a host counts as not Development).</summary>
    private static bool Secure(IServiceProvider services) =>
        services.GetService<IHostEnvironment>()?.IsDevelopment() != true;

    public static string CookieName(string name, bool secure) => secure ? "__Host-" + name : name;
}
