using AdminPortal.Live;

namespace AdminPortal.Features.Products;

/// <summary>
/// The change-feed verbs of moderation, and what each says about the product's new status: enough for an open queue
/// to drop a decided row at once, before its coalesced reload fills the page again.
/// </summary>
public static class ProductEvents
{
    public const string ChangesRequested = "changes_requested";
    public const string Reopened = "reopened";
    public const string Unpublished = "unpublished";
    public const string TakenDown = "taken_down";

    public static string Action(ModerationAction action) => action switch
    {
        ModerationAction.Approve => ChangeActions.Approved,
        ModerationAction.Reject => ChangeActions.Rejected,
        ModerationAction.RequestChanges => ChangesRequested,
        ModerationAction.Reopen => Reopened,
        ModerationAction.Unpublish => Unpublished,
        ModerationAction.TakeDown => TakenDown,
        _ => ChangeActions.Updated,
    };

    /// <summary>The status a product has after an event with this verb; null when the verb does not say.</summary>
    public static PublishingStatus? StatusAfter(string action) => action switch
    {
        ChangeActions.Approved => PublishingStatus.Published,
        ChangeActions.Rejected => PublishingStatus.Rejected,
        ChangesRequested => PublishingStatus.Draft,
        Reopened => PublishingStatus.Suggestion,
        Unpublished => PublishingStatus.Draft,
        TakenDown => PublishingStatus.Rejected,
        _ => null,
    };

    /// <summary>
    /// True when the event moved one product out of a view filtered on <paramref name="viewStatus"/> (null: all
    /// statuses, which nothing leaves by a decision).
    /// </summary>
    public static bool LeavesView(ChangeEvent change, PublishingStatus? viewStatus) =>
        change.EntityType == EntityTypes.Product && change.EntityId != "*" && viewStatus is not null
        && StatusAfter(change.Action) is { } after && after != viewStatus;
}
