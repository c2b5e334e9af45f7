using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Notifications.Moderation;
using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Notifications.Dispatch;

/// <summary>Who hears of a moderation event, and what they read.</summary>
public static class ModerationRecipients
{
    /// <summary>
    /// Suggestions decided: each moderator who opened one of them (other than the one who decided) hears once; their
    /// visits are removed in the same transaction, so the same decision is never announced twice.
    /// </summary>
    public static async Task<List<PlannedNotification>> DecidedAsync(PortalDbContext db, OutboxMessage m, CancellationToken ct)
    {
        var root = m.Payload.RootElement;
        var ids = root.GetProperty("product_ids").EnumerateArray().Select(e => e.GetString()!).ToList();
        var actorId = root.GetProperty("actor_id").GetInt32();
        var actorName = root.TryGetProperty("actor_name", out var n) ? n.GetString() ?? "someone" : "someone";
        var verb = root.TryGetProperty("verb", out var v) ? v.GetString() ?? "decided" : "decided";
        var visits = await db.Set<ProductReviewVisit>().Where(x => ids.Contains(x.ProductId)).ToListAsync(ct);
        db.RemoveRange(visits);
        var moderators = await ModeratorIdsAsync(db, visits.Select(x => x.UserId).Distinct().ToList(), ct);
        var titles = await db.Set<Product>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return visits.Where(x => x.UserId != actorId && moderators.Contains(x.UserId))
            .GroupBy(x => x.UserId)
            .Select(g => g.Count() == 1
                ? new PlannedNotification(g.Key, m.EventType,
                    $"\"{titles.GetValueOrDefault(g.First().ProductId, g.First().ProductId)}\", which you were reviewing, was {verb} by {actorName}",
                    $"/products/{Uri.EscapeDataString(g.First().ProductId)}")
                : new PlannedNotification(g.Key, m.EventType,
                    $"{g.Count()} suggestions you were reviewing were {verb} by {actorName}", ProductQueueState.Url(ProductQueueQuery.Default)))
            .ToList();
    }

    /// <summary>Suggestions waiting too long: every moderator (and admin) hears once per pass that found new ones.</summary>
    public static async Task<List<PlannedNotification>> WaitingAsync(PortalDbContext db, OutboxMessage m, CancellationToken ct)
    {
        var root = m.Payload.RootElement;
        var count = root.GetProperty("count").GetInt32();
        var everyone = await ModeratorIdsAsync(db, null, ct);
        var title = count == 1
            ? "A suggestion has waited too long for a decision"
            : $"{count:N0} suggestions have waited too long for a decision";
        var link = ProductQueueState.Url(ProductQueueQuery.Default with { Sort = ProductSort.Submitted, Descending = false });
        return everyone.Select(id => new PlannedNotification(id, m.EventType, title, link)).ToList();
    }

    /// <summary>Active users whose roles grant <see cref="Permission.ModerateProducts"/> now (of <paramref name="among"/>, if given).</summary>
    private static async Task<HashSet<int>> ModeratorIdsAsync(PortalDbContext db, List<int>? among, CancellationToken ct)
    {
        var roles = PortalRoles.All.Where(r => RolePermissionMapping.Grants([r], Permission.ModerateProducts)).ToList();
        var users = db.Users.AsNoTracking()
            .Where(u => u.DeletedAt == null && u.Status != PlatformUserStatus.Inactive && u.Roles.Any(r => roles.Contains(r.Role!.Name!)));
        if (among is not null)
            users = users.Where(u => among.Contains(u.Id));
        return (await users.Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }
}
