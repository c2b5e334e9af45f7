using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Security;

/// <summary>
/// Re-checks an open circuit's principal against the database after a change to its user: is the account still
/// usable, and do the rights the circuit holds still match the assignments?
/// </summary>
public static class CircuitAccessCheck
{
    public enum Verdict
    {
        /// <summary>Nothing that matters changed.</summary>
        Unchanged,
        /// <summary>The account is fine but its rights changed: carry on with <see cref="Result.Fresh"/>.</summary>
        RightsChanged,
        /// <summary>Deleted or deactivated, or the session ended (a lock-out is not a portal concept: decision 0017): the circuit must end (reload; the cookie is refused).</summary>
        AccountGone,
    }

    public sealed record Result(Verdict Verdict, ClaimsPrincipal? Fresh);

    /// <param name="services">A fresh scope's provider (UserManager is scoped).</param>
    public static async Task<Result> RunAsync(IServiceProvider services, ClaimsPrincipal principal, IdentityOptions options,
        CancellationToken ct = default)
    {
        if (!await CircuitRevalidation.SessionIsLiveAsync(services.GetRequiredService<Sessions.UserSessions>(), principal, ct))
            return new Result(Verdict.AccountGone, null);
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.DeletedAt is not null || user.Status == PlatformUserStatus.Inactive)
            return new Result(Verdict.AccountGone, null);
        var stillValid = await CircuitRevalidation.UserIsStillValidAsync(services.GetRequiredService<PortalAccess>(), principal, options, ct);
        var fresh = await services.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        // the circuit keeps its session: the fresh principal names the same session row
        if (principal.FindFirst(Sessions.PostgresTicketStore.SessionClaim) is { } session && fresh.Identity is ClaimsIdentity identity)
            identity.AddClaim(new Claim(session.Type, session.Value));
        return stillValid && SameRights(principal, fresh)
            ? new Result(Verdict.Unchanged, null)
            : new Result(Verdict.RightsChanged, fresh);
    }

    public static bool SameRights(ClaimsPrincipal a, ClaimsPrincipal b) =>
        Rights(a).SetEquals(Rights(b));

    private static HashSet<string> Rights(ClaimsPrincipal p) =>
        p.Claims.Where(c => c.Type is ClaimTypes.Role or ScopeClaims.Type).Select(c => c.Type + "=" + c.Value).ToHashSet();
}
