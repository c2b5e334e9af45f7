using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Notifications;

public sealed record NotificationItem(long Id, string Title, string? Link, DateTime CreatedAt, bool Unread);

/// <summary>The bell's data: a user's own notifications, newest first, and marking them read.</summary>
public sealed class NotificationFeed(IDbContextFactory<PortalDbContext> dbFactory, IChangeFeed feed, TimeProvider clock)
{
    /// <summary>Change events about a user's notifications: EntityId is the user id.</summary>
    public const string EntityType = "notification";

    public async Task<(int Unread, IReadOnlyList<NotificationItem> Latest)> ListAsync(ClaimsPrincipal user, int take = 10,
        CancellationToken ct = default)
    {
        if (user.UserId() is not { } id)
            return (0, []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Set<PortalNotification>().AsNoTracking().Where(n => n.UserId == id);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        if (take <= 0)
            return (unread, []);   // the closed bell: its count alone
        var latest = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Link, n.CreatedAt, n.ReadAt == null)).ToListAsync(ct);
        return (unread, latest);
    }

    /// <summary>Marks one (or, with null, all) of the user's own notifications read.</summary>
    public async Task MarkReadAsync(ClaimsPrincipal user, long? notificationId, CancellationToken ct = default)
    {
        if (user.UserId() is not { } id)
            return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<PortalNotification>()
            .Where(n => n.UserId == id && n.ReadAt == null && (notificationId == null || n.Id == notificationId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
            await feed.PublishAsync(new ChangeEvent(EntityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), ChangeActions.Updated, id), ct);
    }
}
