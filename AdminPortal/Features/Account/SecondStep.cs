using System.Security.Claims;
using AdminPortal.Components.Account;
using AdminPortal.Data;
using AdminPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Account;

/// <summary>
/// What follows a right password: a user with a second factor owes it (the pending state, then
/// /account/second-factor); a user without one whose role needs one must enrol first (/account/second-factor/enrol);
/// anyone else is signed in. Completing either step signs in with amr=mfa.
/// </summary>
public sealed class SecondStep(SignInManager<PortalUser> signIn, SecondFactors factors, MfaPolicy policy,
    IDbContextFactory<PortalDbContext> dbFactory, AdminPortal.Security.SignIn.SignInAudit audit)
{
    public const string SecondFactorPath = "/account/second-factor";
    public const string EnrolPath = "/account/second-factor/enrol";
    public const string RecoveryPath = "/account/recovery";

    /// <summary>Null when the user is now signed in; otherwise the page of the step still owed.</summary>
    public async Task<string?> AfterPasswordAsync(PortalUser user, bool remember, string? returnUrl)
    {
        if ((await factors.StatusAsync(user)).Any)
        {
            await PendingSignIn.StartAsync(signIn.Context, signIn.UserManager, user, PendingStage.SecondFactor, remember);
            return WithReturn(SecondFactorPath, returnUrl);
        }
        if (await policy.RequiresAsync(dbFactory, user.Id))
        {
            await PendingSignIn.StartAsync(signIn.Context, signIn.UserManager, user, PendingStage.Enrol, remember);
            return WithReturn(EnrolPath, returnUrl);
        }
        await signIn.SignInAsync(user, remember);
        return null;
    }

    public Task<PendingUser?> PendingAsync() => PendingSignIn.ReadAsync(signIn.Context, signIn.UserManager);

    /// <summary>Ends the pending state and signs in with the second factor named in the cookie (amr=mfa).</summary>
    public async Task CompleteAsync(PortalUser user, bool remember, string method)
    {
        await PendingSignIn.EndAsync(signIn.Context);
        await signIn.SignInWithClaimsAsync(user, remember,
            [new Claim("amr", "mfa"), new Claim(ClaimTypes.AuthenticationMethod, method)]);
        // the sign-in is recorded here, where it completes (LoginAttempt records the ones with no second step)
        await audit.SignedInAsync(user.Id, user.Name ?? user.Email!, signIn.Context.Connection.RemoteIpAddress?.ToString(), null);
    }

    public static string WithReturn(string path, string? returnUrl)
    {
        var safe = LoginAttempt.SafeReturnUrl(returnUrl);
        return safe == "/" ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}returnUrl={Uri.EscapeDataString(safe)}";
    }
}
