using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Chats;

/// <summary>
/// Hides a message with a reason and shows it again: reversible, each step audited in the same transaction, then
/// published so every reader of the group sees it. The conditional UPDATE makes two moderators racing safe.
/// </summary>
public sealed class MessageModeration(IDbContextFactory<PortalDbContext> dbFactory, ChatAccess access,
    AuditTrail audit, IChangeFeed feed, TimeProvider clock)
{
    public const string HideAction = "message.hide";
    public const string UnhideAction = "message.unhide";
    public const string Hidden = "hidden";
    public const string Unhidden = "unhidden";

    public async Task HideAsync(ChatAccessGrant grant, Guid messageId, string reason, CancellationToken ct = default)
    {
        var actor = await access.VerifyAsync(grant, Permission.HideMessages, ct);
        reason = (reason ?? "").Trim();
        if (reason.Length < 3)
            throw new ArgumentException("Say why the message is hidden.", nameof(reason));
        if (reason.Length > 500)
            throw new ArgumentException("Keep the reason under 500 characters.", nameof(reason));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Set<Message>()
            .Where(m => m.Id == messageId && m.GroupId == grant.GroupId && m.HiddenAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.HiddenAt, now).SetProperty(m => m.HiddenBy, actor.Id)
                .SetProperty(m => m.HiddenReason, reason), ct);
        if (changed == 0)
            throw new InvalidOperationException(await WhyNotAsync(db, grant.GroupId, messageId, ct) ?? "This message is already hidden.");
        audit.Add(db, actor.ToAudit(), HideAction, EntityTypes.Message, messageId.ToString(),
            before: new { hidden = false }, after: new { hidden = true, groupId = grant.GroupId }, reason: reason);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(grant.GroupId, messageId, Hidden, actor);
    }

    public async Task UnhideAsync(ChatAccessGrant grant, Guid messageId, string? reason = null, CancellationToken ct = default)
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
            throw new InvalidOperationException(await WhyNotAsync(db, grant.GroupId, messageId, ct) ?? "This message is not hidden.");
        audit.Add(db, actor.ToAudit(), UnhideAction, EntityTypes.Message, messageId.ToString(),
            before: new { hidden = true, hiddenAt = before!.HiddenAt, hiddenBy = before.HiddenBy, reason = before.HiddenReason },
            after: new { hidden = false, groupId = grant.GroupId }, reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await PublishAsync(grant.GroupId, messageId, Unhidden, actor);
    }

    private static async Task<string?> WhyNotAsync(PortalDbContext db, Guid groupId, Guid messageId, CancellationToken ct) =>
        await db.Set<Message>().AnyAsync(m => m.Id == messageId && m.GroupId == groupId, ct)
            ? null : "This message is not in this chat.";

    private Task PublishAsync(Guid groupId, Guid messageId, string action, PortalActor actor) =>
        feed.PublishAsync(new ChangeEvent(EntityTypes.Message, groupId.ToString(), action, actor.Id, actor.Name)
            { Detail = messageId.ToString() });
}
