namespace AdminPortal.Features.Search;

/// <summary>
/// What the app bar's search box does between reads (plain C#): the text typed, the results of the latest term (a
/// late answer for an older term is dropped and its read cancelled), the open list and the active row the arrows move.
/// </summary>
public sealed class SearchBoxState : IDisposable
{
    private CancellationTokenSource? _cts;

    public string Text { get; private set; } = "";
    public SearchResults Results { get; private set; } = SearchResults.None;
    public bool Open { get; private set; }
    public int Active { get; private set; } = -1;
    public bool Searching { get; private set; }

    public IReadOnlyList<SearchHit> Hits => Results.Hits;

    public SearchHit? ActiveHit => Active >= 0 && Active < Hits.Count ? Hits[Active] : null;

    /// <summary>What the list says when it has no rows (or null while there is nothing to say).</summary>
    public string? Notice =>
        GlobalSearch.Term(Text) is null ? (Text.Trim().Length > 0 ? $"Type at least {GlobalSearch.MinLength} characters, or a #number." : null)
        : Searching && Hits.Count == 0 ? "Searching…"
        : Hits.Count == 0 && Results.Term == GlobalSearch.Term(Text) ? $"Nothing found for “{Results.Term}”." : null;

    /// <summary>The spoken count (a live region).</summary>
    public string Status => Hits.Count == 0 ? Notice ?? "" : $"{Hits.Count} result{(Hits.Count == 1 ? "" : "s")}";

    public static string OptionId(int index) => $"global-search-option-{index}";

    /// <summary>The text changed: the token for its search (the previous one is cancelled), or null when it is too short.</summary>
    public CancellationToken? Typed(string text)
    {
        Text = text;
        _cts?.Cancel();
        _cts?.Dispose();
        _cts = null;
        Active = -1;
        if (GlobalSearch.Term(text) is null)
        {
            Results = SearchResults.None;
            Searching = false;
            Open = text.Trim().Length > 0;
            return null;
        }
        _cts = new CancellationTokenSource();
        Searching = true;
        Open = true;
        return _cts.Token;
    }

    /// <summary>Results arrived for <paramref name="results"/>'s term: kept only when it is still the term typed.</summary>
    public bool Arrived(SearchResults results)
    {
        if (results.Term != GlobalSearch.Term(Text))
            return false;
        Results = results;
        Searching = false;
        Active = results.Hits.Count > 0 ? 0 : -1;
        return true;
    }

    /// <summary>The arrows: down and up through every row of every group, wrapping around.</summary>
    public void Move(int by)
    {
        if (Hits.Count == 0)
            return;
        Open = true;
        Active = Active < 0 ? (by > 0 ? 0 : Hits.Count - 1) : ((Active + by) % Hits.Count + Hits.Count) % Hits.Count;
    }

    public void Point(int index) => Active = index;

    /// <summary>Esc: closes the list first, then clears the text.</summary>
    public void Escape()
    {
        if (Open)
        {
            Open = false;
            return;
        }
        Typed("");
    }

    public void Close() => Open = false;

    public void Reopen() => Open = Text.Trim().Length > 0;

    public void Dispose()
    {
        _cts?.Cancel();
        _cts?.Dispose();
    }
}
