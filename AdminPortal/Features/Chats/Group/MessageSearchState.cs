namespace AdminPortal.Features.Chats.Group;

/// <summary>
/// A search inside one group, step by step (each step reads a bounded number of messages, see
/// <see cref="MessageQueryService.SearchAsync"/>): the term searched, the hits so far, where the next step starts.
/// </summary>
public sealed class MessageSearchState(Func<string, MessageCursor?, Task<MessageSearchPage>> search)
{
    public const int MinTermLength = 2;

    private readonly List<MessageHit> _hits = [];

    /// <summary>The term the hits are for; null when no search is shown.</summary>
    public string? Searched { get; private set; }
    public IReadOnlyList<MessageHit> Hits => _hits;

    /// <summary>Where the next step starts; null when the search reached the group's first message.</summary>
    public MessageCursor? Next { get; private set; }

    /// <summary>How far back the last step read, when it stopped at its scan limit.</summary>
    public DateTime? SearchedBackTo { get; private set; }
    public bool Searching { get; private set; }

    /// <summary>Starts a new search; a term shorter than <see cref="MinTermLength"/> is ignored.</summary>
    public Task SearchAsync(string? term)
    {
        var t = term?.Trim();
        if (t is null || t.Length < MinTermLength || Searching)
            return Task.CompletedTask;
        Searched = t;
        _hits.Clear();
        return StepAsync(null);
    }

    /// <summary>The next step back.</summary>
    public Task SearchOlderAsync() => Next is { } from && !Searching ? StepAsync(from) : Task.CompletedTask;

    public void Close()
    {
        Searched = null;
        _hits.Clear();
        (Next, SearchedBackTo) = (null, null);
    }

    private async Task StepAsync(MessageCursor? from)
    {
        Searching = true;
        try
        {
            var page = await search(Searched!, from);
            _hits.AddRange(page.Hits);
            (Next, SearchedBackTo) = (page.ContinueFrom, page.SearchedBackTo);
        }
        finally
        {
            Searching = false;
        }
    }
}
