using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AdminPortal.Components.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // [FromForm] makes the endpoint validate the antiforgery token of the sign-out form.
        endpoints.MapPost("/account/logout", async (SignInManager<PortalUser> signIn, [FromForm] string? returnUrl) =>
        {
            _ = returnUrl;
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?signedOut=true");
        });
    }
}
