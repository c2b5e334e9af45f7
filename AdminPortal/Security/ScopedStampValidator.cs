using AdminPortal.Data.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Security;

/// <summary>
/// The security-stamp check of every request (<see cref="SecurityStampValidator{TUser}"/>, run with
/// <c>ValidationInterval = 0</c>) in a DI scope of its own, disposed when the check ends. Identity resolves it from the
/// request's services; there it would keep its SignInManager, UserManager and a <c>PortalDbContext</c> tracking the
/// signed-in user for as long as the request lives, and the request that carries a circuit's WebSocket lives as long as
/// the circuit: about 40 KB held by every open screen (the heap dump in docs/perf/circuits.md, session 13).
/// </summary>
public sealed class ScopedStampValidator(IServiceScopeFactory scopes) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SecurityStampValidator<PortalUser>>().ValidateAsync(context);
    }
}
