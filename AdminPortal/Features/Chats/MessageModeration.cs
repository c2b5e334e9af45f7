using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Chats;

/// <summary>
/// Hides a message with a reason and shows it again: reversible, each step audited in the same transaction, then
/// published so every reader of the group sees it. The conditional UPDATE makes two moderators racing safe: the
/// second one gets a conflict saying who was first.
/// </summary>
public sealed class MessageModeration(IDbContextFactory<PortalDbContext> dbFactory, ChatAccess access,
    AuditTrail audit, IChangeFeed feed, TimeProvider clock)
{
    public const string HideAction = "message.hide";
    public const string UnhideAction = "message.unhide";
    public const string Hidden = "hidden";
    public const string Unhidden = "unhidden";

    /// <summary>What a reason for hiding a message must be: checked here, and by the reason dialog.</summary>
    public static readonly ReasonRules HideReason = new(3, 500);

    public async Task<Outcome> HideAsync(ChatAccessGrant grant, Guid messageId, string? reason, CancellationToken ct = default)
    {
        var actor = await access.VerifyAsync(grant, Permission.HideMessages, ct);
        if (HideReason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, ChatAccess.ReasonField);
        var why = ReasonRules.Normalize(reason)!;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Set<Message>()
            .Where(m => m.Id == messageId && m.GroupId == grant.GroupId && m.HiddenAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.HiddenAt, now).SetProperty(m => m.HiddenBy, actor.Id)
                .SetProperty(m => m.HiddenReason, why), ct);
        if (changed == 0)
            return await AlreadyHiddenAsync(db, grant.GroupId, messageId, ct);
        audit.Add(db, actor.ToAudit(), HideAction, EntityTypes.Message, messageId.ToString(),
            before: new { hidden = false }, after: new { hidden = true, groupId = grant.GroupId }, reason: why);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(grant.GroupId, messageId, Hidden, actor);
        return Outcome.Done("Message hidden.");
    }

    public async Task<Outcome> UnhideAsync(ChatAccessGrant grant, Guid messageId, string? reason = null, CancellationToken ct = default)
    {
        var actor = await access.VerifyAsync(grant, Permission.HideMessages, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await db.Set<Message>().AsNoTracking()
            .Where(m => m.Id == messageId && m.GroupId == grant.GroupId && m.HiddenAt != null)
            .Select(m => new { m.HiddenAt, m.HiddenBy, m.HiddenReason }).SingleOrDefaultAsync(ct);
        var changed = before is null ? 0 : await db.Set<Message>()
            .Where(m => m.Id == messageId && m.GroupId == grant.GroupId && m.HiddenAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.HiddenAt, (DateTime?)null).SetProperty(m => m.HiddenBy, (int?)null)
                .SetProperty(m => m.HiddenReason, (string?)null), ct);
        if (changed == 0)
            return await InChatAsync(db, grant.GroupId, messageId, ct)
                ? Outcome.Conflict("This message is not hidden (any more).")
                : Outcome.NotFound(NotInChat);
        audit.Add(db, actor.ToAudit(), UnhideAction, EntityTypes.Message, messageId.ToString(),
            before: new { hidden = true, hiddenAt = before!.HiddenAt, hiddenBy = before.HiddenBy, reason = before.HiddenReason },
            after: new { hidden = false, groupId = grant.GroupId }, reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(grant.GroupId, messageId, Unhidden, actor);
        return Outcome.Done("Message shown again.");
    }

    private const string NotInChat = "This message is not in this chat.";

    /// <summary>Why a hide changed nothing: someone hid it first (who, when), or it is not in this chat.</summary>
    private static async Task<Outcome> AlreadyHiddenAsync(PortalDbContext db, Guid groupId, Guid messageId, CancellationToken ct)
    {
        var first = await db.Set<Message>().AsNoTracking().Where(m => m.Id == messageId && m.GroupId == groupId)
            .Select(m => new
            {
                m.HiddenAt,
                By = db.Users.Where(u => u.Id == m.HiddenBy).Select(u => u.Name ?? u.Email).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        return first is null
            ? Outcome.NotFound(NotInChat)
            : Outcome.Conflict("This message is already hidden.", first.By,
                first.HiddenAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
    }

    private static Task<bool> InChatAsync(PortalDbContext db, Guid groupId, Guid messageId, CancellationToken ct) =>
        db.Set<Message>().AnyAsync(m => m.Id == messageId && m.GroupId == groupId, ct);

    private Task PublishAsync(Guid groupId, Guid messageId, string action, PortalActor actor) =>
        feed.PublishAsync(new ChangeEvent(EntityTypes.Message, groupId.ToString(), action, actor.Id, actor.Name)
            { Detail = messageId.ToString() });
}
