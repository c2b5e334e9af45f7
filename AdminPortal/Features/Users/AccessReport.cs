using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users;

/// <summary>
/// "Who can do what": who holds a permission where, and what one user may do and why. An unscoped assignment applies
/// everywhere; one scoped to a hostel covers everything of that hostel, one scoped to a category everything of that
/// category (a ticket of hostel H and category C is covered by H's and by C's staff). Deleted and inactive accounts
/// hold nothing.
/// </summary>
public sealed class AccessReport(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, ScopeLookup scopeLookup)
{
    public sealed record Holder(int UserId, string Name, string Email, string Role, string Where);

    public sealed record EffectivePermission(Permission Permission, IReadOnlyList<string> Sources);

    /// <summary>True when an assignment (domain, scope) covers the asked hostel and category (null: not asked).</summary>
    public static bool Covers(string? domain, string? scope, int? hostelId, int? categoryId) =>
        domain is null
        || (hostelId is null && categoryId is null)
        || (domain == ScopeDomains.Hostel && scope == hostelId?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        || (domain == ScopeDomains.Category && scope == categoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<IReadOnlyList<Holder>> WhoCanAsync(ClaimsPrincipal by, Permission permission, int? hostelId,
        int? categoryId, CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageUsers, ct);
        var roles = RolePermissionMapping.RolesWith(permission).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await ActiveAssignments(db).Where(r => roles.Contains(r.Role!.Name))
            .Select(r => new { r.UserId, Name = r.User!.Name ?? r.User.Email!, r.User.Email, Role = r.Role!.Name, r.Domain, r.Scope })
            .ToListAsync(ct);
        var scopes = await scopeLookup.ScopesAsync(ct);
        return rows.Where(r => Covers(r.Domain, r.Scope, hostelId, categoryId))
            .Select(r => new Holder(r.UserId, r.Name, r.Email!, r.Role, Where(r.Domain, r.Scope, scopes)))
            .OrderBy(h => h.Name).ThenBy(h => h.Role).ToList();
    }

    public async Task<IReadOnlyList<EffectivePermission>> PermissionsOfAsync(ClaimsPrincipal by, int userId,
        CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageUsers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await ActiveAssignments(db).Where(r => r.UserId == userId)
            .Select(r => new { Role = r.Role!.Name, r.Domain, r.Scope }).ToListAsync(ct);
        var scopes = await scopeLookup.ScopesAsync(ct);
        return Enum.GetValues<Permission>()
            .Select(p => new EffectivePermission(p, rows.Where(r => RolePermissionMapping.PermissionsOf(r.Role).Contains(p))
                .Select(r => $"{r.Role}, {Where(r.Domain, r.Scope, scopes)}").ToList()))
            .Where(e => e.Sources.Count > 0).ToList();
    }

    private static IQueryable<UserRole> ActiveAssignments(PortalDbContext db) =>
        db.UserRoles.AsNoTracking().Where(r => r.User!.DeletedAt == null && r.User.Status != PlatformUserStatus.Inactive);

    private static string Where(string? domain, string? scope, ScopeOptions scopes) =>
        domain is null ? "everywhere" : $"{domain} {scopes.NameOf(domain, scope) ?? "#" + scope}";
}
