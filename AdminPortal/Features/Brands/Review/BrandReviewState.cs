using AdminPortal.Components.Shared;
using AdminPortal.Features.Brands.Queue;
using AdminPortal.Live;
using AdminPortal.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace AdminPortal.Features.Brands.Review;

/// <summary>What a key asks the brand review page to do beyond what <see cref="BrandReviewState.OnKey"/> did itself.</summary>
public enum BrandReviewKey { None, Render, Next, Previous, Approve, Reject, Back }

/// <summary>
/// What the review of one brand does between reads: the brand, the selected document (keys 1-3, "a" and "r" act on
/// it), where the brand stands in the queue it was opened from (for j/k), and what others did to it meanwhile. Plain C#.
/// </summary>
public sealed class BrandReviewState
{
    public static readonly IReadOnlyList<(string Key, string What)> Shortcuts =
    [
        ("1 / 2 / 3", "select incorporation / GST / PAN"), ("a", "approve the selected document"),
        ("r", "reject the selected document (then give a reason)"), ("j", "next brand in the queue"), ("k", "previous brand"),
        ("u", "back to the queue"), ("?", "this list"),
    ];

    public ActionGate Gate { get; } = new();
    public BrandDetails? Details { get; private set; }
    public bool NotFound { get; private set; }
    public int? UserId { get; set; }
    public int Position { get; set; }
    public string? LiveNotice { get; set; }
    public bool HelpOpen { get; set; }

    /// <summary>The document the keys act on: the first waiting one unless the reviewer picked another.</summary>
    public BrandDocument Selected { get; private set; }
    private bool _picked;

    public void Show(BrandDetails? details)
    {
        var sameBrand = details is not null && Details?.Id == details.Id;
        (Details, NotFound) = (details, details is null);
        if (!sameBrand)
            _picked = false;
        if (!_picked && details is not null)
            Selected = details.Documents.FirstOrDefault(d => d.Status == Creators.DocumentStatus.Pending)?.Document ?? BrandDocument.Incorporation;
    }

    public void Select(BrandDocument document) => (Selected, _picked) = (document, true);

    public BrandReviewKey OnKey(string key)
    {
        switch (key)
        {
            case "1" or "2" or "3": Select(BrandDocuments.All[key[0] - '1']); break;
            case "a": return BrandReviewKey.Approve;
            case "r": return BrandReviewKey.Reject;
            case "j": return BrandReviewKey.Next;
            case "k": return BrandReviewKey.Previous;
            case "u": return BrandReviewKey.Back;
            case "?": HelpOpen = true; break;
            case "Escape": HelpOpen = false; break;
            default: return BrandReviewKey.None;
        }
        return BrandReviewKey.Render;
    }

    /// <summary>Someone else's decision on this brand: said on the page (the reload shows what changed).</summary>
    public void OnChange(ChangeEvent change)
    {
        if (change.ActorId != UserId && Details is not null && change.EntityId == Details.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            LiveNotice = $"{change.ActorName ?? "Someone"} {change.Action.Replace('_', ' ')} on this brand just now.";
    }

    public void AtEdge(int step) => LiveNotice = step > 0
        ? "This was the last brand on this page of the queue."
        : "This was the first brand on this page of the queue.";

    public static string Url(int id, BrandQueueQuery view, int position) =>
        QueryHelpers.AddQueryString($"/brands/{id}{view.ToQueryString()}", "pos", QueryValues.Format(position));
}
