using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security.Sessions;

/// <summary>
/// Work on an open circuit makes no HTTP request, so the circuit's inbound activity (clicks, typing, navigation)
/// counts as use of its session for the idle timeout: "last seen" moves at most once per touch interval. A tab left
/// alone stays idle and its session ends after the idle timeout (the revalidation then signs the tab out).
/// </summary>
public sealed class SessionActivity(AuthenticationStateProvider authentication, IServiceScopeFactory scopes,
    TimeProvider clock, IOptions<SessionOptions> options, ILogger<SessionActivity> logger) : CircuitHandler
{
    private DateTimeOffset _lastTouch = DateTimeOffset.MinValue;
    private Guid? _session;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        await next(context);
        var now = clock.GetUtcNow();
        if (now - _lastTouch < options.Value.Touch)
            return;
        _lastTouch = now;
        try
        {
            _session ??= PostgresTicketStore.SessionId((await authentication.GetAuthenticationStateAsync()).User);
            if (_session is { } id)
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<UserSessions>().TouchAsync(id);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Recording activity on the session failed");
        }
    };
}
