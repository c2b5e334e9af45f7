using AdminPortal.Data.Identity;
using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Features.Users;

/// <summary>
/// Grants and revokes portal roles (auth.user_roles), optionally scoped to a hostel or a category. Admins only.
/// Revoking rotates the holder's security stamp; both announce the change so the holder's open pages follow at once.
/// </summary>
public sealed class RoleAssignments(
    IDbContextFactory<PortalDbContext> dbFactory,
    ActorResolver actors,
    AuditTrail audit,
    IChangeFeed feed)
{
    public sealed record Grant(string Role, string? Domain = null, int? ScopeId = null);

    /// <summary>A reason is optional when granting or revoking; when given it goes into the audit trail.</summary>
    public static readonly ReasonRules RoleReason = new(3, 500, Required: false);

    public async Task<Outcome> GrantAsync(ClaimsPrincipal by, int userId, Grant grant, string? reason,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageRoles, ct);
        if (RoleReason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var checkedGrant = await ValidateAsync(db, grant, ct);
        if (checkedGrant.Error is not null)
            return checkedGrant.Error;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DeletedAt }).SingleOrDefaultAsync(ct);
        if (user is null)
            return Outcome.NotFound("There is no such user.");
        if (user.DeletedAt is not null)
            return Outcome.Refused("Restore the account before granting it a role.");
        var scope = grant.ScopeId?.ToString(CultureInfo.InvariantCulture);
        if (await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == checkedGrant.RoleId
                                             && r.Domain == grant.Domain && r.Scope == scope, ct))
            return Outcome.Refused($"The user already holds {Label(grant.Role, checkedGrant.ScopeName)}.", "role");
        db.UserRoles.Add(new UserRole { UserId = userId, RoleId = checkedGrant.RoleId, Domain = grant.Domain, Scope = scope });
        audit.Add(db, actor.ToAudit(), UserAuditActions.GrantRole, UserAuditActions.EntityType, Key(userId),
            null, new { grant.Role, grant.Domain, Scope = scope, ScopeName = checkedGrant.ScopeName }, ReasonRules.Normalize(reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Outcome.Refused($"The user already holds {Label(grant.Role, checkedGrant.ScopeName)}.", "role");
        }
        await PublishAsync(userId, actor, ct);
        return Outcome.Done($"Granted {Label(grant.Role, checkedGrant.ScopeName)}.");
    }

    /// <summary>Revokes one assignment (a user_roles row). Refused for the last active admin's Admin role.</summary>
    public async Task<Outcome> RevokeAsync(ClaimsPrincipal by, int userRoleId, string? reason,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageRoles, ct);
        if (RoleReason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AdminGuard.LockAsync(db, ct);
        // the actor may have been demoted while waiting for the lock: ask the database again
        actor = await actors.ResolveAsync(actor.Id, ct);
        actor.Require(Permission.ManageRoles);
        var row = await db.UserRoles.Include(r => r.Role).Include(r => r.User)
            .SingleOrDefaultAsync(r => r.Id == userRoleId, ct);
        if (row is null)
            return Outcome.NotFound("This role assignment no longer exists: someone revoked it already. Reload.");
        var user = row.User!;
        if (row.Role!.Name == PortalRoles.Admin)
        {
            var otherAdminRows = await db.UserRoles.CountAsync(r => r.UserId == user.Id && r.Id != row.Id
                                                                   && r.Role!.Name == PortalRoles.Admin, ct);
            if (otherAdminRows == 0 && await AdminGuard.WouldLeaveNoAdminAsync(db, user.Id, ct))
                return Outcome.Refused(AdminGuard.LastAdminMessage);
        }
        var scopeName = await ScopeNameAsync(db, row.Domain, row.Scope, ct);
        db.UserRoles.Remove(row);
        SecurityStamps.Rotate(user);
        audit.Add(db, actor.ToAudit(), UserAuditActions.RevokeRole, UserAuditActions.EntityType, Key(user.Id),
            new { Role = row.Role.Name, row.Domain, row.Scope, ScopeName = scopeName }, null, ReasonRules.Normalize(reason));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await UserConflicts.DescribeAsync(dbFactory, user.Id, ct);
        }
        await PublishAsync(user.Id, actor, ct);
        return Outcome.Done($"Revoked {Label(row.Role.Name, scopeName)}.");
    }

    private sealed record CheckedGrant(int RoleId, string? ScopeName, Outcome? Error);

    private static async Task<CheckedGrant> ValidateAsync(PortalDbContext db, Grant grant, CancellationToken ct)
    {
        var roleId = await db.PortalRoles.Where(r => r.Name == grant.Role).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        if (roleId is null)
            return new(0, null, Outcome.Refused("Choose a role.", "role"));
        if (grant.Domain is not null && grant.Domain is not (ScopeDomains.Hostel or ScopeDomains.Category))
            return new(0, null, Outcome.Refused("A scope is a hostel or a category.", "scope"));
        if ((grant.Domain is null) != (grant.ScopeId is null))
            return new(0, null, Outcome.Refused("Choose both a scope kind and the hostel or category, or neither.", "scope"));
        if (grant.Domain is null)
            return new(roleId.Value, null, null);
        if (grant.Role != PortalRoles.Staff)
            return new(0, null, Outcome.Refused($"{grant.Role} applies everywhere; only Staff is scoped to hostels or categories.", "scope"));
        var name = await ScopeNameAsync(db, grant.Domain, grant.ScopeId!.Value.ToString(CultureInfo.InvariantCulture), ct);
        return name is null
            ? new(0, null, Outcome.Refused($"There is no such {grant.Domain}.", "scope"))
            : new(roleId.Value, name, null);
    }

    public static async Task<string?> ScopeNameAsync(PortalDbContext db, string? domain, string? scope, CancellationToken ct)
    {
        if (domain is null || !int.TryParse(scope, CultureInfo.InvariantCulture, out var id))
            return null;
        return domain switch
        {
            ScopeDomains.Hostel => await db.Set<Hostel>().Where(h => h.Id == id).Select(h => h.Name).SingleOrDefaultAsync(ct),
            ScopeDomains.Category => await db.Set<Category>().Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(ct),
            _ => null,
        };
    }

    public static string Label(string role, string? scopeName) => scopeName is null ? role : $"{role} of {scopeName}";

    private Task PublishAsync(int userId, PortalActor actor, CancellationToken ct) =>
        feed.PublishAsync(new ChangeEvent(EntityTypes.User, Key(userId), ChangeActions.Updated, actor.Id, actor.Name), ct);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
