using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Security;

/// <summary>Who may hold a portal session at all: not deleted, not deactivated, and holding a portal role.</summary>
public sealed class PortalAccess(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<bool> MaySignInAsync(int userId, CancellationToken ct = default) =>
        (await StampsOfPortalUsersAsync([userId], ct)).ContainsKey(userId);

    /// <summary>
    /// The security stamp of each user among <paramref name="userIds"/> who may hold a portal session; the others are
    /// absent. One query for any number (the circuits' revalidation, decision 0051), and the one definition of the
    /// rule that <see cref="MaySignInAsync"/> also uses.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, string?>> StampsOfPortalUsersAsync(IReadOnlyCollection<int> userIds,
        CancellationToken ct = default)
    {
        if (userIds.Count == 0)
            return new Dictionary<int, string?>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.DeletedAt == null && u.Status != PlatformUserStatus.Inactive
                        && u.Roles.Any(r => PortalRoles.Portal.Contains(r.Role!.Name)))
            .Select(u => new { u.Id, u.SecurityStamp })
            .ToDictionaryAsync(u => u.Id, u => u.SecurityStamp, ct);
    }
}
