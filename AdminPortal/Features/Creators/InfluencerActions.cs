using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Creators;

/// <summary>
/// An influencer's account actions: deactivate and reactivate (xmin checked), and invalidate their open OTPs (codes not
/// used and not expired: marked used, so Cloutsy refuses them). Each with a reason, audited in the same transaction.
/// </summary>
public sealed class InfluencerActions(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public const string EntityType = "influencer";

    public static readonly ReasonRules Reason = new(3, 500,
        ["Asked for by the creator", "Fake or impersonating account", "Breaks the community rules", "Phone reported stolen", "Issue resolved"]);

    public Task<Outcome> DeactivateAsync(ClaimsPrincipal by, int id, uint version, string? reason, CancellationToken ct = default) =>
        SetActiveAsync(by, id, version, reason, false, ct);

    public Task<Outcome> ReactivateAsync(ClaimsPrincipal by, int id, uint version, string? reason, CancellationToken ct = default) =>
        SetActiveAsync(by, id, version, reason, true, ct);

    private async Task<Outcome> SetActiveAsync(ClaimsPrincipal by, int id, uint version, string? reason, bool active, CancellationToken ct)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCreators, ct);
        if (Reason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "Reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var influencer = await db.Set<Influencer>().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (influencer is null)
            return Outcome.NotFound("There is no such influencer.");
        if (influencer.Version != version)
            return await ConflictAsync(db, id, ct);
        if (influencer.IsActive == active)
            return Outcome.Refused(active ? "The influencer is already active." : "The influencer is already inactive.");
        influencer.IsActive = active;
        influencer.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(db, actor.ToAudit(), active ? "influencer.reactivate" : "influencer.deactivate", EntityType, Key(id),
            new { active = !active }, new { active }, ReasonRules.Normalize(reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, id, ct);
        }
        await feed.PublishAsync(new ChangeEvent(EntityType, Key(id), active ? "reactivated" : "deactivated", actor.Id, actor.Name), ct);
        return Outcome.Done(active ? $"{influencer.Name} is active again." : $"{influencer.Name} is deactivated.");
    }

    /// <summary>Marks every open code of the influencer's phone used; returns how many in the message.</summary>
    public async Task<Outcome> InvalidateOtpsAsync(ClaimsPrincipal by, int id, string? reason, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageCreators, ct);
        if (Reason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "Reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var phone = await db.Set<Influencer>().Where(i => i.Id == id).Select(i => i.Phone).SingleOrDefaultAsync(ct);
        if (phone is null)
            return Outcome.NotFound("There is no such influencer.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var count = await db.Set<Otp>().Where(o => o.Phone == phone && !o.IsUsed && o.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsUsed, true).SetProperty(o => o.UpdatedAt, now), ct);
        if (count == 0)
            return Outcome.Refused("There is no open code to invalidate.");
        audit.Add(db, actor.ToAudit(), "influencer.otps.invalidate", EntityType, Key(id), null, new { invalidated = count },
            ReasonRules.Normalize(reason));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await feed.PublishAsync(new ChangeEvent(EntityType, Key(id), "otps_invalidated", actor.Id, actor.Name), ct);
        return Outcome.Done($"{count} open code{(count == 1 ? "" : "s")} invalidated.");
    }

    private static async Task<Outcome> ConflictAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var key = Key(id);
        var last = await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.ActorName, a.At }).FirstOrDefaultAsync(ct);
        return Outcome.Conflict($"{last?.ActorName ?? "Someone"} changed this influencer first. Nothing of yours was saved.",
            last?.ActorName, last is null ? null : new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
