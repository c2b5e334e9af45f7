using System.Globalization;
using AdminPortal.Components.Account;
using AdminPortal.Data.Identity;
using AdminPortal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AdminPortal.Features.Account;

/// <summary>
/// The passkey ceremonies' server half (wwwroot/passkeys.js is the browser half). Every POST carries the form's
/// antiforgery token ([FromForm] makes the endpoint check it) and sits under /account/passkey, which the sign-in rate
/// limiter covers. Identity keeps each ceremony's challenge in its own short cookie between the two requests.
/// </summary>
public static class PasskeyEndpoints
{
    public const string Failed = "The passkey did not sign you in. Try again, or sign in with your password.";

    public static void MapPasskeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account/passkey");

        // navigator.credentials.get: the pending user's passkeys (second step), or any passkey of this site (sign-in)
        group.MapPost("/request-options", async (SignInManager<PortalUser> signIn, [FromForm] string? purpose) =>
        {
            _ = purpose;
            var pending = await PendingSignIn.ReadAsync(signIn.Context, signIn.UserManager);
            var json = await signIn.MakePasskeyRequestOptionsAsync(pending is { Stage: PendingStage.SecondFactor } ? pending.User : null);
            return Results.Content(json, "application/json");
        });

        // navigator.credentials.create: for the signed-in user, or the user enrolling right after the password
        group.MapPost("/creation-options", async (HttpContext http, SignInManager<PortalUser> signIn, [FromForm] string? purpose) =>
        {
            _ = purpose;
            if (await EnrollingUserAsync(http, signIn) is not { } user)
                return Results.Unauthorized();
            var json = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
            {
                Id = user.Id.ToString(CultureInfo.InvariantCulture),
                Name = user.Email ?? user.Id.ToString(CultureInfo.InvariantCulture),
                DisplayName = user.Name ?? user.Email ?? "AdminPortal user",
            });
            return Results.Content(json, "application/json");
        });

        group.MapPost("/login", async (SignInManager<PortalUser> signIn, SecondStep step, SecondFactors factors, PortalAccess access,
            [FromForm] string? credential, [FromForm] string? returnUrl) =>
        {
            var pending = await step.PendingAsync();
            var owed = pending is { Stage: PendingStage.SecondFactor } ? pending.User : null;
            var user = await AssertAsync(signIn, credential);
            if (user is null || (owed is not null && user.Id != owed.Id) || !await access.MaySignInAsync(user.Id))
            {
                if (owed is not null)
                {
                    await factors.FailedAsync(owed, "passkey not accepted");
                    return Results.LocalRedirect(SecondStep.WithReturn(SecondStep.SecondFactorPath + "?passkey=failed", returnUrl));
                }
                return Results.LocalRedirect("/account/login?passkey=failed");
            }
            await step.CompleteAsync(user, pending?.Remember ?? false, "passkey");
            return Results.LocalRedirect(LoginAttempt.SafeReturnUrl(returnUrl));
        });
    }

    /// <summary>The user of a valid assertion (its sign count saved), or null.</summary>
    private static async Task<PortalUser?> AssertAsync(SignInManager<PortalUser> signIn, string? credential)
    {
        if (string.IsNullOrEmpty(credential) || credential.Length > 16_384)
            return null;
        PasskeyAssertionResult<PortalUser> result;
        try
        {
            result = await signIn.PerformPasskeyAssertionAsync(credential);
        }
        catch (InvalidOperationException)
        {
            return null;   // no ceremony under way (its cookie expired or was never made)
        }
        if (!result.Succeeded || result.User.DeletedAt is not null)
            return null;
        await signIn.UserManager.AddOrUpdatePasskeyAsync(result.User, result.Passkey);
        return result.User;
    }

    /// <summary>The signed-in user, or the user who must enrol right after the password.</summary>
    public static async Task<PortalUser?> EnrollingUserAsync(HttpContext http, SignInManager<PortalUser> signIn)
    {
        if (signIn.IsSignedIn(http.User))
            return await signIn.UserManager.GetUserAsync(http.User);
        return await PendingSignIn.ReadAsync(http, signIn.UserManager) is { Stage: PendingStage.Enrol } pending ? pending.User : null;
    }
}
