using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Notifications.Moderation;

/// <summary>Records that a moderator opened a product's review page (so a decision by someone else reaches them).</summary>
public sealed class ReviewVisits(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, TimeProvider clock)
{
    /// <summary>Returns true when the visit was recorded (false: no such product).</summary>
    public async Task<bool> OpenedAsync(ClaimsPrincipal principal, string productId, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(principal, Permission.ModerateProducts, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO catalog.product_review_visits (product_id, user_id, opened_at)
            SELECT p.id, {actor.Id}, {now} FROM catalog.products p WHERE p.id = {productId}
            ON CONFLICT (product_id, user_id) DO UPDATE SET opened_at = excluded.opened_at
            """, ct);
        return rows > 0;
    }
}
