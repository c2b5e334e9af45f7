using AdminPortal.Components.Shared;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Live;
using AdminPortal.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace AdminPortal.Features.Products.Review;

/// <summary>What a key asks the review page to do beyond what <see cref="ProductReviewState.OnKey"/> did itself.</summary>
public enum ReviewKeyAction { None, Render, Next, Previous, Approve, Reject, OpenImage, Back }

/// <summary>What the prerender read, handed to the interactive render so it starts with the page, not a progress bar.</summary>
public sealed record ProductReviewSnapshot(ProductDetails Details, IReadOnlyList<ModerationAction> Actions, int? UserId, int Position);

/// <summary>
/// What the review of one product does between reads: the product and what the actor may do with it, the corrected
/// fields, the pending decision that needs a reason, which field an error belongs to, where the product stands in the
/// queue it was opened from (for next / previous), and what others did to it meanwhile. Plain C#.
/// </summary>
public sealed class ProductReviewState
{
    public static readonly IReadOnlyList<(string Key, string What)> Shortcuts =
    [
        ("j", "next product in the queue"), ("k", "previous product"), ("a", "approve"), ("r", "reject (then give a reason)"),
        ("o", "open the image full size"), ("u", "back to the queue"), ("?", "this list"),
    ];

    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _formFor;

    /// <summary>Busy, denied, and the last decision's outcome.</summary>
    public ActionGate Gate { get; } = new();
    public ProductDetails? Details { get; private set; }
    public IReadOnlyList<ModerationAction> Actions { get; private set; } = [];
    public bool NotFound { get; private set; }
    public int? UserId { get; set; }

    /// <summary>Where the product stood (0-based) on its page of the queue view: j/k go on from there once it left.</summary>
    public int Position { get; set; }
    public string? LiveNotice { get; set; }
    public bool HelpOpen { get; set; }

    // the fields as the moderator corrects them
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public Cause Cause { get; set; }
    public double Mrp { get; set; }
    public double Price { get; set; }

    /// <summary>A decision waiting for its reason (reject, request changes); null when none.</summary>
    public ModerationAction? Mode { get; private set; }
    public string? Reason { get; set; }

    public bool Editable => Can(ModerationAction.Edit);
    public bool Can(ModerationAction action) => Actions.Contains(action);
    public ProductEdits CurrentEdits => new(Title, Description, Cause, Mrp, Price);

    /// <summary>The message for <paramref name="field"/> ("Title", "Mrp", "Reason"...), or null.</summary>
    public string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    public void Show(ProductDetails? details, IReadOnlyList<ModerationAction> actions)
    {
        (Details, Actions, NotFound) = (details, details is null ? [] : actions, details is null);
        if (details is not null)
            ShowFields(details);
    }

    /// <summary>The fields as the database has them now: only for a new product, or a new version of this one.</summary>
    public void ShowFields(ProductDetails details)
    {
        var key = $"{details.Id}/{details.Version}";
        if (_formFor == key)
            return;
        if (_formFor?.StartsWith(details.Id + "/", StringComparison.Ordinal) != true)
        {
            Gate.Clear();
            Mode = null;
        }
        _formFor = key;
        (Title, Description, Cause, Mrp, Price) = (details.Title, details.Description, details.Cause, details.Mrp, details.SellingPrice);
        _errors = new Dictionary<string, string>();
    }

    /// <summary>Before reloading after a conflict: the fields are read again even if the version looks the same.</summary>
    public void ForgetFields()
    {
        Gate.Clear();
        _formFor = null;
    }

    public bool Restore(ProductReviewSnapshot? snapshot, string id)
    {
        if (Details is not null || snapshot is null || snapshot.Details.Id != id)
            return false;
        Show(snapshot.Details, snapshot.Actions);
        (UserId, Position) = (snapshot.UserId, snapshot.Position);
        return true;
    }

    public ProductReviewSnapshot? Snapshot() => Details is null ? null : new(Details, Actions, UserId, Position);

    /// <summary>Asks for the reason of <paramref name="action"/> (reject, request changes) before deciding.</summary>
    public void StartReason(ModerationAction action)
    {
        if (!Can(action))
            return;
        (Mode, Reason) = (action, null);
        _errors = new Dictionary<string, string>();
    }

    public void CancelReason()
    {
        Mode = null;
        _errors = new Dictionary<string, string>();
    }

    public ReasonRules ReasonRules => ProductModeration.ReasonFor(Mode ?? ModerationAction.Approve);

    /// <summary>The words of the reason form for the decision waiting for its reason; null when none waits.</summary>
    public ReasonPrompt? Prompt => Mode switch
    {
        ModerationAction.Reject => new("Why is it rejected?", "Reason",
            "Pick one or more, and/or write your own. The vendor sees it.", "Confirm rejection", Danger: true),
        ModerationAction.RequestChanges => new("What should the vendor change?", "Remark for the vendor",
            "The vendor sees this with their draft.", "Send back to the vendor", Danger: false),
        ModerationAction.Unpublish => new("Why is it unpublished?", "Remark for the vendor",
            "The product leaves the store and goes back to the vendor's drafts with this remark.", "Unpublish", Danger: false),
        ModerationAction.TakeDown => new("Why is it taken down?", "Reason",
            "The product leaves the store and is rejected; the vendor sees the reason.", "Confirm take-down", Danger: true),
        _ => null,
    };

    /// <summary>
    /// The decision to send, checked as the service checks it (the service checks again); null when something is wrong,
    /// with each message on its field and a summary for the alert.
    /// </summary>
    public ProductDecision? Decision(ModerationAction action, string? reason)
    {
        if (Details is null)
            return null;
        var edits = Editable ? CurrentEdits : null;
        var errors = new Dictionary<string, string>(edits?.Validate() ?? new Dictionary<string, string>());
        if (ProductModeration.ReasonFor(action).Problem(reason) is { } problem)
            errors["Reason"] = problem;
        _errors = errors;
        if (errors.Count == 0)
            return new ProductDecision(Details.Id, action, Details.Version, reason, edits);
        Gate.Show(Outcome.Refused(errors.Count == 1 ? errors.First().Value : "Please correct the highlighted fields."));
        return null;
    }

    /// <summary>What the service said: a refusal shows on its field; a decision done closes the reason form.</summary>
    public void Apply(Outcome? outcome)
    {
        if (outcome is null)
            return;
        _errors = outcome is { Kind: OutcomeKind.Refused, Field: { } field }
            ? new Dictionary<string, string> { [field] = outcome.Message }
            : new Dictionary<string, string>();
        if (outcome.Succeeded)
            Mode = null;
    }

    /// <summary>Someone else's change to this product: said on the page (the reload shows what changed).</summary>
    public void OnChange(ChangeEvent change)
    {
        if (change.ActorId != UserId && Details is not null && change.EntityId == Details.Id)
            LiveNotice = $"{change.ActorName ?? "Someone"} {change.Action.Replace('_', ' ')} this product just now.";
    }

    /// <summary>The review of <paramref name="id"/>, in the same queue view, at <paramref name="position"/> on its page.</summary>
    public static string Url(string id, ProductQueueQuery view, int position) =>
        QueryHelpers.AddQueryString("/products/" + Uri.EscapeDataString(id) + view.ToQueryString(), "pos", QueryValues.Format(position));

    /// <summary>There is no product further that way on this page of the queue.</summary>
    public void AtEdge(int step) => LiveNotice = step > 0
        ? "This was the last product on this page of the queue."
        : "This was the first product on this page of the queue.";

    public ReviewKeyAction OnKey(string key)
    {
        switch (key)
        {
            case "j": return ReviewKeyAction.Next;
            case "k": return ReviewKeyAction.Previous;
            case "a" when Can(ModerationAction.Approve): return ReviewKeyAction.Approve;
            case "r": StartReason(ModerationAction.Reject); break;
            case "o": return ReviewKeyAction.OpenImage;
            case "u": return ReviewKeyAction.Back;
            case "?": HelpOpen = true; break;
            case "Escape": HelpOpen = false; break;
            default: return ReviewKeyAction.None;
        }
        return ReviewKeyAction.Render;
    }
}

/// <summary>The words of the reason form: its heading, the field's label and help, and the confirm button.</summary>
public sealed record ReasonPrompt(string Heading, string Label, string Helper, string Confirm, bool Danger);
