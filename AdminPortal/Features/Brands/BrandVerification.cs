using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Creators;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Brands;

/// <summary>One reviewer's verdict on one of a brand's documents.</summary>
public sealed record BrandDocumentDecision(int BrandId, BrandDocument Document, bool Approve, string? Reason = null);

/// <summary>
/// Decisions on brand documents. A decision lands only on a document still waiting (a conditional UPDATE of that
/// document's state: two reviewers deciding the same document, one wins and the other is told who and when; decisions
/// on different documents of one brand do not collide). It commits with its audit record (and "brand.verified" when it
/// was the last approval the brand needed) and is announced after commit, with the brand's new state as the detail.
/// </summary>
public sealed class BrandVerification(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public const int MaxReasonLength = 1000;

    /// <summary>A rejection's reason: the brand reads it with the request for a new upload.</summary>
    public static readonly ReasonRules RejectReason = new(3, MaxReasonLength,
        [
            "Unreadable or blurry scan", "Name does not match the legal entity", "Document has expired",
            "Wrong document uploaded", "Number not found in the registry",
        ],
        Missing: "A rejection needs a reason: the brand is asked for a new upload with it.");

    /// <summary>A note on an approval: optional.</summary>
    public static readonly ReasonRules ApproveNote = new(0, MaxReasonLength, Required: false);

    public static ReasonRules RulesFor(bool approve) => approve ? ApproveNote : RejectReason;

    public async Task<Outcome> DecideAsync(ClaimsPrincipal principal, BrandDocumentDecision decision, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(principal, Permission.VerifyBrands, ct);
        var reason = ReasonRules.Normalize(decision.Reason);
        if (RulesFor(decision.Approve).Problem(reason) is { } problem)
            return Outcome.Refused(problem, "Reason");
        var property = decision.Document switch
        {
            BrandDocument.Incorporation => nameof(Brand.IncorporationDocumentStatus),
            BrandDocument.Gst => nameof(Brand.GstDocumentStatus),
            _ => nameof(Brand.PanDocumentStatus),
        };
        var target = decision.Approve ? DocumentStatus.Verified : DocumentStatus.Rejected;
        var now = clock.GetUtcNow().UtcDateTime;
        var key = decision.BrandId.ToString(CultureInfo.InvariantCulture);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // one decision wins: only a document still waiting changes (a second UPDATE waits for the first, then finds it decided)
        var changed = await db.Set<Brand>()
            .Where(b => b.Id == decision.BrandId && EF.Property<DocumentStatus>(b, property) == DocumentStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => EF.Property<DocumentStatus>(b, property), target)
                .SetProperty(b => b.VerificationNote, reason)
                .SetProperty(b => b.ReviewedById, actor.Id)
                .SetProperty(b => b.ReviewedAt, now)
                .SetProperty(b => b.UpdatedAt, now), ct);
        if (changed == 0)
        {
            await tx.RollbackAsync(ct);
            return await WhyNotAsync(db, decision, ct);
        }
        var brand = await db.Set<Brand>().AsNoTracking().Where(b => b.Id == decision.BrandId)
            .Select(b => new { b.BrandName, b.Email, b.IncorporationDocumentStatus, b.GstDocumentStatus, b.PanDocumentStatus })
            .SingleAsync(ct);
        var state = BrandDocuments.StateOf(brand.IncorporationDocumentStatus, brand.GstDocumentStatus, brand.PanDocumentStatus);
        var document = BrandDocuments.Column(decision.Document);
        audit.Add(db, actor.ToAudit(), BrandEvents.AuditAction(decision.Document, decision.Approve), BrandEvents.EntityType, key,
            new { document, status = DocumentStatus.Pending.ToString() }, new { document, status = target.ToString() }, reason);
        if (state == BrandState.Verified)
            audit.Add(db, actor.ToAudit(), BrandEvents.VerifiedAction, BrandEvents.EntityType, key, null, new { state = state.ToString() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        await feed.PublishAsync(new ChangeEvent(BrandEvents.EntityType, key,
            decision.Approve ? BrandEvents.DocumentApproved : BrandEvents.DocumentRejected, actor.Id, actor.Name)
            { Detail = state.ToString().ToLowerInvariant() }, ct);
        var name = brand.BrandName ?? brand.Email;
        var what = BrandDocuments.Label(decision.Document);
        return Outcome.Done(decision.Approve
            ? state == BrandState.Verified ? $"{what} approved: {name} is now verified." : $"{what} approved."
            : $"{what} rejected: {name} is asked for a new upload.");
    }

    /// <summary>Nothing changed: the brand is gone, the document was decided by someone (who, when), or never waited.</summary>
    private static async Task<Outcome> WhyNotAsync(PortalDbContext db, BrandDocumentDecision decision, CancellationToken ct)
    {
        var brand = await db.Set<Brand>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == decision.BrandId, ct);
        if (brand is null)
            return Outcome.NotFound("This brand no longer exists.");
        var status = BrandDocuments.StatusOf(brand, decision.Document);
        var what = BrandDocuments.Label(decision.Document);
        if (await LastDecisionAsync(db, decision.BrandId, decision.Document, ct) is { } last && status != DocumentStatus.NotSubmitted)
            return Outcome.Conflict(
                $"{last.ActorName} {BrandEvents.Describe(last.Action)} first; it is now {BrandDocuments.Label(status).ToLowerInvariant()}. Nothing of yours was saved.",
                last.ActorName, new DateTimeOffset(DateTime.SpecifyKind(last.At, DateTimeKind.Utc)));
        return Outcome.Refused($"The {what} is not waiting for review ({BrandDocuments.Label(status).ToLowerInvariant()}).");
    }

    /// <summary>The latest audited decision on one document of a brand.</summary>
    public static Task<BrandChange?> LastDecisionAsync(PortalDbContext db, int brandId, BrandDocument document, CancellationToken ct)
    {
        var key = brandId.ToString(CultureInfo.InvariantCulture);
        var prefix = BrandEvents.AuditPrefix(document);
        return db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == BrandEvents.EntityType && a.EntityId == key && a.Action.StartsWith(prefix))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new BrandChange(a.ActorName, a.Action, a.At, a.Reason))
            .FirstOrDefaultAsync(ct);
    }
}

/// <summary>One earlier decision on a brand, from the audit log.</summary>
public sealed record BrandChange(string ActorName, string Action, DateTime At, string? Reason);
