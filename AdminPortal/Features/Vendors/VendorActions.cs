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
/// Close and reopen a vendor: the row version the operator saw is checked (xmin), the change commits with its audit
/// record, and is announced after commit. Closing hides the vendor from Venta's map until it is reopened.
/// </summary>
public sealed class VendorActions(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public const string EntityType = "vendor";

    public static readonly ReasonRules Reason = new(3, 500,
        ["Reported by customers", "Owner asked for it", "Breaks the trading rules", "Duplicate listing", "Issue resolved"]);

    public Task<Outcome> CloseAsync(ClaimsPrincipal by, int vendorId, uint version, string? reason, CancellationToken ct = default) =>
        SetOpenAsync(by, vendorId, version, reason, open: false, ct);

    public Task<Outcome> ReopenAsync(ClaimsPrincipal by, int vendorId, uint version, string? reason, CancellationToken ct = default) =>
        SetOpenAsync(by, vendorId, version, reason, open: true, ct);

    private async Task<Outcome> SetOpenAsync(ClaimsPrincipal by, int vendorId, uint version, string? reason, bool open, CancellationToken ct)
    {
        var actor = await actors.RequireAsync(by, Permission.ManageVendors, ct);
        if (Reason.Problem(reason) is { } problem)
            return Outcome.Refused(problem, "Reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vendor = await db.Set<Vendor>().SingleOrDefaultAsync(v => v.Id == vendorId, ct);
        if (vendor is null)
            return Outcome.NotFound("There is no such vendor.");
        if (vendor.Version != version)
            return await ConflictAsync(db, vendorId, ct);
        if (vendor.Open == open)
            return Outcome.Refused(open ? "The vendor is already open." : "The vendor is already closed.");
        vendor.Open = open;
        vendor.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(db, actor.ToAudit(), open ? "vendor.reopen" : "vendor.close", EntityType, Key(vendorId),
            new { open = !open }, new { open }, ReasonRules.Normalize(reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await ConflictAsync(fresh, vendorId, ct);
        }
        await feed.PublishAsync(new ChangeEvent(EntityType, Key(vendorId), open ? "reopened" : "closed", actor.Id, actor.Name), ct);
        return Outcome.Done(open ? $"{vendor.Name} is open again." : $"{vendor.Name} is closed.");
    }

    /// <summary>Someone changed the vendor first: who and when, from its latest audit record.</summary>
    public static async Task<Outcome> ConflictAsync(PortalDbContext db, int vendorId, CancellationToken ct)
    {
        var key = Key(vendorId);
        var last = await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.ActorName, a.Action, a.At }).FirstOrDefaultAsync(ct);
        return last is null
            ? Outcome.Conflict("Someone else changed this vendor while you had it open. Reload to see the latest.")
            : Outcome.Conflict($"{last.ActorName} {Past(last.Action)} this vendor first. Nothing of yours was saved; reload to see the latest.",
                last.ActorName, new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
    }

    public static string Past(string action) => action switch
    {
        "vendor.close" => "closed",
        "vendor.reopen" => "reopened",
        "vendor.close_owner" => "closed (owner's account)",
        _ => "changed",
    };

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
