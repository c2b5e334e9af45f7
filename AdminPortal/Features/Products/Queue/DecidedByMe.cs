namespace AdminPortal.Features.Products.Queue;

/// <summary>The "decided by me" filter's windows: since the start of the UTC day, or of the UTC week (Monday).</summary>
public enum DecidedWindow { Today, Week }

/// <summary>
/// "Decided by me": the products <paramref name="ModeratorId"/> approved, rejected or asked changes on at or after
/// <paramref name="Since"/>, read from the audit log (idx_audit_log_actor). The moderator is always the signed-in
/// viewer, resolved by the service from the principal; the URL only says which window (decision 0028).
/// </summary>
public sealed record DecidedBy(int ModeratorId, DateTime Since)
{
    /// <summary>
    /// The most product ids read ahead into <see cref="Ids"/>; a viewer with more decisions in the window is filtered
    /// in the same statement as before (an array parameter of that size would cost more than it saves).
    /// </summary>
    public const int MaxIdsReadAhead = 100_000;

    /// <summary>
    /// Up to this many decided products a page sorts them itself (<see cref="ProductFilters.Order"/>'s fence): their
    /// primary-key probes and a top-50 sort beat walking a sort index past the older products (decision 0056, on the
    /// large data: 2,000 ids 8.5 against 135 ms; 47,000 ids 184 against 172 ms).
    /// </summary>
    public const int MaxIdsSortedApart = 20_000;

    /// <summary>The page sorts the decided products apart from any sort index (a read-ahead list of a real week's size).</summary>
    public bool SortsApart => Ids is { Length: <= MaxIdsSortedApart };

    /// <summary>
    /// The products decided in the window, read ahead (<see cref="ProductFilters.DecidedIdsAsync"/>) so the page and the
    /// counts filter on a list the planner sees whole; null: read in the same statement from the audit log.
    /// </summary>
    public string[]? Ids { get; init; }

    /// <summary>
    /// The audit actions that are a decision: the three the moderation rollups count (decision 0020). A bulk decision
    /// writes the same actions, one audit record per product.
    /// </summary>
    public static readonly string[] Actions =
    [
        ProductTransitions.AuditAction(ModerationAction.Approve), ProductTransitions.AuditAction(ModerationAction.Reject),
        ProductTransitions.AuditAction(ModerationAction.RequestChanges),
    ];

    /// <summary>The window of <paramref name="query"/> for <paramref name="viewerId"/>; null when the filter is off.</summary>
    public static DecidedBy? For(ProductQueueQuery query, int viewerId, TimeProvider clock) =>
        query.Decided is { } window ? new(viewerId, Start(window, clock.GetUtcNow().UtcDateTime)) : null;

    /// <summary>Midnight UTC of today, or of this week's Monday (ISO weeks, as the dashboard's days).</summary>
    public static DateTime Start(DecidedWindow window, DateTime utcNow)
    {
        var today = DateOnly.FromDateTime(utcNow);
        var day = window == DecidedWindow.Week ? Dashboard.DashboardDays.WeekStart(today) : today;   // the tiles' week
        return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    /// <summary>"today" or "this week", as the chip and the empty text say it.</summary>
    public static string Label(DecidedWindow window) => window == DecidedWindow.Week ? "this week" : "today";
}
