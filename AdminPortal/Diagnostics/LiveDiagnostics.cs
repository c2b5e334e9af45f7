using System.Net;
using AdminPortal.Live;
using AdminPortal.Security;

namespace AdminPortal.Diagnostics;

/// <summary>
/// <c>GET /_diagnostics/live</c>, for the circuit leak check: how many change-feed subscriptions and presence visits
/// this instance holds. Mapped only in Development (PortalPipeline), only for admins, only from loopback.
/// </summary>
public static class LiveDiagnostics
{
    public sealed record LiveReport(int Subscribers, int Presence);

    public static IEndpointRouteBuilder MapLiveDiagnostics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/_diagnostics/live", (HttpContext context, IChangeFeed feed, PresenceTracker presence) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is null || !IPAddress.IsLoopback(remote))
                return Results.NotFound();
            return Results.Ok(new LiveReport(feed.SubscriberCount, presence.LocalVisitCount));
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Admin));
        return app;
    }
}
