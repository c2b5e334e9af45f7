using AdminPortal.Shared;

namespace AdminPortal.Features.Tickets;

public static class TicketBulk
{
    /// <summary>A bulk summary as one outcome: "3 assigned; 1 not", refused when nothing was done.</summary>
    public static Outcome Describe(this BulkSummary summary, string verb)
    {
        var capped = summary.Capped ? $" (the first {TicketActions.MaxBulk} only)" : "";
        if (summary.Done == 0 && summary.SkippedCount > 0)
            return Outcome.Refused($"None {verb}: {summary.SkippedCount} could not be{capped}.");
        var skipped = summary.SkippedCount > 0 ? $"; {summary.SkippedCount} not" : "";
        return Outcome.Done($"{summary.Done} {verb}{skipped}{capped}");
    }
}
