using AdminPortal.Components.Shared;
using AdminPortal.Features.Products;
using AdminPortal.Live;

namespace AdminPortal.Features.Brands.Queue;

/// <summary>What a key asks the queue page to do beyond what <see cref="BrandQueueState.OnKey"/> did itself.</summary>
public enum BrandKeyAction { None, Render, Open }

/// <summary>
/// What the brand queue does between reads: the view, the rows, the state counts, the keyboard cursor, and rows that
/// leave the view when a decision moved the brand to another state. Plain C#: the page renders from it.
/// </summary>
public sealed class BrandQueueState : IDisposable
{
    public static readonly (string Label, BrandSort Sort, bool Inverted, string? Class)[] Columns =
    [
        ("Brand", BrandSort.Name, false, null), ("Submitted", BrandSort.Submitted, false, "hide-sm"),
        ("Waiting", BrandSort.Submitted, true, null),
    ];

    public static readonly IReadOnlyList<(string Key, string What)> Shortcuts =
    [
        ("j / k", "move down / up the list"), ("o", "open the brand's review"), ("?", "this list"),
    ];

    private readonly ListReads<BrandQueueQuery, BrandPage, IReadOnlyDictionary<string, CountEstimate>> _reads =
        new(BrandQueueQuery.Default, q => q.ToQueryString());

    public ActionGate Gate => _reads.Gate;
    public BrandQueueQuery Query => _reads.Query;
    public BrandPage? Page => _reads.Page;
    public IReadOnlyDictionary<string, CountEstimate>? Counts => _reads.Counts;
    public bool Loading => _reads.Loading;
    public int Cursor { get; private set; }
    public bool HelpOpen { get; set; }

    public int TabIndex => Array.FindIndex(BrandQueryService.Tabs, t => t.State == Query.State);
    public BrandRow? CursorRow => Page is { Rows.Count: > 0 } p ? p.Rows[Math.Clamp(Cursor, 0, p.Rows.Count - 1)] : null;

    public string EmptyText => Query.HasFilters ? "Nothing matches these filters."
        : Query.State == BrandState.Waiting ? "No brand waits for review." : "No brands here.";

    public string CountText(BrandState? state) =>
        Counts is not null && Counts.TryGetValue(BrandQueueQuery.StateKey(state), out var c) ? c.ToString() : "…";

    public string TabCountsText => string.Join('|', BrandQueryService.Tabs.Select(t => CountText(t.State)));

    public string ReviewUrl(BrandRow row) => $"/brands/{row.Id}{Query.ToQueryString()}";

    public static string Url(BrandQueueQuery query) => "/brands" + query.ToQueryString();

    /// <summary>Takes the view from the URL: true when the counts must be read again (the filters changed).</summary>
    public bool Show(BrandQueueQuery query)
    {
        var filtersChanged = Filters(query) != Filters(Query) || Counts is null;
        if (filtersChanged)
            _reads.ForgetCounts();
        _reads.Show(query);
        Cursor = 0;
        return filtersChanged;
    }

    private static BrandQueueQuery Filters(BrandQueueQuery q) => q with { State = null, Page = 1, Sort = BrandSort.Submitted, Descending = false };

    /// <summary>Reads the rows, then (when asked) the state counts; a newer read cancels this one.</summary>
    public async Task LoadAsync(Func<BrandQueueQuery, CancellationToken, Task<BrandPage>> readPage,
        Func<BrandQueueQuery, CancellationToken, Task<IReadOnlyDictionary<string, CountEstimate>>>? readCounts,
        Action? rowsShown = null)
    {
        await _reads.LoadAsync(readPage, readCounts, () => { ClampCursor(); rowsShown?.Invoke(); });
        ClampCursor();
    }

    public ListSnapshot<BrandPage, IReadOnlyDictionary<string, CountEstimate>>? Snapshot() => _reads.Snapshot();

    public bool Restore(ListSnapshot<BrandPage, IReadOnlyDictionary<string, CountEstimate>>? snapshot) => _reads.Restore(snapshot);

    /// <summary>A decided brand whose new state (the event's detail) is not this tab's leaves at once; true when one left.</summary>
    public bool RowLeaves(ChangeEvent change)
    {
        if (Page is null || Query.State is not { } shown || change.EntityType != BrandEvents.EntityType
            || !Enum.TryParse<BrandState>(change.Detail, ignoreCase: true, out var now) || now == shown
            || Page.Rows.FirstOrDefault(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == change.EntityId) is not { } gone)
            return false;
        _reads.Page = Page with { Rows = Page.Rows.Where(r => r != gone).ToList() };
        ClampCursor();
        return true;
    }

    private void ClampCursor() => Cursor = Math.Clamp(Cursor, 0, Math.Max(0, (Page?.Rows.Count ?? 0) - 1));

    public void MoveCursorTo(int id) => Cursor = Math.Max(0, Page?.Rows.ToList().FindIndex(r => r.Id == id) ?? 0);

    public (BrandKeyAction Action, BrandRow? Row) OnKey(string key)
    {
        var row = CursorRow;
        switch (key)
        {
            case "j" when Page is not null: Cursor = Math.Min(Cursor + 1, Math.Max(0, Page.Rows.Count - 1)); break;
            case "k": Cursor = Math.Max(Cursor - 1, 0); break;
            case "o" when row is not null: return (BrandKeyAction.Open, row);
            case "?": HelpOpen = true; break;
            case "Escape": HelpOpen = false; break;
            default: return (BrandKeyAction.None, null);
        }
        return (BrandKeyAction.Render, null);
    }

    public void Dispose() => _reads.Dispose();
}
