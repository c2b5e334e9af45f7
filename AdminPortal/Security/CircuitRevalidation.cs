using System.Security.Claims;
using AdminPortal.Security.Sessions;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Security;

/// <summary>What an open circuit's revalidation asks about its principal: its session row, its user, the stamp it holds.</summary>
public sealed record RevalidationRequest(Guid SessionId, int UserId, string? SecurityStamp)
{
    /// <summary>The principal's request; null when it names no session or no user (such a circuit is not valid).</summary>
    public static RevalidationRequest? Of(ClaimsPrincipal principal, IdentityOptions options) =>
        PostgresTicketStore.SessionId(principal) is { } session && principal.UserId() is { } user
            ? new RevalidationRequest(session, user, principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType))
            : null;
}

/// <summary>
/// The rule of the circuits' revalidation, for one request or many (decision 0051): the session row is live
/// (<see cref="UserSessions.LiveAmongAsync"/>), its user may hold a portal session (<see cref="PortalAccess.StampsOfPortalUsersAsync"/>:
/// not deleted, not deactivated, a portal role left) and the principal's security stamp is the user's. Two queries
/// however many requests; the second is skipped when no session is live.
/// </summary>
public static class CircuitRevalidation
{
    /// <summary>The requests among <paramref name="requests"/> that are still valid, and how many queries that took.</summary>
    public static async Task<(IReadOnlySet<RevalidationRequest> Valid, int Queries)> StillValidAsync(UserSessions sessions,
        PortalAccess access, IReadOnlyCollection<RevalidationRequest> requests, CancellationToken ct = default)
    {
        var live = await sessions.LiveAmongAsync([.. requests.Select(r => r.SessionId).Distinct()], ct);
        var alive = requests.Where(r => live.TryGetValue(r.SessionId, out var owner) && owner == r.UserId).ToList();
        if (alive.Count == 0)
            return (new HashSet<RevalidationRequest>(), 1);
        var stamps = await access.StampsOfPortalUsersAsync([.. alive.Select(r => r.UserId).Distinct()], ct);
        return (alive.Where(r => StampHolds(stamps, r.UserId, r.SecurityStamp)).ToHashSet(), 2);
    }

    /// <summary>The principal's session row is live: not ended (sign-out elsewhere, an admin), not expired, not idle.</summary>
    public static async Task<bool> SessionIsLiveAsync(UserSessions sessions, ClaimsPrincipal principal, CancellationToken ct = default) =>
        PostgresTicketStore.SessionId(principal) is { } id && principal.UserId() is { } userId
        && await sessions.IsLiveAsync(id, userId, ct);

    /// <summary>The principal's user may still hold a portal session and its stamp is the user's (the batch's rule, for one).</summary>
    public static async Task<bool> UserIsStillValidAsync(PortalAccess access, ClaimsPrincipal principal, IdentityOptions options,
        CancellationToken ct = default) =>
        principal.UserId() is { } userId
        && StampHolds(await access.StampsOfPortalUsersAsync([userId], ct), userId,
            principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType));

    /// <summary>The user may hold a portal session and the principal's stamp is theirs (a rotated stamp ends it).</summary>
    public static bool StampHolds(IReadOnlyDictionary<int, string?> stampsOfPortalUsers, int userId, string? principalStamp) =>
        stampsOfPortalUsers.TryGetValue(userId, out var stamp) && stamp is not null && stamp == principalStamp;
}
