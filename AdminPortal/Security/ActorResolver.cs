using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Security;

/// <summary>
/// Reads the acting user's current roles from user_roles for each action, so a revoked role, a deactivated or deleted
/// account is refused at once, even on a circuit opened before the change.
/// </summary>
public sealed class ActorResolver(IDbContextFactory<PortalDbContext> dbFactory, ClientInfo client, ActorChecks shared)
{
    public async Task<PortalActor> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var id = principal.UserId() ?? throw new AccessDeniedException("Not signed in.");
        return await ResolveAsync(id, ct);
    }

    public async Task<PortalActor> ResolveAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DeletedAt == null && u.Status != PlatformUserStatus.Inactive)
            .Select(u => new
            {
                u.Id,
                Name = u.Name ?? u.Email!,
                Grants = u.Roles.Select(r => new { Role = r.Role!.Name, r.Domain, r.Scope }).ToList(),
            })
            .SingleOrDefaultAsync(ct) ?? throw new AccessDeniedException("This account no longer has access.");
        var roles = user.Grants.Select(g => g.Role).ToHashSet();
        var grants = user.Grants.Where(g => g.Domain is not null && g.Scope is not null)
            .Select(g => new ScopeGrant(g.Role, g.Domain!, g.Scope!)).ToList();
        return new PortalActor(user.Id, user.Name, roles, grants, client.Address);
    }

    /// <summary>
    /// The check of <see cref="RequireAsync"/> for a reload caused by a live event, where every open circuit of a user
    /// asks at once: they share one read of the user's roles, dropped when that user changes and after
    /// <see cref="ActorChecks.MaxAge"/>. Never for an action: actions read the roles themselves.
    /// </summary>
    public async Task RequireForReloadAsync(ClaimsPrincipal principal, Permission permission, CancellationToken ct = default)
    {
        var id = principal.UserId() ?? throw new AccessDeniedException("Not signed in.");
        (await ResolveSharedAsync(id, ct)).Require(permission);
    }

    /// <summary>
    /// The user's roles as read at most <see cref="ActorChecks.MaxAge"/> ago (by any circuit), for reading only:
    /// nothing audited or changed may rest on it (its client address may be another circuit's).
    /// </summary>
    public Task<PortalActor> ResolveSharedAsync(int userId, CancellationToken ct = default) =>
        shared.Actors.GetAsync(userId, () => ResolveAsync(userId, CancellationToken.None), ct);

    /// <summary>Resolves and requires a permission in one step.</summary>
    public async Task<PortalActor> RequireAsync(ClaimsPrincipal principal, Permission permission, CancellationToken ct = default) =>
        (await ResolveAsync(principal, ct)).Require(permission);
}

/// <summary>The client's address for audit records; set once per circuit from the initial request.</summary>
public sealed class ClientInfo
{
    public string? Address { get; set; }
}
