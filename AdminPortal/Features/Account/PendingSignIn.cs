using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Features.Account;

/// <summary>What is still owed after a right password: a second factor, or enrolling one.</summary>
public enum PendingStage { SecondFactor, Enrol }

/// <summary>A password sign-in waiting for its second step (who, what is owed, "keep me signed in").</summary>
public sealed record PendingUser(PortalUser User, PendingStage Stage, bool Remember);

/// <summary>
/// The half-signed-in state between the password and the second factor: its own short cookie (5 minutes, not
/// sliding, HttpOnly, SameSite=Strict) holding the user's id, security stamp and stage, never the application cookie.
/// Nothing of the portal accepts it: a user who owes a second factor, or must enrol one, can open only the second-step
/// and enrolment pages. Not Identity's two-factor cookie: Identity keeps its passkey ceremony state in that one.
/// </summary>
public static class PendingSignIn
{
    public const string Scheme = "AdminPortal.Pending";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const string StageClaim = "adminportal:pending-stage";
    private const string RememberClaim = "adminportal:remember";

    public static async Task StartAsync(HttpContext http, UserManager<PortalUser> users, PortalUser user, PendingStage stage, bool remember)
    {
        var identity = new ClaimsIdentity(Scheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(users.Options.ClaimsIdentity.SecurityStampClaimType, await users.GetSecurityStampAsync(user)));
        identity.AddClaim(new Claim(StageClaim, stage.ToString()));
        identity.AddClaim(new Claim(RememberClaim, remember ? "1" : "0"));
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>The pending user, or null (no cookie, expired, or the account changed since: its stamp differs).</summary>
    public static async Task<PendingUser?> ReadAsync(HttpContext http, UserManager<PortalUser> users)
    {
        var result = await http.AuthenticateAsync(Scheme);
        if (result.Principal is not { } principal || principal.Identity?.Name is not { } id)
            return null;
        var user = await users.FindByIdAsync(id);
        if (user is null || user.DeletedAt is not null
            || principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user)
            || !Enum.TryParse<PendingStage>(principal.FindFirstValue(StageClaim), out var stage))
            return null;
        return new PendingUser(user, stage, principal.FindFirstValue(RememberClaim) == "1");
    }

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>The cookie scheme of the pending state.</summary>
    public static AuthenticationBuilder AddPendingSignIn(this AuthenticationBuilder auth) =>
        auth.AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "AdminPortal.Pending";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = Lifetime;
            cookie.SlidingExpiration = false;
            cookie.LoginPath = "/account/login";
        });
}
