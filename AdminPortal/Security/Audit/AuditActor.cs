using System.Security.Claims;

namespace AdminPortal.Security.Audit;

/// <summary>Who an audit record names: a portal user, or the system (Id null).</summary>
public sealed record AuditActor(int? Id, string Name, string? ClientAddress = null)
{
    public static readonly AuditActor System = new(null, "system");

    public static AuditActor From(ClaimsPrincipal principal, string? clientAddress = null) =>
        new(principal.UserId(), principal.Identity?.Name ?? "unknown", clientAddress);
}
