using AdminPortal.Data.Identity;
using AdminPortal.Security;
using AdminPortal.Security.Sessions;
using AdminPortal.Security.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AdminPortal.Components.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // [FromForm] makes the endpoint validate the antiforgery token of the sign-out form.
        endpoints.MapPost("/account/logout", async (HttpContext context, SignInManager<PortalUser> signIn, SignInAudit audit,
            [FromForm] string? returnUrl) =>
        {
            _ = returnUrl;
            var user = context.User;
            // the session store then ends the session's row as "signed out" (the cookie is refused everywhere it was copied)
            context.Items[PostgresTicketStore.SignOutItem] = true;
            await signIn.SignOutAsync();
            if (user.UserId() is { } id)
                await audit.SignedOutAsync(id, user.Identity?.Name ?? "", context.Connection.RemoteIpAddress?.ToString(),
                    PostgresTicketStore.SessionId(user));
            return Results.LocalRedirect("/account/login?signedOut=true");
        });
    }
}
