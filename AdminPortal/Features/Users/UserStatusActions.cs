using AdminPortal.Data.Identity;
using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Security.Sessions;
using AdminPortal.Shared;
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
    PasswordLinks links,
    UserSessions sessions)
{
    /// <summary>Every account action needs a reason: it goes into the audit trail.</summary>
    public static readonly ReasonRules AccountReason = new(3, 500,
        ["Asked for by the user", "Duplicate account", "Breaks the community rules", "Account compromised"]);

    /// <summary>Runs one of the account actions the user page offers.</summary>
    public async Task<Outcome> RunAsync(AccountAction action, ClaimsPrincipal by, int userId, uint version, string? reason,
        CancellationToken ct = default) => action switch
    {
        AccountAction.Verify => await VerifyAsync(by, userId, version, reason, ct),
        AccountAction.Deactivate => await DeactivateAsync(by, userId, version, reason, ct),
        AccountAction.Reactivate => await ReactivateAsync(by, userId, version, reason, ct),
        AccountAction.Delete => await DeleteAsync(by, userId, version, reason, ct),
        AccountAction.Restore => await RestoreAsync(by, userId, version, reason, ct),
        AccountAction.Unlock => await UnlockAsync(by, userId, version, reason, ct),
        AccountAction.ForcePasswordReset => await ForcePasswordResetAsync(by, userId, version, reason, ct),
        AccountAction.ResetTwoFactor => await ResetTwoFactorAsync(by, userId, version, reason, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public Task<Outcome> VerifyAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, userId, version, reason, UserAuditActions.Verify, reducesAccess: false, ct, (user, _) =>
        {
            if (user.DeletedAt is not null) return "Restore the account before verifying it.";
            if (user.Status == PlatformUserStatus.Verified) return "The account is already verified.";
            if (user.Status == PlatformUserStatus.Inactive) return "Reactivate the account before verifying it.";
            user.Status = PlatformUserStatus.Verified;
            user.IsVerified = true;
            return null;
        });

    public Task<Outcome> DeactivateAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, userId, version, reason, UserAuditActions.Deactivate, reducesAccess: true, ct, endSessions: SessionEndReasons.Deactivated, apply: (user, actor) =>
        {
            if (user.Id == actor.Id) return "You cannot deactivate your own account.";
            if (user.Status == PlatformUserStatus.Inactive) return "The account is already inactive.";
            user.Status = PlatformUserStatus.Inactive;
            user.IsActive = false;
            return null;
        });

    public Task<Outcome> ReactivateAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, userId, version, reason, UserAuditActions.Reactivate, reducesAccess: false, ct, (user, _) =>
        {
            if (user.Status != PlatformUserStatus.Inactive) return "The account is not inactive.";
            user.Status = user.IsVerified ? PlatformUserStatus.Verified : PlatformUserStatus.NotVerified;
            user.IsActive = true;
            return null;
        });

    public Task<Outcome> DeleteAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, userId, version, reason, UserAuditActions.Delete, reducesAccess: true, ct, endSessions: SessionEndReasons.Deleted, apply: (user, actor) =>
        {
            if (user.Id == actor.Id) return "You cannot delete your own account.";
            if (user.DeletedAt is not null) return "The account is already deleted.";
            user.DeletedAt = clock.GetUtcNow().UtcDateTime;
            return null;
        });

    public Task<Outcome> RestoreAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, userId, version, reason, UserAuditActions.Restore, reducesAccess: false, ct, (user, _) =>
        {
            if (user.DeletedAt is null) return "The account is not deleted.";
            user.DeletedAt = null;
            return null;
        });

    public Task<Outcome> UnlockAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, userId, version, reason, UserAuditActions.Unlock, reducesAccess: false, ct, (user, _) =>
        {
            if (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow()) return "The account is not locked out.";
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return null;
        });

    /// <summary>Removes the password (no sign-in with it any more), rotates the stamp, returns a one-time reset link.</summary>
    public async Task<Outcome<OneTimeLink>> ForcePasswordResetAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default)
    {
        var result = await ApplyAsync(by, userId, version, reason, UserAuditActions.ForcePasswordReset, reducesAccess: false, ct, endSessions: SessionEndReasons.PasswordReset, apply: (user, _) =>
        {
            if (user.DeletedAt is not null) return "Restore the account first.";
            user.PasswordHash = null;
            SecurityStamps.Rotate(user);
            return null;
        });
        if (!result.Succeeded)
            return Outcome<OneTimeLink>.Failed(result);
        var link = await links.CreateAsync(userId, ct);
        return Outcome<OneTimeLink>.Done(new OneTimeLink(link),
            "The password no longer works. Give the user this one-time link to choose a new one.");
    }

    /// <summary>Removes every second factor (passkeys, authenticator, recovery codes) and ends the user's sessions.</summary>
    public Task<Outcome> ResetTwoFactorAsync(ClaimsPrincipal by, int userId, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, userId, version, reason, UserAuditActions.ResetTwoFactor, reducesAccess: false, ct, endSessions: SessionEndReasons.SecondFactorReset, apply: (user, _) =>
        {
            if (!user.TwoFactorEnabled) return "The user has no second factor.";
            user.TwoFactorEnabled = false;
            SecurityStamps.Rotate(user);
            return null;
        }, removeAuthenticator: true);

    private async Task<Outcome> ApplyAsync(ClaimsPrincipal by, int userId, uint version, string? reason,
        string action, bool reducesAccess, CancellationToken ct, Func<PortalUser, PortalActor, string?> apply,
        bool removeAuthenticator = false, string? endSessions = null)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageUsers, ct);
        if (AccountReason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (reducesAccess)
            await AdminGuard.LockAsync(db, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return Outcome.NotFound("There is no such user.");
        if (user.Version != version)
            return await UserConflicts.DescribeAsync(dbFactory, userId, ct);
        var before = UserSnapshot.Of(user);
        var refusal = apply(user, actor);
        if (refusal is not null)
            return Outcome.Refused(refusal);
        if (reducesAccess)
        {
            if (await AdminGuard.WouldLeaveNoAdminAsync(db, user.Id, ct))
                return Outcome.Refused(AdminGuard.LastAdminMessage);
            SecurityStamps.Rotate(user);
        }
        if (removeAuthenticator)
        {
            // every second factor: the authenticator key and recovery codes, the portal's pending key and last code, passkeys
            await db.UserTokens.Where(t => t.UserId == userId && (t.LoginProvider == "[AspNetUserStore]" || t.LoginProvider == "[AdminPortal]"))
                .ExecuteDeleteAsync(ct);
            await db.UserPasskeys.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        }
        if (endSessions is not null)
            await sessions.EndAllInAsync(db, user.Id, endSessions, actor.ToAudit(), ct);   // every device, every open circuit
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // a Venta owner's vendors and subscriptions follow in this same transaction (decision 0021)
        await Vendors.OwnerCascade.ForUserActionAsync(db, audit, actor.ToAudit(), userId, action, ReasonRules.Normalize(reason), user.UpdatedAt, ct);
        audit.Add(db, actor.ToAudit(), action, UserAuditActions.EntityType, Key(userId), before, UserSnapshot.Of(user), ReasonRules.Normalize(reason));
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
        return Outcome.Done($"Done: {UserAuditActions.Describe(action)}.");
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

/// <summary>The account actions the user page offers (each needs a reason).</summary>
public enum AccountAction { Verify, Reactivate, Deactivate, Unlock, ForcePasswordReset, ResetTwoFactor, Delete, Restore }
