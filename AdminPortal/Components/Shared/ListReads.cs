namespace AdminPortal.Components.Shared;

/// <summary>What the prerender read, handed to the interactive render so it does not read the same page again.</summary>
/// <param name="View">The view (the query string) the page belongs to; another view ignores it.</param>
public sealed record ListSnapshot<TPage, TCounts>(string View, TPage Page, TCounts? Counts) where TCounts : class;

/// <summary>
/// The reads of one list screen, the same for every list (decision 0011): the view taken from the URL, the page of rows,
/// the optional counts read after the rows, the read in flight (a newer view cancels it), a refused read marking the
/// screen denied, and the prerender's snapshot. A screen's state class owns one and adds what is its own (cursor,
/// rows leaving on events, dialogs).
/// </summary>
public sealed class ListReads<TQuery, TPage, TCounts>(TQuery initial, Func<TQuery, string> view) : IDisposable
    where TQuery : notnull where TPage : class where TCounts : class
{
    private CancellationTokenSource? _cts;

    public ActionGate Gate { get; } = new();
    public TQuery Query { get; private set; } = initial;

    /// <summary>The rows shown; the owner replaces it when an event changes a row before the next read.</summary>
    public TPage? Page { get; set; }
    public TCounts? Counts { get; private set; }
    public bool Loading { get; private set; }

    /// <summary>Takes the view from the URL; true when it must be read (a new view, or nothing read yet).</summary>
    public bool Show(TQuery query)
    {
        if (EqualityComparer<TQuery>.Default.Equals(query, Query) && Page is not null)
            return false;
        Query = query;
        return true;
    }

    /// <summary>Forgets the counts (the filters they count changed).</summary>
    public void ForgetCounts() => Counts = null;

    /// <summary>
    /// Reads the rows, then (when asked) the counts; <paramref name="rowsShown"/> runs between the two (render the rows
    /// first). A newer read cancels this one; a refused read marks <see cref="Gate"/> denied and keeps what was shown.
    /// </summary>
    public async Task LoadAsync(Func<TQuery, CancellationToken, Task<TPage>> readPage,
        Func<TQuery, CancellationToken, Task<TCounts>>? readCounts = null, Action? rowsShown = null)
    {
        _cts?.Cancel();
        var cts = _cts = new CancellationTokenSource();
        var query = Query;
        Loading = true;
        try
        {
            if (await Gate.ReadAsync(() => readPage(query, cts.Token)) is not { } page)
                return;
            Page = page;
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
            if (cts == _cts)
                Loading = false;
        }
    }

    /// <summary>What the prerender read, for the interactive render; null before a read.</summary>
    public ListSnapshot<TPage, TCounts>? Snapshot() => Page is null ? null : new(view(Query), Page, Counts);

    /// <summary>Takes the prerender's rows when they belong to this view and nothing was read yet; true when taken.</summary>
    public bool Restore(ListSnapshot<TPage, TCounts>? snapshot)
    {
        if (Page is not null || snapshot is null || snapshot.View != view(Query))
            return false;
        (Page, Counts) = (snapshot.Page, snapshot.Counts);
        return true;
    }

    public void Dispose()
    {
        _cts?.Cancel();
        _cts?.Dispose();
    }
}

/// <summary>No counts: a list that shows only its rows and total.</summary>
public sealed record NoCounts;
