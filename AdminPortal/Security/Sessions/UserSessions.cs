using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security.Audit;
using AdminPortal.Security.SignIn;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security.Sessions;

/// <summary>Why a session ended (user_sessions.end_reason).</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed out";
    public const string SignedOutEverywhere = "signed out everywhere";
    public const string EndedByUser = "ended by the user";
    public const string EndedByAdmin = "ended by an admin";
    public const string Expired = "absolute lifetime reached";
    public const string Idle = "idle timeout";
    public const string Refused = "cookie refused";
    public const string PasswordReset = "password reset";
    public const string Deactivated = "account deactivated";
    public const string Deleted = "account deleted";
    public const string SecondFactorReset = "second factors reset";
}

/// <summary>One session as the sessions pages show it.</summary>
public sealed record SessionRow(Guid Id, string Device, string? Address, DateTime StartedAt, DateTime LastSeenAt,
    DateTime AbsoluteExpiresAt, DateTime? EndedAt, string? EndedByName, string? EndReason, bool Live);

/// <summary>
/// Lists and ends sessions. Ending a session ends its row: the cookie is refused at its next request on every device,
/// and the change event on the user makes every open circuit of theirs re-check at once (LiveAccessWatcher), so an
/// open tab of an ended session is sent to sign-in within seconds. Other code ends a user's sessions with
/// <see cref="EndAllAsync"/> (or <see cref="EndAllInAsync"/> inside its own transaction).
/// </summary>
public sealed class UserSessions(
    IDbContextFactory<PortalDbContext> dbFactory,
    ActorResolver actors,
    AuditTrail audit,
    IChangeFeed feed,
    TimeProvider clock,
    IOptions<SessionOptions> options)
{
    /// <summary>The live sessions of a user and the last ended ones, live first, newest first.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(int userId, int endedToShow = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, idleSince) = Now();
        var live = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.AbsoluteExpiresAt > now && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.LastSeenAt).Take(100)
            .Select(s => new SessionRow(s.Id, s.Device, s.Address, s.StartedAt, s.LastSeenAt, s.AbsoluteExpiresAt, null, null, null, true))
            .ToListAsync(ct);
        var ended = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt != null)
            .OrderByDescending(s => s.EndedAt).Take(endedToShow)
            .Select(s => new SessionRow(s.Id, s.Device, s.Address, s.StartedAt, s.LastSeenAt, s.AbsoluteExpiresAt, s.EndedAt,
                s.EndedByName, s.EndReason, false))
            .ToListAsync(ct);
        return [.. live, .. ended];
    }

    /// <summary>Is this session of this user live: not ended, before its absolute expiry, not idle? (<see cref="LiveAmongAsync"/> of one.)</summary>
    public async Task<bool> IsLiveAsync(Guid sessionId, int userId, CancellationToken ct = default) =>
        (await LiveAmongAsync([sessionId], ct)).TryGetValue(sessionId, out var owner) && owner == userId;

    /// <summary>
    /// The live sessions among <paramref name="sessionIds"/>, each with its user: one query for any number (the
    /// circuits' revalidation asks for all of an instance's circuits at once, decision 0051). The one definition of
    /// "live": not ended, before its absolute expiry, seen within the idle timeout.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, int>> LiveAmongAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default)
    {
        if (sessionIds.Count == 0)
            return new Dictionary<Guid, int>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, idleSince) = Now();
        return await db.Set<UserSession>().AsNoTracking()
            .Where(s => sessionIds.Contains(s.Id) && s.EndedAt == null && s.AbsoluteExpiresAt > now && s.LastSeenAt > idleSince)
            .Select(s => new { s.Id, s.UserId })
            .ToDictionaryAsync(s => s.Id, s => s.UserId, ct);
    }

    /// <summary>Activity on an open circuit: "last seen" moves (at most once per touch interval).</summary>
    public async Task TouchAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (now, idleSince) = Now();
        var stale = now - options.Value.Touch;
        await db.Set<UserSession>().Where(s => s.Id == sessionId && s.EndedAt == null && s.LastSeenAt <= stale
                                               && s.LastSeenAt > idleSince && s.AbsoluteExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
    }

    /// <summary>Ends one session: the user's own, or anyone's for an admin (ManageUsers).</summary>
    public async Task<Outcome> EndAsync(ClaimsPrincipal by, Guid sessionId, CancellationToken ct = default)
    {
        var actor = await actors.ResolveAsync(by, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<UserSession>().AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.UserId, s.EndedAt, s.Device }).SingleOrDefaultAsync(ct);
        if (session is null)
            return Outcome.NotFound("There is no such session.");
        var own = session.UserId == actor.Id;
        if (!own)
            actor.Require(Permission.ManageUsers);
        if (session.EndedAt is not null)
            return Outcome.Refused("This session has already ended.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reason = own ? SessionEndReasons.EndedByUser : SessionEndReasons.EndedByAdmin;
        await EndRowsAsync(db.Set<UserSession>().Where(s => s.Id == sessionId), clock.GetUtcNow().UtcDateTime, reason,
            (actor.Id, actor.Name), ct);
        audit.Add(db, actor.ToAudit(), SignInAuditActions.SessionEnded, EntityTypes.User, Key(session.UserId), null,
            new { Sessions = new[] { sessionId }, session.Device }, reason);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(session.UserId, actor.ToAudit(), ct);
        return Outcome.Done(own ? "The session has ended." : "The user's session has ended.");
    }

    /// <summary>"Sign out everywhere": every live session of the signed-in user, this one included.</summary>
    public async Task<Outcome> EndAllMineAsync(ClaimsPrincipal by, CancellationToken ct = default)
    {
        var actor = await actors.ResolveAsync(by, ct);
        var ended = await EndAllAsync(actor.Id, SessionEndReasons.SignedOutEverywhere, actor.ToAudit(), ct);
        return Outcome.Done($"Signed out of {ended} session{(ended == 1 ? "" : "s")}.");
    }

    /// <summary>An admin ends every session of a user (the user page).</summary>
    public async Task<Outcome> EndAllOfUserAsync(ClaimsPrincipal by, int userId, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageUsers, ct);
        var ended = await EndAllAsync(userId, SessionEndReasons.EndedByAdmin, actor.ToAudit(), ct);
        return ended == 0 ? Outcome.Refused("The user has no live portal session.") : Outcome.Done($"Ended {ended} portal session(s).");
    }

    /// <summary>
    /// Ends every live session of a user, audited as done by <paramref name="actor"/> with <paramref name="reason"/>,
    /// and tells the user's open circuits. For other features (a second-factor reset, ...). Returns how many ended.
    /// </summary>
    public async Task<int> EndAllAsync(int userId, string reason, AuditActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ended = await EndAllInAsync(db, userId, reason, actor, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(userId, actor, ct);
        return ended;
    }

    /// <summary>
    /// <see cref="EndAllAsync"/> inside the caller's transaction (its audit record is added to <paramref name="db"/>);
    /// the caller saves, commits and publishes its change event on the user after commit.
    /// </summary>
    public async Task<int> EndAllInAsync(PortalDbContext db, int userId, string reason, AuditActor actor, CancellationToken ct = default)
    {
        var ids = await db.Set<UserSession>().Where(s => s.UserId == userId && s.EndedAt == null).Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0)
            return 0;
        var ended = await EndRowsAsync(db.Set<UserSession>().Where(s => ids.Contains(s.Id)), clock.GetUtcNow().UtcDateTime,
            reason, actor.Id is { } id ? (id, actor.Name) : null, ct);
        audit.Add(db, actor, SignInAuditActions.SessionEnded, EntityTypes.User, Key(userId), null, new { Sessions = ids }, reason);
        return ended;
    }

    internal static Task<int> EndRowsAsync(IQueryable<UserSession> rows, DateTime now, string reason, (int Id, string Name)? by,
        CancellationToken ct)
    {
        DateTime? endedAt = now;
        var byId = by?.Id;
        var byName = by?.Name;
        return rows.Where(s => s.EndedAt == null).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.EndedAt, endedAt)
            .SetProperty(s => s.EndReason, reason)
            .SetProperty(s => s.EndedById, byId)
            .SetProperty(s => s.EndedByName, byName), ct);
    }

    private Task PublishAsync(int userId, AuditActor actor, CancellationToken ct) =>
        feed.PublishAsync(new ChangeEvent(EntityTypes.User, Key(userId), ChangeActions.Updated, actor.Id, actor.Name), ct);

    private (DateTime Now, DateTime IdleSince) Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (now, now - options.Value.Idle);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
