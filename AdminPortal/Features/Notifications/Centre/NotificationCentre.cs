using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Notifications.Centre;

public sealed record NotificationRow(long Id, string Kind, string Title, string? Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public bool Unread => ReadAt is null;
    public NotificationCursor Cursor => new(CreatedAt, Id);
}

/// <summary>A page of one's notifications, newest first; <see cref="Older"/> is where the next starts (null: the end).</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationRow> Rows, NotificationCursor? Older, int Unread);

/// <summary>
/// The notification centre: the signed-in person's own notifications (never anyone else's: every query and update
/// is bound to the caller's id, read from the database as an active portal user), keyset paged newest first on
/// (user_id, created_at, id), marked read or unread one at a time or all at once. Every change is published on the
/// feed under the person's id, so their bell and centre (on any instance) follow.
/// </summary>
public sealed class NotificationCentre(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, IChangeFeed feed,
    TimeProvider clock)
{
    public async Task<NotificationPage> PageAsync(ClaimsPrincipal principal, NotificationCentreQuery query, CancellationToken ct = default)
    {
        var me = await actors.RequireAsync(principal, Permission.ViewDashboard, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Set<PortalNotification>().AsNoTracking().Where(n => n.UserId == me.Id);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        if (query.UnreadOnly)
            mine = mine.Where(n => n.ReadAt == null);
        if (query.Before is { } c)
            mine = mine.Where(n => n.CreatedAt < c.At || (n.CreatedAt == c.At && n.Id < c.Id));
        var size = Math.Clamp(query.PageSize, 1, 100);
        var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(size + 1)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Title, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        var shown = rows.Take(size).ToList();
        return new NotificationPage(shown, rows.Count > size ? shown[^1].Cursor : null, unread);
    }

    /// <summary>Marks one of the caller's notifications read or unread; someone else's reads as not found.</summary>
    public async Task<Outcome> MarkAsync(ClaimsPrincipal principal, long notificationId, bool read, CancellationToken ct = default)
    {
        var me = await actors.RequireAsync(principal, Permission.ViewDashboard, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Set<PortalNotification>().Where(n => n.Id == notificationId && n.UserId == me.Id);
        var found = read
            ? await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, n => n.ReadAt ?? now), ct)
            : await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, (DateTime?)null), ct);
        if (found == 0)
            return Outcome.NotFound("This notification no longer exists.");
        await PublishAsync(me.Id, ct);
        return Outcome.Done(read ? "Marked as read." : "Marked as unread.");
    }

    /// <summary>Marks all the caller's notifications read.</summary>
    public async Task<Outcome> MarkAllReadAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var me = await actors.RequireAsync(principal, Permission.ViewDashboard, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<PortalNotification>().Where(n => n.UserId == me.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
            await PublishAsync(me.Id, ct);
        return Outcome.Done(changed == 0 ? "Nothing was unread." : $"Marked {changed:N0} as read.");
    }

    private Task PublishAsync(int userId, CancellationToken ct) =>
        feed.PublishAsync(new ChangeEvent(NotificationFeed.EntityType, userId.ToString(CultureInfo.InvariantCulture), ChangeActions.Updated, userId), ct);
}
