using AdminPortal.Components.Shared;
using AdminPortal.Live;
using AdminPortal.Shared;

namespace AdminPortal.Features.Products.Queue;

/// <summary>What a key asks the page to do beyond what <see cref="ProductQueueState.OnKey"/> already did itself.</summary>
public enum QueueKeyAction { None, Render, Open, Approve, Reject }

/// <summary>What the page must read after a new view: nothing, the page of rows, or the rows and the tab counts.</summary>
public enum QueueRead { None, Page, PageAndCounts }

/// <summary>What the prerender read, so the interactive render starts with the rows instead of a progress bar.</summary>
public sealed record ProductQueueSnapshot(string View, ProductPage Page, IReadOnlyDictionary<string, CountEstimate>? Counts);

/// <summary>
/// What the moderation queue does between reads: the view, the rows, the selection (or "all N matching"), the
/// keyboard cursor, rows leaving on events, and the outcome of the last action. Plain C#: the page renders from it.
/// </summary>
public sealed class ProductQueueState : IDisposable
{
    public static readonly (PublishingStatus? Status, string Label)[] Tabs =
    [
        (PublishingStatus.Suggestion, "Suggestions"), (PublishingStatus.Draft, "Drafts"), (PublishingStatus.Published, "Published"),
        (PublishingStatus.Rejected, "Rejected"), (null, "All"),
    ];

    /// <summary>The sortable columns; "Waiting" is Submitted read the other way (longest wait = oldest first).</summary>
    public static readonly (string Label, ProductSort Sort, bool Inverted, string? Class)[] Columns =
    [
        ("Title", ProductSort.Title, false, null), ("Cause", ProductSort.Cause, false, "hide-sm"),
        ("Vendor", ProductSort.Vendor, false, "hide-sm"), ("MRP", ProductSort.Mrp, false, "num hide-md"),
        ("Price", ProductSort.SellingPrice, false, "num"), ("Discount", ProductSort.Discount, false, "num hide-md"),
        ("Submitted", ProductSort.Submitted, false, "hide-sm"), ("Waiting", ProductSort.Submitted, true, null),
    ];

    public static readonly IReadOnlyList<(string Key, string What)> Shortcuts =
    [
        ("j / k", "move down / up the list"), ("o", "open the product's review"), ("a", "approve the highlighted product"),
        ("r", "reject the highlighted product (asks for a reason)"), ("x", "select or unselect the highlighted row"),
        ("?", "this list"),
    ];

    private readonly HashSet<string> _selected = [];
    private CancellationTokenSource? _loadCts;

    /// <summary>Busy, denied, and the last action's outcome (a bulk one carries its <see cref="BulkSummary"/>).</summary>
    public ActionGate Gate { get; } = new();
    public ProductQueueQuery Query { get; private set; } = ProductQueueQuery.Default;
    public ProductPage? Page { get; private set; }
    public IReadOnlyDictionary<string, CountEstimate>? Counts { get; private set; }
    public bool Loading { get; private set; }
    public bool AllMatching { get; private set; }
    public int Cursor { get; private set; }
    public bool HelpOpen { get; set; }
    public IReadOnlySet<string> Selected => _selected;

    public bool Selectable => Query.Status == PublishingStatus.Suggestion;
    public bool HasSelection => Selectable && (_selected.Count > 0 || AllMatching);
    public int TabIndex => Array.FindIndex(Tabs, t => t.Status == Query.Status);
    public bool AllOnPageSelected => Page is { Rows.Count: > 0 } && Page.Rows.All(r => _selected.Contains(r.Id));
    public string SelectionText => AllMatching ? $"All {Page?.Total} matching this filter selected" : $"{_selected.Count} selected";

    /// <summary>The whole page is selected and the view holds more: offer "select all N matching".</summary>
    public bool CanSelectAllMatching => !AllMatching && Page is not null && _selected.Count == Page.Rows.Count
                                        && (Page.Total.Kind != CountKind.Exact || Page.Total.Value > Page.Rows.Count);

    public ProductRow? CursorRow => Page is { Rows.Count: > 0 } p ? p.Rows[Math.Clamp(Cursor, 0, p.Rows.Count - 1)] : null;

    public IReadOnlyList<BulkSkip> Skipped => (Gate.Last as Outcome<BulkSummary>)?.Value?.Skipped ?? [];

    public string EmptyText => Query.Decided is { } decided
        ? Query.Status is null && Query with { Decided = null } is { HasFilters: false }
            ? $"You have decided no products {DecidedBy.Label(decided)}{(decided == DecidedWindow.Week ? " (since Monday, UTC)" : " (UTC day)")}."
            : $"None of the products you decided {DecidedBy.Label(decided)} are in this tab and match these filters."
        : Query.HasFilters ? "Nothing matches these filters."
        : Query.Status == PublishingStatus.Suggestion ? "The queue is empty. Nothing waits for a decision." : "No products here.";

    public string CountText(PublishingStatus? status) =>
        Counts is not null && Counts.TryGetValue(ProductQueueQuery.StatusKey(status), out var c) ? c.ToString() : "…";

    /// <summary>The tabs render again only when a count's text changed, not whenever a reload brought a new dictionary.</summary>
    public string TabCountsText => string.Join('|', Tabs.Select(t => CountText(t.Status)));

    // the review page finds the row's position in this view itself: a link rendered before rows above it left
    // would carry a stale one
    public string ReviewUrl(ProductRow row) => $"/products/{Uri.EscapeDataString(row.Id)}{View}";

    // the view's query string, built once per view rather than for every row of every render
    private (ProductQueueQuery Of, string Text)? _view;
    private string View => _view is { } v && ReferenceEquals(v.Of, Query) ? v.Text : (_view = (Query, Query.ToQueryString())).Value.Text;

    public static string Url(ProductQueueQuery query) => "/products" + query.ToQueryString();

    /// <summary>Takes the view from the URL; a change of filters (not of sort or page) drops the selection and counts.</summary>
    public QueueRead Show(ProductQueueQuery query)
    {
        if (query == Query && Page is not null)
            return QueueRead.None;
        var filtersChanged = Filters(query) != Filters(Query);
        if (filtersChanged)
        {
            ClearSelection();
            Counts = null;
        }
        Query = query;
        Cursor = 0;
        return filtersChanged || Counts is null ? QueueRead.PageAndCounts : QueueRead.Page;
    }

    private static ProductQueueQuery Filters(ProductQueueQuery q) => q with { Page = 1, Sort = ProductSort.Submitted, Descending = false };

    /// <summary>Starts from what the prerender read for this same view; false when there is none to use.</summary>
    public bool Restore(ProductQueueSnapshot? snapshot)
    {
        if (Page is not null || snapshot is null || snapshot.View != Query.ToQueryString())
            return false;
        (Page, Counts) = (snapshot.Page, snapshot.Counts);
        return true;
    }

    public ProductQueueSnapshot? Snapshot() => Page is null ? null : new(Query.ToQueryString(), Page, Counts);

    /// <summary>
    /// Reads the rows (then, when asked, the tab counts) of the current view. A newer read cancels this one; a refused
    /// access marks the gate denied. <paramref name="rowsShown"/> runs between the two reads (render the rows first).
    /// </summary>
    public async Task LoadAsync(Func<ProductQueueQuery, CancellationToken, Task<ProductPage>> readPage,
        Func<ProductQueueQuery, CancellationToken, Task<IReadOnlyDictionary<string, CountEstimate>>>? readCounts,
        Action? rowsShown = null)
    {
        _loadCts?.Cancel();
        var cts = _loadCts = new CancellationTokenSource();
        var query = Query;
        Loading = true;
        try
        {
            if (await Gate.ReadAsync(() => readPage(query, cts.Token)) is not { } page)
                return;
            ShowPage(page);
            Loading = false;
            if (readCounts is null)
                return;
            rowsShown?.Invoke();
            Counts = await Gate.ReadAsync(() => readCounts(query, cts.Token)) ?? Counts;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // a newer view replaced this one
        }
        finally
        {
            if (cts == _loadCts)
                Loading = false;
        }
    }

    public void ShowPage(ProductPage page)
    {
        Page = page;
        ClampCursor();
        _selected.IntersectWith(page.Rows.Select(r => r.Id));
    }

    /// <summary>
    /// The view re-read after a change, rows and tab counts together (one render instead of the row leaving and then
    /// the refill). A load still running began before that change: it is cancelled rather than shown after this.
    /// </summary>
    public void ShowFresh(ProductPage page, IReadOnlyDictionary<string, CountEstimate> counts)
    {
        _loadCts?.Cancel();
        Loading = false;
        ShowPage(page);
        Counts = counts;
    }

    /// <summary>A decided row leaves this view at once, from the event alone; true when one left.</summary>
    public bool RowLeaves(ChangeEvent change)
    {
        if (Page is null || !ProductEvents.LeavesView(change, Query.Status)
            || Page.Rows.FirstOrDefault(r => r.Id == change.EntityId) is not { } gone)
            return false;
        Page = Page with { Rows = Page.Rows.Where(r => r != gone).ToList() };
        _selected.Remove(gone.Id);
        ClampCursor();
        return true;
    }

    private void ClampCursor() => Cursor = Math.Clamp(Cursor, 0, Math.Max(0, (Page?.Rows.Count ?? 0) - 1));

    public void MoveCursorTo(string id) => Cursor = Math.Max(0, Page?.Rows.ToList().FindIndex(r => r.Id == id) ?? 0);

    public void Toggle(string id, bool on)
    {
        AllMatching = false;
        if (on) _selected.Add(id); else _selected.Remove(id);
    }

    public void SelectPage(bool on)
    {
        AllMatching = false;
        foreach (var row in Page?.Rows ?? [])
            if (on) _selected.Add(row.Id); else _selected.Remove(row.Id);
    }

    public void SelectAllMatching() => AllMatching = true;

    public void ClearSelection()
    {
        _selected.Clear();
        AllMatching = false;
    }

    /// <summary>The bulk decision on what is selected: the chosen ids, or the whole view.</summary>
    public BulkDecision Bulk(ModerationAction action, string? reason) =>
        new(action, AllMatching ? null : _selected.ToList(), AllMatching ? Query : null, reason);

    /// <summary>
    /// After an action: a bulk one that was done leaves nothing selected (a refusal keeps the selection). False when
    /// there was no outcome (another action was running): nothing to read again.
    /// </summary>
    public bool AfterAction(Outcome? outcome)
    {
        if (outcome is Outcome<BulkSummary> { Succeeded: true })
            ClearSelection();
        return outcome is not null;
    }

    public string RejectTitle(ProductRow? row) => row is not null ? $"Reject “{row.Title}”"
        : AllMatching ? $"Reject all {Page?.Total} matching" : $"Reject {_selected.Count} selected";

    /// <summary>What the reason dialog asks before rejecting the row (or, with none, the selection).</summary>
    public ReasonRequest RejectRequest(ProductRow? row) => new(RejectTitle(row), ProductModeration.RejectReason, "Reject",
        Danger: true, Helper: "Pick one or more, and/or write your own. The vendor sees it.");

    /// <summary>A shortcut: moves, selects and opens help here; says what the page has to do for the rest.</summary>
    public (QueueKeyAction Action, ProductRow? Row) OnKey(string key)
    {
        var row = CursorRow;
        switch (key)
        {
            case "j" when Page is not null: Cursor = Math.Min(Cursor + 1, Math.Max(0, Page.Rows.Count - 1)); break;
            case "k": Cursor = Math.Max(Cursor - 1, 0); break;
            case "o" when row is not null: return (QueueKeyAction.Open, row);
            case "a" when row is { Status: PublishingStatus.Suggestion }: return (QueueKeyAction.Approve, row);
            case "r" when row is { Status: PublishingStatus.Suggestion }: return (QueueKeyAction.Reject, row);
            case "x" when row is not null && Selectable: Toggle(row.Id, !_selected.Contains(row.Id)); break;
            case "?": HelpOpen = true; break;
            case "Escape": HelpOpen = false; break;
            default: return (QueueKeyAction.None, null);
        }
        return (QueueKeyAction.Render, null);
    }

    public void Dispose()
    {
        _loadCts?.Cancel();
        _loadCts?.Dispose();
    }
}
