using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Chats;

/// <summary>
/// Proof that <see cref="ActorId"/> stated a reason for reading group <see cref="GroupId"/> in this session, and that
/// it was audited. Only <see cref="ChatAccess"/> issues one; a grant built by hand is refused.
/// </summary>
public sealed record ChatAccessGrant(Guid Token, int ActorId, Guid GroupId, DateTime GrantedAt, string Reason);

/// <summary>
/// The reason gate in front of private messages. Scoped, so a "session" is one circuit (one browser tab, until it is
/// reloaded): the reader states a reason once per group per circuit; the audit record ("chat.open": who, which group,
/// when, why) is committed before the grant exists, so no message is read without one.
/// </summary>
public sealed class ChatAccess(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    TimeProvider clock)
{
    public const string OpenAction = "chat.open";
    public const int MinReasonLength = 5;
    public const int MaxReasonLength = 500;

    /// <summary>
    /// How long a reader's roles, once read, are trusted for reading without reading them again: a page of messages
    /// then costs one query instead of two. A role change made in the portal drops them at once (live feed); any other
    /// change stops the reading within this time. Moderation actions always read the roles.
    /// </summary>
    public static readonly TimeSpan VerifiedFor = ActorChecks.MaxAge;

    private readonly ConcurrentDictionary<Guid, ChatAccessGrant> _issued = new();

    /// <summary>The grant this session already holds for the group, if the actor stated a reason before.</summary>
    public ChatAccessGrant? Existing(int actorId, Guid groupId) =>
        _issued.Values.FirstOrDefault(g => g.ActorId == actorId && g.GroupId == groupId);

    /// <summary>Records why the actor opens the group's messages and returns the grant the message services ask for.</summary>
    public async Task<ChatAccessGrant> OpenAsync(ClaimsPrincipal principal, Guid groupId, string reason,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(principal, Permission.BrowseChats, ct);
        reason = (reason ?? "").Trim();
        if (reason.Length < MinReasonLength)
            throw new ArgumentException($"Say why you open this chat (at least {MinReasonLength} characters).", nameof(reason));
        if (reason.Length > MaxReasonLength)
            throw new ArgumentException($"Keep the reason under {MaxReasonLength} characters.", nameof(reason));
        if (Existing(actor.Id, groupId) is { } existing)
            return existing;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<ChatGroup>().AnyAsync(g => g.Id == groupId, ct))
            throw new KeyNotFoundException("This chat does not exist.");
        audit.Add(db, actor.ToAudit(), OpenAction, EntityTypeName, groupId.ToString(), reason: reason);
        await db.SaveChangesAsync(ct);
        var grant = new ChatAccessGrant(Guid.NewGuid(), actor.Id, groupId, clock.GetUtcNow().UtcDateTime, reason);
        _issued[grant.Token] = grant;
        return grant;
    }

    /// <summary>
    /// Refuses unless the grant was issued by this session for this group, and its actor still holds the permission
    /// (the roles as the database says, read at most <see cref="VerifiedFor"/> ago for reading, now for anything else).
    /// </summary>
    public async Task<PortalActor> VerifyAsync([NotNull] ChatAccessGrant? grant,
        Permission permission = Permission.BrowseChats, CancellationToken ct = default)
    {
        if (grant is null || !_issued.TryGetValue(grant.Token, out var issued) || issued != grant)
            throw new AccessDeniedException("State a reason for opening this chat before reading its messages.");
        var actor = permission == Permission.BrowseChats
            ? await actors.ResolveSharedAsync(grant.ActorId, ct)   // reading: the roles as read at most ActorChecks.MaxAge ago
            : await actors.ResolveAsync(grant.ActorId, ct);
        return actor.Require(permission);
    }

    internal const string EntityTypeName = "group";
}
