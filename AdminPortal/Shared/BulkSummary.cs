namespace AdminPortal.Shared;

/// <summary>One skipped item of a bulk action: what it was and why it was skipped.</summary>
public sealed record BulkSkip(string Id, string Title, string Reason);

/// <summary>What a bulk action did: how many were done, which were skipped and why, whether it stopped at its cap.</summary>
public sealed record BulkSummary(int Done, IReadOnlyList<BulkSkip> Skipped, int SkippedCount, bool Capped);
