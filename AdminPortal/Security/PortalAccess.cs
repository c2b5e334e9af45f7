using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Security;

/// <summary>Who may hold a portal session at all: not deleted, not deactivated, and holding a portal role.</summary>
public sealed class PortalAccess(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<bool> MaySignInAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.Id == userId && u.DeletedAt == null
                                            && u.Status != PlatformUserStatus.Inactive
                                            && u.Roles.Any(r => PortalRoles.Portal.Contains(r.Role!.Name)), ct);
    }
}
