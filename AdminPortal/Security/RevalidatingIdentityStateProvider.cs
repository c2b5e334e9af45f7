using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Features.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security;

/// <summary>
/// Re-checks an open circuit's user every Security:RevalidationSeconds (30 s at most): an ended, expired or idle
/// session, a rotated security stamp,
/// a deleted or deactivated account, or the loss of every portal role ends the circuit's access.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RevalidatingIdentityStateProvider>();

    protected override TimeSpan RevalidationInterval { get; } =
        TimeSpan.FromSeconds(Math.Min(30, configuration.GetValue("Security:RevalidationSeconds", 30)));

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckAsync(authenticationState, cancellationToken);
        }
        catch (Exception ex) when (AdminPortal.Data.DatabaseFaults.IsUnavailable(ex))
        {
            // The base class signs the circuit out on an exception: a database restart would sign out every open
            // screen. Nothing can be revoked while the database is down; the next round (within 30 s) checks again.
            _logger.LogWarning("Could not revalidate a circuit's user: the database is out of reach; checking again next round");
            return true;
        }
    }

    private async Task<bool> CheckAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (!await SessionIsLiveAsync(scope.ServiceProvider.GetRequiredService<Sessions.UserSessions>(), authenticationState.User, cancellationToken))
            return false;
        return await IsStillValidAsync(users, scope.ServiceProvider.GetRequiredService<PortalAccess>(),
            authenticationState.User, options.Value, cancellationToken);
    }

    /// <summary>The circuit's session row is live: not ended (sign-out elsewhere, an admin), not expired, not idle.</summary>
    public static async Task<bool> SessionIsLiveAsync(Sessions.UserSessions sessions, ClaimsPrincipal principal, CancellationToken ct) =>
        Sessions.PostgresTicketStore.SessionId(principal) is { } id && principal.UserId() is { } userId
        && await sessions.IsLiveAsync(id, userId, ct);

    public static async Task<bool> IsStillValidAsync(UserManager<PortalUser> users, PortalAccess access,
        ClaimsPrincipal principal, IdentityOptions options, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || !await access.MaySignInAsync(user.Id, ct))
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var principalStamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
