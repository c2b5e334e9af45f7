using AdminPortal.Data.Identity;
namespace AdminPortal.Security;

/// <summary>
/// The person acting, as the database says now (not as a possibly stale circuit principal says): their roles and
/// scoped grants. Services take one for every decision and check it themselves.
/// </summary>
public sealed record PortalActor(int Id, string Name, IReadOnlySet<string> Roles, IReadOnlyList<ScopeGrant> Grants,
    string? ClientAddress = null)
{
    public bool Has(Permission permission) => RolePermissionMapping.Grants(Roles, permission);

    public bool IsAdmin => Roles.Contains(PortalRoles.Admin);

    /// <summary>The ids of a domain ("hostel", "category") this actor holds <paramref name="role"/> in.</summary>
    public IReadOnlyList<int> ScopeIds(string role, string domain) =>
        Grants.Where(g => g.Role == role && g.Domain == domain && int.TryParse(g.Scope, out _))
            .Select(g => int.Parse(g.Scope, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct().ToList();

    /// <summary>The actor as audit records name it.</summary>
    public Audit.AuditActor ToAudit() => new(Id, Name, ClientAddress);

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the actor holds the permission.</summary>
    public PortalActor Require(Permission permission) =>
        Has(permission) ? this : throw new AccessDeniedException($"{Name} may not {permission}.");
}

public sealed record ScopeGrant(string Role, string Domain, string Scope);

/// <summary>A refused action: the service checked and said no. Pages show it; nothing was changed.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
