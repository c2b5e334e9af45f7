using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Notifications.Moderation;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Products;

/// <summary>
/// Decisions on products: one at a time (with corrections) or many at once. Every change is checked against
/// <see cref="ProductTransitions"/> and the actor's permissions read from the database now, lands at most once (xmin
/// for single decisions, a conditional UPDATE for bulk), commits with its audit record, and is announced on the change
/// feed after commit.
/// </summary>
public sealed class ProductModeration(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, AuditTrail audit,
    IChangeFeed feed, TimeProvider clock)
{
    public const int MaxReasonLength = 1000;
    public const int MaxBulk = 10_000;

    /// <summary>A rejection's reason: preset reasons to pick (any number) and/or one's own; the vendor sees it.</summary>
    public static readonly ReasonRules RejectReason = new(1, MaxReasonLength,
        [
            "Photos are blurry or missing", "Price above MRP guidance", "Not aligned with the cause",
            "Misleading title or description", "Duplicate of another product", "Prohibited item",
        ],
        Missing: "A rejection needs a reason: pick one or write one.");

    /// <summary>The remark sent back with a request for changes.</summary>
    public static readonly ReasonRules ChangesReason = new(1, MaxReasonLength, Missing: "Tell the vendor what to change.");

    /// <summary>A note on any other decision: optional.</summary>
    public static readonly ReasonRules OptionalReason = new(0, MaxReasonLength, Required: false);

    /// <summary>Why a published product is taken down (to rejected); the vendor sees it.</summary>
    public static readonly ReasonRules TakeDownReason = new(1, MaxReasonLength,
        [
            "Reported by buyers", "Prohibited item", "Counterfeit or infringing", "Misleading title or description",
            "Vendor asked to remove it",
        ],
        Missing: "Taking a product down needs a reason: pick one or write one.");

    /// <summary>The remark sent with a published product going back to draft.</summary>
    public static readonly ReasonRules UnpublishReason = new(1, MaxReasonLength,
        Missing: "Tell the vendor why it is unpublished and what to change.");

    public static ReasonRules ReasonFor(ModerationAction action) => action switch
    {
        ModerationAction.Reject => RejectReason,
        ModerationAction.RequestChanges => ChangesReason,
        ModerationAction.TakeDown => TakeDownReason,
        ModerationAction.Unpublish => UnpublishReason,
        _ => OptionalReason,
    };

    /// <summary>Decides on one product: Done, Refused (on its field), Conflict (who and when), or NotFound.</summary>
    public async Task<Outcome> DecideAsync(ClaimsPrincipal principal, ProductDecision decision, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(principal, ProductTransitions.RequiredPermission(decision.Action), ct);
        var reason = ReasonRules.Normalize(decision.Reason);
        if (ReasonFor(decision.Action).Problem(reason) is { } problem)
            return Outcome.Refused(problem, "Reason");
        // checked as typed (TextRules refuses what cannot be stored), then normalised for storing
        if (decision.Edits?.Validate() is { Count: > 0 } errors)
            return Outcome.Refused(errors.First().Value, errors.First().Key);   // the first field at fault
        var edits = decision.Edits?.Normalised();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Set<Product>().SingleOrDefaultAsync(p => p.Id == decision.ProductId, ct);
        if (product is null)
            return Outcome.NotFound("This product no longer exists.");
        if (decision.ExpectedVersion is { } seen && seen != product.Version)
            return Conflict(await LastChangeAsync(db, product.Id, ct));
        if (ProductTransitions.Target(product.PublishingStatus, decision.Action) is not { } target)
            return Outcome.Refused($"This product is {Label(product.PublishingStatus)}: it cannot be {Verb(decision.Action)}.");
        if (decision.Action == ModerationAction.Edit && edits is null)
            return Outcome.Refused("Nothing to save.", "Title");

        var before = Snapshot(product);
        var wasSuggestion = product.PublishingStatus == PublishingStatus.Suggestion;
        if (edits is not null)
        {
            product.Title = edits.Title;
            product.Description = edits.Description;
            product.Cause = edits.Cause;
            product.Mrp = edits.Mrp;
            product.SellingPrice = edits.SellingPrice;
        }
        product.PublishingStatus = target;
        product.Remark = decision.Action switch
        {
            ModerationAction.Reject or ModerationAction.RequestChanges or ModerationAction.Unpublish or ModerationAction.TakeDown => reason,
            ModerationAction.Approve => string.IsNullOrEmpty(reason) ? null : reason,
            _ => product.Remark,
        };
        product.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var after = Snapshot(product);
        if (decision.Action == ModerationAction.Edit && before == after with { UpdatedAt = before.UpdatedAt })
            return Outcome.Done("Nothing changed.");
        var changedTo = Changed(before, after, false);
        if (decision.Action is ModerationAction.Approve or ModerationAction.Reject or ModerationAction.RequestChanges)
            changedTo["cause"] = product.Cause.ToString();   // the cause decided under, for the rollups (decision 0020)
        audit.Add(db, actor.ToAudit(), ProductTransitions.AuditAction(decision.Action), EntityTypes.Product, product.Id,
            Changed(before, after, true), changedTo, reason);
        if (wasSuggestion && target != PublishingStatus.Suggestion)   // its other reviewers hear of it (issue 18)
            db.Add(SuggestionOutbox.Decided([product.Id], actor.Id, actor.Name, Verb(decision.Action), product.UpdatedAt));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return Conflict(await LastChangeAsync(fresh, product.Id, ct));
        }
        await feed.PublishAsync(new ChangeEvent(EntityTypes.Product, product.Id, ProductEvents.Action(decision.Action), actor.Id, actor.Name), ct);
        return Outcome.Done($"{Capitalise(Verb(decision.Action))}: {product.Title}.");
    }

    /// <summary>Someone changed the product first: who and when, and that nothing of ours was saved.</summary>
    public static Outcome Conflict(ProductChange? last) => last is null
        ? Outcome.Conflict("Someone else changed this product while you had it open. Reload to see the latest.")
        : Outcome.Conflict($"{last.Describe()} Nothing of yours was saved; reload to see the latest.", last.ActorName, last.AtUtc);

    /// <summary>
    /// Approves or rejects many suggestions. Each product is decided at most once: the UPDATE only touches rows still
    /// in suggestion, so those decided meanwhile by someone else are skipped and reported, never overwritten.
    /// </summary>
    public async Task<Outcome<BulkSummary>> DecideManyAsync(ClaimsPrincipal principal, BulkDecision bulk, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(principal, Permission.ModerateProducts, ct);
        if (bulk.Action is not (ModerationAction.Approve or ModerationAction.Reject))
            return Outcome<BulkSummary>.Failed(Outcome.Refused("Only approve and reject can be done in bulk."));
        var reason = bulk.Reason?.Trim();
        if (ReasonFor(bulk.Action).Problem(reason) is { } problem)
            return Outcome<BulkSummary>.Failed(Outcome.Refused(problem, "Reason"));
        var target = ProductTransitions.Target(PublishingStatus.Suggestion, bulk.Action)!.Value;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        List<string> ids;
        if (bulk.AllMatching is { } view)
        {
            var suggestions = view with { Status = PublishingStatus.Suggestion, Sort = ProductSort.Submitted, Descending = false };
            var decidedBy = DecidedBy.For(suggestions, actor.Id, clock);
            ids = await ProductFilters.Order(ProductFilters.Apply(db.Set<Product>().AsNoTracking(), suggestions, db, decidedBy), suggestions, db)
                .Select(p => p.Id).Take(MaxBulk + 1).ToListAsync(ct);
        }
        else
            ids = (bulk.ProductIds ?? []).Distinct().Take(MaxBulk + 1).ToList();
        var capped = ids.Count > MaxBulk;
        if (capped)
            ids.RemoveAt(ids.Count - 1);

        var decided = new List<BulkRow>();
        var now = clock.GetUtcNow().UtcDateTime;
        var remark = bulk.Action == ModerationAction.Reject ? reason : string.IsNullOrEmpty(reason) ? null : reason;
        foreach (var chunk in ids.Chunk(500))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.Database.SqlQuery<BulkRow>($"""
                UPDATE catalog.products
                SET publishing_status = {target}, remark = {remark}, updated_at = {now}
                WHERE id = ANY({chunk}) AND publishing_status = {PublishingStatus.Suggestion}
                RETURNING id AS "Id", title AS "Title", cause AS "Cause"
                """).ToListAsync(ct);
            foreach (var row in rows)
                audit.Add(db, actor.ToAudit(), ProductTransitions.AuditAction(bulk.Action), EntityTypes.Product, row.Id,
                    new { Status = PublishingStatus.Suggestion }, new { Status = target, Remark = remark, Cause = row.Cause.ToString() }, reason);
            if (rows.Count > 0)
                db.Add(SuggestionOutbox.Decided(rows.Select(r => r.Id).ToList(), actor.Id, actor.Name, Verb(bulk.Action), now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            decided.AddRange(rows);
        }
        await AnnounceAsync(actor, bulk.Action, decided, ct);
        var skippedIds = ids.Except(decided.Select(d => d.Id)).ToList();
        var skipped = new List<BulkSkip>();
        foreach (var id in skippedIds.Take(20))
        {
            var p = await db.Set<Product>().AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.Title, x.PublishingStatus }).SingleOrDefaultAsync(ct);
            if (p is not null)
                skipped.Add(new BulkSkip(id, p.Title,
                    (await LastChangeAsync(db, id, ct))?.Describe() ?? $"now {ProductLabels.Of(p.PublishingStatus)}."));
        }
        var summary = new BulkSummary(decided.Count, skipped, capped, skippedIds.Count);
        return Outcome<BulkSummary>.Done(summary, BulkText(bulk.Action, summary));
    }

    /// <summary>"Approved 3 products. Skipped 2: someone else decided them first."</summary>
    public static string BulkText(ModerationAction action, BulkSummary summary)
    {
        var verb = action == ModerationAction.Approve ? "Approved" : "Rejected";
        var text = $"{verb} {summary.Done:N0} product{(summary.Done == 1 ? "" : "s")}.";
        if (summary.SkippedCount > 0)
            text += $" Skipped {summary.SkippedCount:N0}: someone else decided {(summary.SkippedCount == 1 ? "it" : "them")} first.";
        if (summary.Capped)
            text += $" Stopped at {MaxBulk:N0}; run it again for the rest.";
        return text;
    }

    private async Task AnnounceAsync(PortalActor actor, ModerationAction action, List<BulkRow> decided, CancellationToken ct)
    {
        var verb = ProductEvents.Action(action);
        if (decided.Count > 50)   // one "many products" event rather than a flood of NOTIFYs
        {
            await feed.PublishAsync(new ChangeEvent(EntityTypes.Product, "*", verb, actor.Id, actor.Name), ct);
            return;
        }
        foreach (var row in decided)
            await feed.PublishAsync(new ChangeEvent(EntityTypes.Product, row.Id, verb, actor.Id, actor.Name), ct);
    }

    /// <summary>Who last changed the product (latest audit record), for "already approved by X at T".</summary>
    public static Task<ProductChange?> LastChangeAsync(PortalDbContext db, string id, CancellationToken ct) =>
        ProductQueryService.HistoryQuery(db, id).FirstOrDefaultAsync(ct);

    private sealed record BulkRow(string Id, string Title, Cause Cause);

    private sealed record State(string Title, string Description, Cause Cause, double Mrp, double SellingPrice,
        PublishingStatus Status, string? Remark, DateTime UpdatedAt);

    private static State Snapshot(Product p) =>
        new(p.Title, p.Description, p.Cause, p.Mrp, p.SellingPrice, p.PublishingStatus, p.Remark, p.UpdatedAt);

    /// <summary>Only the fields that changed, as they were (<paramref name="old"/>) or became.</summary>
    private static Dictionary<string, object?> Changed(State before, State after, bool old)
    {
        var changes = new Dictionary<string, object?>();
        void Add<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
                changes[name] = old ? a : b;
        }
        Add("title", before.Title, after.Title);
        Add("description", before.Description, after.Description);
        Add("cause", before.Cause.ToString(), after.Cause.ToString());
        Add("mrp", before.Mrp, after.Mrp);
        Add("sellingPrice", before.SellingPrice, after.SellingPrice);
        Add("status", before.Status.ToString(), after.Status.ToString());
        Add("remark", before.Remark, after.Remark);
        return changes;
    }

    private static string Verb(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "approved",
        ModerationAction.Reject => "rejected",
        ModerationAction.RequestChanges => "sent back for changes",
        ModerationAction.Reopen => "reopened",
        ModerationAction.Unpublish => "unpublished (back to draft)",
        ModerationAction.TakeDown => "taken down",
        _ => "edited",
    };

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    public static string Label(PublishingStatus status) => status.ToString().ToLowerInvariant();
}
