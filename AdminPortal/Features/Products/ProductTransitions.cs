using AdminPortal.Security;

namespace AdminPortal.Features.Products;

/// <summary>What a moderator can do to a product.</summary>
public enum ModerationAction
{
    /// <summary>suggestion -> published.</summary>
    Approve,
    /// <summary>suggestion -> rejected; a reason is required.</summary>
    Reject,
    /// <summary>suggestion -> draft, with a remark for the vendor (required).</summary>
    RequestChanges,
    /// <summary>rejected -> suggestion; Admin only (<see cref="Permission.ReopenProducts"/>).</summary>
    Reopen,
    /// <summary>A correction of title, description, cause or prices; the status stays.</summary>
    Edit,
    /// <summary>published -> draft, with a remark for the vendor (required); Admin only (<see cref="Permission.TakeDownProducts"/>).</summary>
    Unpublish,
    /// <summary>published -> rejected, with a reason (required); Admin only (<see cref="Permission.TakeDownProducts"/>).</summary>
    TakeDown,
}

/// <summary>
/// The moderation workflow, enforced by <see cref="ProductModeration"/>:
/// <code>
/// from        action           to          who
/// suggestion  Approve          published   ModerateProducts
/// suggestion  Reject           rejected    ModerateProducts (reason required)
/// suggestion  RequestChanges   draft       ModerateProducts (remark required)
/// suggestion  Edit             suggestion  ModerateProducts
/// rejected    Reopen           suggestion  ReopenProducts (Admin)
/// published   Unpublish        draft       TakeDownProducts (Admin, remark for the vendor required)
/// published   TakeDown         rejected    TakeDownProducts (Admin, reason required)
/// </code>
/// Draft belongs to the vendor (they edit it and submit it as a suggestion in Deed-O), so a moderator has nothing to
/// decide there. Taking a published product down is an Admin's act on one product with a reason, never part of a bulk
/// decision (bulk decides suggestions only), so a bulk reject cannot silently unpublish live products.
/// </summary>
public static class ProductTransitions
{
    private static readonly Dictionary<(PublishingStatus From, ModerationAction Action), PublishingStatus> Table = new()
    {
        [(PublishingStatus.Suggestion, ModerationAction.Approve)] = PublishingStatus.Published,
        [(PublishingStatus.Suggestion, ModerationAction.Reject)] = PublishingStatus.Rejected,
        [(PublishingStatus.Suggestion, ModerationAction.RequestChanges)] = PublishingStatus.Draft,
        [(PublishingStatus.Suggestion, ModerationAction.Edit)] = PublishingStatus.Suggestion,
        [(PublishingStatus.Rejected, ModerationAction.Reopen)] = PublishingStatus.Suggestion,
        [(PublishingStatus.Published, ModerationAction.Unpublish)] = PublishingStatus.Draft,
        [(PublishingStatus.Published, ModerationAction.TakeDown)] = PublishingStatus.Rejected,
    };

    /// <summary>The status after the action, or null when the action is not allowed from <paramref name="from"/>.</summary>
    public static PublishingStatus? Target(PublishingStatus from, ModerationAction action) =>
        Table.TryGetValue((from, action), out var to) ? to : null;

    public static bool IsAllowed(PublishingStatus from, ModerationAction action) => Target(from, action) is not null;

    /// <summary>The permission the action needs on top of being a valid transition.</summary>
    public static Permission RequiredPermission(ModerationAction action) => action switch
    {
        ModerationAction.Reopen => Permission.ReopenProducts,
        ModerationAction.Unpublish or ModerationAction.TakeDown => Permission.TakeDownProducts,
        _ => Permission.ModerateProducts,
    };

    /// <summary>The actions the actor may take on a product in this status (for the buttons; the service re-checks).</summary>
    public static IReadOnlyList<ModerationAction> Available(PublishingStatus from, PortalActor actor) =>
        Enum.GetValues<ModerationAction>()
            .Where(a => IsAllowed(from, a) && actor.Has(RequiredPermission(a)))
            .ToList();

    /// <summary>The audit action name, e.g. "product.approve".</summary>
    public static string AuditAction(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "product.approve",
        ModerationAction.Reject => "product.reject",
        ModerationAction.RequestChanges => "product.request_changes",
        ModerationAction.Reopen => "product.reopen",
        ModerationAction.Unpublish => "product.unpublish",
        ModerationAction.TakeDown => "product.take_down",
        _ => "product.edit",
    };

    /// <summary>The verb a person reads: "approved".</summary>
    public static string PastTense(string auditAction) => auditAction switch
    {
        "product.approve" => "approved",
        "product.reject" => "rejected",
        "product.request_changes" => "asked for changes to",
        "product.reopen" => "reopened",
        "product.edit" => "edited",
        "product.unpublish" => "unpublished",
        "product.take_down" => "unpublished and rejected",
        _ => auditAction,
    };
}
