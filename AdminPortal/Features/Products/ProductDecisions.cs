namespace AdminPortal.Features.Products;

/// <summary>
/// One moderator's decision on one product. <paramref name="ExpectedVersion"/> is the xmin the moderator saw: when the
/// product changed since, the decision does not land and the moderator is told who changed what.
/// </summary>
public sealed record ProductDecision(string ProductId, ModerationAction Action, uint? ExpectedVersion = null,
    string? Reason = null, ProductEdits? Edits = null);

public enum DecisionOutcome { Done, Invalid, Refused, Conflict, NotFound }

/// <summary>What happened to a decision. Nothing was changed unless <see cref="Outcome"/> is Done.</summary>
public sealed record DecisionResult(DecisionOutcome Outcome, string Message,
    IReadOnlyDictionary<string, string> Errors, ProductChange? LastChange = null, PublishingStatus? Status = null)
{
    public bool Succeeded => Outcome == DecisionOutcome.Done;

    public static DecisionResult Done(PublishingStatus status, string message) =>
        new(DecisionOutcome.Done, message, new Dictionary<string, string>(), Status: status);

    public static DecisionResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(DecisionOutcome.Invalid, "Please correct the highlighted fields.", errors);

    public static DecisionResult Refused(string message, ProductChange? last = null) =>
        new(DecisionOutcome.Refused, message, new Dictionary<string, string>(), last);

    public static DecisionResult Conflict(ProductChange? last) =>
        new(DecisionOutcome.Conflict, last is null
            ? "Someone else changed this product while you had it open. Reload to see the latest."
            : $"{last.Describe()} Nothing of yours was saved; reload to see the latest.",
            new Dictionary<string, string>(), last);

    public static readonly DecisionResult NotFound =
        new(DecisionOutcome.NotFound, "This product no longer exists.", new Dictionary<string, string>());
}

/// <summary>Approve or reject many at once: chosen ids, or everything matching a queue view.</summary>
public sealed record BulkDecision(ModerationAction Action, IReadOnlyList<string>? ProductIds,
    ProductQueueQuery? AllMatching, string? Reason);

public sealed record SkippedProduct(string Id, string Title, PublishingStatus Status, ProductChange? LastChange);

/// <summary>How many were decided, which were skipped (someone decided them first), and how many are left over the cap.</summary>
public sealed record BulkResult(int Done, IReadOnlyList<SkippedProduct> Skipped, int SkippedCount, bool Capped, string? Error = null)
{
    public static BulkResult Failed(string error) => new(0, [], 0, false, error);

    public string Describe(ModerationAction action)
    {
        if (Error is not null)
            return Error;
        var verb = action == ModerationAction.Approve ? "Approved" : "Rejected";
        var text = $"{verb} {Done:N0} product{(Done == 1 ? "" : "s")}.";
        if (SkippedCount > 0)
            text += $" Skipped {SkippedCount:N0}: someone else decided {(SkippedCount == 1 ? "it" : "them")} first.";
        if (Capped)
            text += $" Stopped at {ProductModeration.MaxBulk:N0}; run it again for the rest.";
        return text;
    }
}
