using AdminPortal.Components.Shared;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Shared;

namespace AdminPortal.Features.Tickets.Queue;

/// <summary>
/// What the ticket queue does between reads: the query it shows, the page it read, which rows are selected, which
/// rows changed under the viewer (refreshing until the next read, then gone when they left the view), the bulk
/// form and its last summary, and the saved-view form. Plain C#: the page calls it and renders from it.
/// </summary>
public sealed class TicketQueueState
{
    private readonly HashSet<int> _selected = [];
    private readonly HashSet<int> _refreshing = [];
    private string? _loadedKey;

    /// <summary>Runs the queue's actions one at a time and keeps the last outcome.</summary>
    public ActionGate Gate { get; } = new();

    public TicketQueueQuery Query { get; private set; } = new();
    public TicketQueuePage Page { get; private set; } = new([], 0, false, 1, TicketQueueQuery.DefaultPageSize);
    public bool Loading { get; private set; } = true;

    /// <summary>The time the turnaround badges count from; moved on by the page's clock.</summary>
    public DateTime Now { get; set; }

    /// <summary>How many rows left the view on the last read after someone else changed them.</summary>
    public int LeftCount { get; private set; }

    public IReadOnlyList<SavedViewItem> Views { get; set; } = [];
    public bool SavingView { get; set; }
    public string? ViewName { get; set; }
    public Outcome? ViewOutcome { get; private set; }

    public int? BulkAssignee { get; set; }
    public TicketStatus? BulkStatus { get; set; }
    public BulkSummary? LastBulk { get; private set; }

    public static readonly TicketStatus[] BulkStatuses =
        [TicketStatus.InProgress, TicketStatus.AwaitingStudentResponse, TicketStatus.Closed, TicketStatus.Reopened];

    /// <summary>Takes the query the URL now says; true when it differs from the one shown (then read the page).</summary>
    public bool Navigate(TicketQueueQuery query)
    {
        var key = query.ToQueryString();
        if (key == _loadedKey)
            return false;
        _loadedKey = key;
        Query = query;
        Loading = true;
        return true;
    }

    /// <summary>A fresh page: selection kept for the rows still here, rows that changed and left are counted.</summary>
    public void Loaded(TicketQueuePage page)
    {
        var ids = page.Rows.Select(r => r.Id).ToHashSet();
        LeftCount = _refreshing.Count(id => !ids.Contains(id));
        _refreshing.Clear();
        _selected.IntersectWith(ids);
        Page = page;
        Loading = false;
    }

    /// <summary>Someone changed a ticket; true when it is a row of this page (it shows as refreshing until the read).</summary>
    public bool NoteChange(string entityId) =>
        int.TryParse(entityId, out var id) && Page.Rows.Any(r => r.Id == id) && _refreshing.Add(id);

    public bool IsRefreshing(int id) => _refreshing.Contains(id);

    public bool IsSelected(int id) => _selected.Contains(id);
    public int SelectedCount => _selected.Count;
    public bool AllSelected => Page.Rows.Count > 0 && Page.Rows.All(r => _selected.Contains(r.Id));

    public void Toggle(int id)
    {
        if (!_selected.Remove(id) && Page.Rows.Any(r => r.Id == id))
            _selected.Add(id);
    }

    public void ToggleAll()
    {
        if (AllSelected)
            _selected.Clear();
        else
            _selected.UnionWith(Page.Rows.Select(r => r.Id));
    }

    public void ClearSelection() => _selected.Clear();

    /// <summary>The selected rows, in page order, as a bulk action takes them.</summary>
    public IReadOnlyList<TicketRef> SelectedTickets =>
        Page.Rows.Where(r => _selected.Contains(r.Id)).Select(r => new TicketRef(r.Id, r.Title)).ToList();

    /// <summary>A bulk action finished: its summary is shown and the selection cleared.</summary>
    public Outcome BulkFinished(BulkSummary summary, string verb)
    {
        LastBulk = summary;
        _selected.Clear();
        return summary.Describe(verb);
    }

    /// <summary>A filter changed: back to the first page.</summary>
    public TicketQueueQuery Filtered(TicketQueueQuery next) => next with { Page = 1, After = null, Before = null };

    /// <summary>
    /// A page link: the next page reads after this page's last row and the previous one before its first (keyset,
    /// the same cost at any depth, decision 0038); any other page, and the first, by its number.
    /// </summary>
    public TicketQueueQuery OnPage(int page)
    {
        var rows = Page.Rows;
        if (rows.Count > 0 && page == Page.Page + 1)
            return Query with { Page = page, After = rows[^1].Id, Before = null };
        if (rows.Count > 0 && page == Page.Page - 1 && page > 1)
            return Query with { Page = page, After = null, Before = rows[0].Id };
        return Query with { Page = page, After = null, Before = null };
    }

    /// <summary>A click on a sortable column: the other direction when it is the sort, else its first.</summary>
    public TicketQueueQuery SortBy(TicketSort first, TicketSort second) =>
        Query with { Sort = TicketSorts.Toggle(Query.Sort, first, second), Page = 1, After = null, Before = null };

    public bool SortedBy(TicketSort first, TicketSort second) => Query.Sort == first || Query.Sort == second;

    public bool IsCurrent(SavedViewItem view) => TicketQueueQuery.FromQueryString(view.Query).SameViewAs(Query);

    /// <summary>Saving a view ended: on success the form closes, else its field shows why.</summary>
    public void ViewSaved(Outcome outcome)
    {
        ViewOutcome = outcome;
        if (outcome.Succeeded)
            (SavingView, ViewName) = (false, null);
    }

    public string? ViewNameError => ViewOutcome?.ErrorFor(SavedViews.NameField);

    public string CountText
    {
        get
        {
            if (Loading)
                return "Loading…";
            if (Page.Rows.Count == 0)
                return "No tickets";
            var first = (Page.Page - 1) * Page.PageSize + 1;
            return $"{first}–{first + Page.Rows.Count - 1}{(Page.HasNext ? " of more" : $" of {Page.Total:N0}")}";
        }
    }
}
