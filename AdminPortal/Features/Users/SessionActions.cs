using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users;

/// <summary>Ends a user's platform sessions: one login token or refresh token, or all of them.</summary>
public sealed class SessionActions(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    /// <summary>Revokes one refresh token (tokenId) or, with null, every live one, and deletes the login tokens too when <paramref name="all"/>.</summary>
    public async Task<Outcome> RevokeRefreshTokenAsync(ClaimsPrincipal by, int userId, Guid? tokenId, string? reason,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageUsers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var live = db.Set<RefreshToken>().Where(t => t.UserId == userId && !t.Revoked);
        if (tokenId is { } one)
            live = live.Where(t => t.Id == one);
        var ids = await live.Select(t => t.Id).ToListAsync(ct);
        var loginTokens = tokenId is null ? await db.Set<Token>().Where(t => t.UserId == userId).Select(t => t.Id).ToListAsync(ct) : [];
        if (ids.Count == 0 && loginTokens.Count == 0)
            return Outcome.Refused(tokenId is null ? "The user has no live session." : "This session is already revoked.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<RefreshToken>().Where(t => ids.Contains(t.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Revoked, true).SetProperty(t => t.RevokedAt, now), ct);
        if (loginTokens.Count > 0)
            await db.Set<Token>().Where(t => loginTokens.Contains(t.Id)).ExecuteDeleteAsync(ct);
        audit.Add(db, actor.ToAudit(), UserAuditActions.RevokeToken, UserAuditActions.EntityType, Key(userId),
            new { RefreshTokens = ids, LoginTokens = loginTokens }, null, ReasonRules.Normalize(reason));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await feed.PublishAsync(new ChangeEvent(EntityTypes.User, Key(userId), ChangeActions.Updated, actor.Id, actor.Name), ct);
        return Outcome.Done(tokenId is null
            ? $"Revoked {ids.Count} refresh token(s) and {loginTokens.Count} login token(s)."
            : "Revoked the session.");
    }

    /// <summary>Deletes one login token (Deed-O tokens have no revoked flag: deleting it ends the session).</summary>
    public async Task<Outcome> RevokeLoginTokenAsync(ClaimsPrincipal by, int userId, int tokenId, string? reason,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageUsers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.Set<Token>().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
            return Outcome.NotFound("This login token no longer exists.");
        db.Remove(token);
        audit.Add(db, actor.ToAudit(), UserAuditActions.RevokeToken, UserAuditActions.EntityType, Key(userId),
            new { LoginToken = token.Id, Platform = EnumText.Of(token.PlatformType), token.ExpireAt }, null,
            ReasonRules.Normalize(reason));
        await db.SaveChangesAsync(ct);
        await feed.PublishAsync(new ChangeEvent(EntityTypes.User, Key(userId), ChangeActions.Updated, actor.Id, actor.Name), ct);
        return Outcome.Done("Deleted the login token.");
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
