using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security;

/// <summary>
/// Re-checks an open circuit's user every Security:RevalidationSeconds (30 s at most): an ended, expired or idle
/// session, a rotated security stamp, a deleted or deactivated account, or the loss of every portal role ends the
/// circuit's access. The check is answered with the other circuits' of the same moment (<see cref="RevalidationBatcher"/>,
/// decision 0051); a database out of reach answers "still valid" (decision 0030).
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    RevalidationBatcher batcher,
    IOptions<IdentityOptions> options,
    IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // the answer comes up to one batching window after the check is asked: the interval leaves room for it, so a
    // revocation still reaches an idle circuit within the configured bound
    protected override TimeSpan RevalidationInterval { get; } = TimeSpan.FromMilliseconds(Math.Max(100,
        Math.Min(30, configuration.GetValue("Security:RevalidationSeconds", 30)) * 1000.0 - batcher.Window.TotalMilliseconds));

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        RevalidationRequest.Of(authenticationState.User, options.Value) is { } request
            ? batcher.IsStillValidAsync(request, cancellationToken)
            : Task.FromResult(false);
}
