using AdminPortal.Data;
using AdminPortal.Live;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Chats;

/// <summary>
/// Adds a message as the chat apps would (the portal never posts as a moderator): inserts it, moves the group's last
/// message, commits, then publishes (message, group id, created) so open readers show it within a second. Used by
/// tests and E2E journeys; not exposed to any page.
/// </summary>
internal sealed class MessageIngest(IDbContextFactory<PortalDbContext> dbFactory, IChangeFeed feed, TimeProvider clock)
{
    public async Task<Guid> AddAsync(Guid groupId, int senderId, string? text, IReadOnlyList<Attachment>? attachments = null,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new Message
        {
            GroupId = groupId, SenderId = senderId, Text = text, Attachments = [.. attachments ?? []], Timestamp = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(message);
        await db.SaveChangesAsync(ct);
        await db.Set<ChatGroup>().Where(g => g.Id == groupId && (g.LastMessageAt == null || g.LastMessageAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.LastMessageId, message.Id).SetProperty(g => g.LastMessageAt, now)
                .SetProperty(g => g.UpdatedAt, now), ct);
        await tx.CommitAsync(ct);
        await feed.PublishAsync(new ChangeEvent(EntityTypes.Message, groupId.ToString(), ChangeActions.Created, senderId)
            { Detail = message.Id.ToString() }, ct);
        return message.Id;
    }
}
