using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Vendors;

/// <summary>
/// Extend or cancel a user's subscription (admins). The row version the admin saw is checked (xmin); the change
/// commits with its audit record and is announced after commit.
/// </summary>
public sealed class SubscriptionActions(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public const string EntityType = "subscription";
    public const int MaxExtensionDays = 366;

    public static readonly ReasonRules Reason = new(3, 500,
        ["Goodwill after an outage", "Payment received late", "Asked for by the user", "Refunded", "Fraudulent purchase"]);

    /// <summary>
    /// Adds <paramref name="days"/> to the end date (from today when it already passed); an expired subscription becomes
    /// active again. Open-ended subscriptions have nothing to extend.
    /// </summary>
    public Task<Outcome> ExtendAsync(ClaimsPrincipal by, int id, uint version, int days, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, id, version, reason, "subscription.extend", "extended", ct, (s, now) =>
        {
            if (days is < 1 or > MaxExtensionDays) return $"Extend by 1 to {MaxExtensionDays} days.";
            if (s.Status == SubscriptionStatus.Cancelled) return "A cancelled subscription cannot be extended.";
            if (s.EndDate is null) return "This subscription has no end date: it renews until cancelled.";
            s.EndDate = (s.EndDate < now ? now : s.EndDate.Value).AddDays(days);
            s.Status = SubscriptionStatus.Active;
            return null;
        });

    /// <summary>Cancels now: the end date becomes today unless it was earlier.</summary>
    public Task<Outcome> CancelAsync(ClaimsPrincipal by, int id, uint version, string? reason, CancellationToken ct = default) =>
        ApplyAsync(by, id, version, reason, "subscription.cancel", "cancelled", ct, (s, now) =>
        {
            if (s.Status != SubscriptionStatus.Active) return $"The subscription is already {s.Status.ToString().ToLowerInvariant()}.";
            s.Status = SubscriptionStatus.Cancelled;
            s.EndDate = s.EndDate is { } end && end < now ? end : s.StartDate > now ? s.StartDate : now;
            return null;
        });

    private async Task<Outcome> ApplyAsync(ClaimsPrincipal by, int id, uint version, string? reason, string action, string verb,
        CancellationToken ct, Func<Subscription, DateTime, string?> apply)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageSubscriptions, ct);
        if (Reason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "Reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Set<Subscription>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
            return Outcome.NotFound("There is no such subscription.");
        if (s.Version != version)
            return await ConflictAsync(db, id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var before = new { status = s.Status.ToString(), endDate = s.EndDate };
        if (apply(s, now) is { } refusal)
            return Outcome.Refused(refusal);
        s.UpdatedAt = now;
        audit.Add(db, actor.ToAudit(), action, EntityType, Key(id), before, new { status = s.Status.ToString(), endDate = s.EndDate },
            ReasonRules.Normalize(reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, id, ct);
        }
        await feed.PublishAsync(new ChangeEvent(EntityType, Key(id), verb, actor.Id, actor.Name), ct);
        return Outcome.Done(s.EndDate is { } endDate && verb == "extended"
            ? $"Extended to {endDate:d MMM yyyy}." : "Subscription cancelled.");
    }

    public static async Task<Outcome> ConflictAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var key = Key(id);
        var last = await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.ActorName, a.Action, a.At }).FirstOrDefaultAsync(ct);
        return last is null
            ? Outcome.Conflict("Someone else changed this subscription meanwhile. Reload to see the latest.")
            : Outcome.Conflict($"{last.ActorName} {Past(last.Action)} this subscription first. Nothing of yours was saved.",
                last.ActorName, new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
    }

    public static string Past(string action) => action switch
    {
        "subscription.extend" => "extended",
        "subscription.cancel" => "cancelled",
        "subscription.expire" => "expired",
        "subscription.cancel_owner" => "cancelled (owner's account deleted)",
        _ => "changed",
    };

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
