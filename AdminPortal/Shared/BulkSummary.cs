namespace AdminPortal.Shared;

/// <summary>One item a bulk action left alone, and why (someone else decided it first, it is no longer open...).</summary>
public sealed record BulkSkip(string Id, string Title, string Reason);

/// <summary>
/// What a bulk action did: how many it changed, the items it skipped (at most a screenful, with
/// <see cref="SkippedCount"/> the whole number), and whether it stopped at its cap. The value of every bulk action's
/// <see cref="Outcome{T}"/>, whatever the area.
/// </summary>
public sealed record BulkSummary(int Done, IReadOnlyList<BulkSkip> Skipped, bool Capped = false, int? SkippedTotal = null)
{
    public int SkippedCount => SkippedTotal ?? Skipped.Count;
}
