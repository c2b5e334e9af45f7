using AdminPortal.Features.Products.Queue;

namespace AdminPortal.Features.Products;

/// <summary>
/// One moderator's decision on one product. <paramref name="ExpectedVersion"/> is the xmin the moderator saw: when the
/// product changed since, the decision does not land and the moderator is told who changed what.
/// </summary>
public sealed record ProductDecision(string ProductId, ModerationAction Action, uint? ExpectedVersion = null,
    string? Reason = null, ProductEdits? Edits = null);

/// <summary>Approve or reject many at once: chosen ids, or everything matching a queue view.</summary>
public sealed record BulkDecision(ModerationAction Action, IReadOnlyList<string>? ProductIds,
    ProductQueueQuery? AllMatching, string? Reason);
