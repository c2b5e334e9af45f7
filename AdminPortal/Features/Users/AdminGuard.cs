using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users;

/// <summary>
/// The portal never loses its last active admin. Every action that can take admin rights away (revoking Admin,
/// deactivating, deleting) first takes one transaction-scoped advisory lock, then counts: two admins demoting each
/// other at once run one after the other, and the second sees the first's commit.
/// </summary>
public static class AdminGuard
{
    public const string LastAdminMessage =
        "This is the last active admin: grant Admin to someone else first, so the portal is never left without one.";

    private const long LockKey = 0x4164_6d69_6e73; // "Admins"

    /// <summary>Takes the admins lock until the caller's transaction ends. Call inside a transaction.</summary>
    public static Task LockAsync(PortalDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);

    /// <summary>True when no active admin would be left after the given user loses admin rights.</summary>
    public static async Task<bool> WouldLeaveNoAdminAsync(PortalDbContext db, int losingUserId, CancellationToken ct)
    {
        var admins = await ActiveAdminIds(db).ToListAsync(ct);
        return admins.Contains(losingUserId) && admins.All(id => id == losingUserId);
    }

    public static IQueryable<int> ActiveAdminIds(PortalDbContext db) =>
        db.UserRoles.Where(r => r.Role!.Name == PortalRoles.Admin && r.User!.DeletedAt == null
                                && r.User.Status != PlatformUserStatus.Inactive)
            .Select(r => r.UserId).Distinct();
}
