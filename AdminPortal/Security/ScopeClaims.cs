using AdminPortal.Data.Identity;
using System.Security.Claims;

namespace AdminPortal.Security;

/// <summary>Scoped role assignments carried in the principal as "scope" claims: "Staff|hostel|3".</summary>
public static class ScopeClaims
{
    public const string Type = "adminportal:scope";

    public static string Format(string role, string domain, string scope) => $"{role}|{domain}|{scope}";

    public static IEnumerable<(string Role, string Domain, string Scope)> Read(ClaimsPrincipal principal) =>
        principal.FindAll(Type)
            .Select(c => c.Value.Split('|'))
            .Where(p => p.Length == 3)
            .Select(p => (p[0], p[1], p[2]));

    public static int? UserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The claim with the user's own name (<see cref="PortalClaimsPrincipalFactory"/>; absent when the user has none).</summary>
    public const string NameType = "name";

    /// <summary>The name to show for the signed-in user: their own name, else the sign-in name (the e-mail).</summary>
    public static string? DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirst(NameType)?.Value ?? principal.Identity?.Name;
}
