using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using AdminPortal.Security;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Components.Account;

/// <summary>
/// One sign-in: the password is checked with lockout on, and only then is the portal-role check made, so the page
/// never tells whether an address exists.
/// </summary>
public sealed class LoginAttempt(SignInManager<PortalUser> signIn, PortalAccess access, TimeProvider clock,
    AdminPortal.Features.Account.SecondStep? secondStep = null)
{
    public const string WrongCredentials = "Wrong email or password.";
    public const string NoPortalAccess = "This account cannot sign in to the portal.";

    /// <param name="Next">The second-step page still owed (a second factor, or enrolling one), or null when signed in.</param>
    public sealed record Outcome(string? Error, string? Next = null);

    public async Task<Outcome> RunAsync(string email, string password, bool remember, string? returnUrl = null)
    {
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
            return new Outcome(WrongCredentials);
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
            return new Outcome(LockedMessage(user));
        if (!check.Succeeded)
            return new Outcome(WrongCredentials);
        if (!await access.MaySignInAsync(user.Id))
            return new Outcome(NoPortalAccess);
        if (secondStep is not null)
            return new Outcome(null, await secondStep.AfterPasswordAsync(user, remember, returnUrl));
        await signIn.SignInAsync(user, remember);
        return new Outcome(null);
    }

    private string LockedMessage(PortalUser user)
    {
        var left = (user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow();
        var minutes = Math.Max(1, (int)Math.Ceiling(left.TotalMinutes));
        return $"This account is locked after too many failed sign-ins. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}, or ask an admin to unlock it.";
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            ? returnUrl : "/";
}
