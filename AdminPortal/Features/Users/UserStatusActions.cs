using AdminPortal.Data.Identity;
using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users;

/// <summary>
/// The account actions of the user page: verify, deactivate, reactivate, delete, restore, unlock, force a password
/// reset, reset two-factor. Each reads the actor from the database, checks the row version the admin saw, writes the
/// change and its audit record in one transaction, and announces it on the live feed after commit.
/// </summary>
public sealed class UserStatusActions(
    IDbContextFactory<PortalDbContext> dbFactory,
    ActorResolver actors,
    AuditTrail audit,
    IChangeFeed feed,
    TimeProvider clock,
    PasswordLinks links)
{
    public Task<UserActionResult> VerifyAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        RunAsync(by, userId, version, reason, UserAuditActions.Verify, reducesAccess: false, ct, (user, _) =>
        {
            if (user.DeletedAt is not null) return "Restore the account before verifying it.";
            if (user.Status == PlatformUserStatus.Verified) return "The account is already verified.";
            if (user.Status == PlatformUserStatus.Inactive) return "Reactivate the account before verifying it.";
            user.Status = PlatformUserStatus.Verified;
            user.IsVerified = true;
            return null;
        });

    public Task<UserActionResult> DeactivateAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        RunAsync(by, userId, version, reason, UserAuditActions.Deactivate, reducesAccess: true, ct, (user, actor) =>
        {
            if (user.Id == actor.Id) return "You cannot deactivate your own account.";
            if (user.Status == PlatformUserStatus.Inactive) return "The account is already inactive.";
            user.Status = PlatformUserStatus.Inactive;
            user.IsActive = false;
            return null;
        });

    public Task<UserActionResult> ReactivateAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        RunAsync(by, userId, version, reason, UserAuditActions.Reactivate, reducesAccess: false, ct, (user, _) =>
        {
            if (user.Status != PlatformUserStatus.Inactive) return "The account is not inactive.";
            user.Status = user.IsVerified ? PlatformUserStatus.Verified : PlatformUserStatus.NotVerified;
            user.IsActive = true;
            return null;
        });

    public Task<UserActionResult> DeleteAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        RunAsync(by, userId, version, reason, UserAuditActions.Delete, reducesAccess: true, ct, (user, actor) =>
        {
            if (user.Id == actor.Id) return "You cannot delete your own account.";
            if (user.DeletedAt is not null) return "The account is already deleted.";
            user.DeletedAt = clock.GetUtcNow().UtcDateTime;
            return null;
        });

    public Task<UserActionResult> RestoreAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        RunAsync(by, userId, version, reason, UserAuditActions.Restore, reducesAccess: false, ct, (user, _) =>
        {
            if (user.DeletedAt is null) return "The account is not deleted.";
            user.DeletedAt = null;
            return null;
        });

    public Task<UserActionResult> UnlockAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        RunAsync(by, userId, version, reason, UserAuditActions.Unlock, reducesAccess: false, ct, (user, _) =>
        {
            if (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow()) return "The account is not locked out.";
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return null;
        });

    /// <summary>Removes the password (no sign-in with it any more), rotates the stamp, returns a one-time reset link.</summary>
    public async Task<UserActionResult> ForcePasswordResetAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default)
    {
        var result = await RunAsync(by, userId, version, reason, UserAuditActions.ForcePasswordReset, reducesAccess: false, ct, (user, _) =>
        {
            if (user.DeletedAt is not null) return "Restore the account first.";
            user.PasswordHash = null;
            SecurityStamps.Rotate(user);
            return null;
        });
        if (!result.Succeeded)
            return result;
        var link = await links.CreateAsync(userId, ct);
        return UserActionResult.Ok("The password no longer works. Give the user this one-time link to choose a new one.", link);
    }

    public Task<UserActionResult> ResetTwoFactorAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        RunAsync(by, userId, version, reason, UserAuditActions.ResetTwoFactor, reducesAccess: false, ct, (user, _) =>
        {
            user.TwoFactorEnabled = false;
            SecurityStamps.Rotate(user);
            return null;
        }, removeAuthenticator: true);

    private async Task<UserActionResult> RunAsync(ClaimsPrincipal by, int userId, uint version, string? reason,
        string action, bool reducesAccess, CancellationToken ct, Func<PortalUser, PortalActor, string?> apply,
        bool removeAuthenticator = false)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageUsers, ct);
        if (string.IsNullOrWhiteSpace(reason))
            return UserActionResult.Refused("Give a reason: it goes into the audit trail.", "reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (reducesAccess)
            await AdminGuard.LockAsync(db, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return UserActionResult.Refused("There is no such user.");
        if (user.Version != version)
            return await UserConflicts.DescribeAsync(dbFactory, userId, ct);
        var before = UserSnapshot.Of(user);
        var refusal = apply(user, actor);
        if (refusal is not null)
            return UserActionResult.Refused(refusal);
        if (reducesAccess)
        {
            if (await AdminGuard.WouldLeaveNoAdminAsync(db, user.Id, ct))
                return UserActionResult.Refused(AdminGuard.LastAdminMessage);
            SecurityStamps.Rotate(user);
        }
        if (removeAuthenticator)
            await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == "[AspNetUserStore]")
                .ExecuteDeleteAsync(ct);
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(db, actor.ToAudit(), action, UserAuditActions.EntityType, Key(userId), before, UserSnapshot.Of(user), reason.Trim());
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await UserConflicts.DescribeAsync(dbFactory, userId, ct);
        }
        await feed.PublishAsync(new ChangeEvent(EntityTypes.User, Key(userId), ChangeActions.Updated, actor.Id, actor.Name), ct);
        return UserActionResult.Ok($"Done: {UserAuditActions.Describe(action)}.");
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The fields of a user an account action changes, as the audit record keeps them.</summary>
public sealed record UserSnapshot(string Status, bool IsActive, bool IsVerified, DateTime? DeletedAt,
    DateTimeOffset? LockoutEnd, bool HasPassword, bool TwoFactorEnabled)
{
    public static UserSnapshot Of(PortalUser u) => new(EnumText.Of(u.Status), u.IsActive, u.IsVerified, u.DeletedAt,
        u.LockoutEnd, u.PasswordHash is not null, u.TwoFactorEnabled);
}
