using AdminPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdminPortal.Features.Account;

public static class SecondFactorSetup
{
    /// <summary>Second factors: passkeys (Identity schema 3), authenticator codes, recovery codes, the MFA policy.</summary>
    public static IServiceCollection AddSecondFactors(this IServiceCollection services)
    {
        services.AddAuthentication().AddPendingSignIn();
        services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            // a passkey signs in on its own: the authenticator must verify the user (PIN or biometrics) and keep the
            // credential (discoverable), so it is two factors in one
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
            // the browser's origin must be the one this request came to (behind the proxy: the forwarded scheme), never
            // a frame of another site
            o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin,
                $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase));
        });
        services.TryAddScoped<IPasskeyHandler<PortalUser>, PasskeyHandler<PortalUser>>();
        services.AddSingleton(sp => new MfaPolicy(sp.GetRequiredService<IConfiguration>(), sp.GetService<IHostEnvironment>()));
        services.AddScoped<SecondFactors>();
        services.AddScoped<SecondStep>();
        return services;
    }
}
