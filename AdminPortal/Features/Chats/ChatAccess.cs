using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
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

    /// <summary>What a reason for opening a chat must be: checked here, and by the gate before it asks.</summary>
    public static readonly ReasonRules OpenReason = new(5, 500);

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

    /// <summary>
    /// Records why the actor opens the group's messages and returns the grant the message services ask for; refused
    /// (field "reason") when the reason does not meet <see cref="OpenReason"/>, not found when the group is gone.
    /// </summary>
    public async Task<Outcome<ChatAccessGrant>> OpenAsync(ClaimsPrincipal principal, Guid groupId, string? reason,
        CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(principal, Permission.BrowseChats, ct);
        if (OpenReason.Problem(reason) is { } problem)
            return Outcome<ChatAccessGrant>.Failed(Outcome.Refused(problem, ReasonField));
        var why = ReasonRules.Normalize(reason)!;
        if (Existing(actor.Id, groupId) is { } existing)
            return Outcome<ChatAccessGrant>.Done(existing, "Messages opened.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<ChatGroup>().AnyAsync(g => g.Id == groupId, ct))
            return Outcome<ChatAccessGrant>.Failed(Outcome.NotFound("This chat does not exist."));
        audit.Add(db, actor.ToAudit(), OpenAction, EntityTypeName, groupId.ToString(), reason: why);
        await db.SaveChangesAsync(ct);
        var grant = new ChatAccessGrant(Guid.NewGuid(), actor.Id, groupId, clock.GetUtcNow().UtcDateTime, why);
        _issued[grant.Token] = grant;
        return Outcome<ChatAccessGrant>.Done(grant, "Messages opened.");
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

    /// <summary>The field a refused reason belongs to (<see cref="Outcome.ErrorFor"/>).</summary>
    public const string ReasonField = "reason";

    internal const string EntityTypeName = "group";
}
