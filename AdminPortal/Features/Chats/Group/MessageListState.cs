using AdminPortal.Components.Shared;
using AdminPortal.Live;
using AdminPortal.Shared;

namespace AdminPortal.Features.Chats.Group;

/// <summary>Where the message list scrolls after its next render.</summary>
public enum ScrollTo { None, Bottom, Anchor, Focus }

/// <summary>
/// What the message list does between reads: the bounded <see cref="MessageWindow"/>, loading older and newer pages
/// one at a time, the live catch-up (arrivals appended at the live end, counted as unseen when the reader is elsewhere,
/// changed messages read again), the message in focus and where to scroll. The component renders from it and runs
/// the browser's scrolling.
/// </summary>
public sealed class MessageListState(IMessageReader reader, int windowSize = MessageWindow.DefaultMaxSize)
{
    /// <summary>The most pages one live catch-up reads; beyond that the window says "load newer".</summary>
    public const int CatchUpPages = 4;

    private readonly HashSet<Guid> _changed = [];
    private int _arrived;

    public MessageWindow Window { get; } = new(windowSize);

    /// <summary>Moderation actions run through it; it keeps their outcome.</summary>
    public ActionGate Gate { get; } = new();

    /// <summary>True once the first page is in.</summary>
    public bool Loaded { get; private set; }

    /// <summary>True while an older or newer page is read (the load buttons wait).</summary>
    public bool Loading { get; private set; }

    /// <summary>Messages that arrived while the reader was not looking at the live end.</summary>
    public int Unseen { get; private set; }

    /// <summary>The message opened from a search or a date, marked in the list.</summary>
    public Guid? Focus { get; private set; }

    public ScrollTo Scroll { get; private set; }

    /// <summary>Where to scroll now; asked once per render (then <see cref="ScrollTo.None"/>).</summary>
    public ScrollTo TakeScroll()
    {
        var scroll = Scroll;
        Scroll = ScrollTo.None;
        return scroll;
    }

    /// <summary>The newest messages, scrolled to the bottom; nothing unseen any more.</summary>
    public async Task ShowLatestAsync()
    {
        var page = await reader.OlderAsync(null);
        Window.Reset(page.Messages, page.HasMore, hasNewer: false);
        Loaded = true;
        (Unseen, Focus, Scroll) = (0, null, ScrollTo.Bottom);
    }

    /// <summary>The page before the oldest shown; false when there is none or a load is running.</summary>
    public Task<bool> LoadOlderAsync() => Window.HasOlder && Window.Oldest is { } oldest
        ? LoadAsync(async () => Window.PrependOlder(await reader.OlderAsync(oldest)))
        : Task.FromResult(false);

    /// <summary>The page after the newest shown; reaching the live end clears the unseen count.</summary>
    public Task<bool> LoadNewerAsync() => Window.HasNewer && Window.Newest is { } newest
        ? LoadAsync(async () =>
        {
            Window.AppendNewer(await reader.NewerAsync(newest));
            if (!Window.HasNewer)
                Unseen = 0;
        })
        : Task.FromResult(false);

    private async Task<bool> LoadAsync(Func<Task> load)
    {
        if (Loading)
            return false;
        Loading = true;
        try
        {
            await load();
            Scroll = ScrollTo.Anchor;
        }
        finally
        {
            Loading = false;
        }
        return true;
    }

    /// <summary>The reader scrolled to the live end: the new messages are seen. True when that changed anything.</summary>
    public bool SeenLatest()
    {
        if (Unseen == 0 || Window.HasNewer)
            return false;
        Unseen = 0;
        return true;
    }

    /// <summary>Opens a message in its context; a message no longer in the chat is reported, the window stays.</summary>
    public async Task ShowAroundAsync(Guid messageId)
    {
        if (await reader.AroundAsync(messageId) is { } page)
            Apply(page);
        else
            Gate.Show(Outcome.NotFound("This message is no longer in this chat."));
    }

    public async Task JumpToDateAsync(DateTime fromUtc) => Apply(await reader.FromDateAsync(fromUtc));

    private void Apply(MessageWindowPage page)
    {
        Window.Reset(page.Messages, page.HasOlder, page.HasNewer);
        Focus = page.FocusId ?? page.Messages.FirstOrDefault()?.Id;
        Scroll = Focus is null ? ScrollTo.Bottom : ScrollTo.Focus;
        if (!page.HasNewer)
            Unseen = 0;
    }

    /// <summary>A change to the group's messages heard on the live feed; <see cref="CatchUpAsync"/> follows, coalesced.</summary>
    public void Heard(ChangeEvent change)
    {
        if (change.Action == ChangeActions.Created)
            _arrived++;
        else if (Guid.TryParse(change.Detail, out var id))
            _changed.Add(id);
    }

    /// <summary>
    /// After a burst of events: the changed messages in the window are read again; at the live end the arrivals are
    /// appended (at most <see cref="CatchUpPages"/> pages), and scrolled to when the reader was at the bottom, counted
    /// as unseen otherwise; a reader far back only gets the count.
    /// </summary>
    public async Task CatchUpAsync(Func<Task<bool>> isAtBottom)
    {
        var arrived = _arrived;
        _arrived = 0;
        var changed = _changed.Where(Window.Contains).ToList();
        _changed.Clear();
        await RefreshAsync(changed);
        if (arrived == 0 && !Window.HasNewer && Window.Newest is null)
            return;
        if (Window.HasNewer)
        {
            Unseen += arrived;   // the reader is far back: count, don't move them
            return;
        }
        var atBottom = await isAtBottom();
        var added = await AppendArrivalsAsync();
        if (added == 0)
            return;
        if (atBottom)
            Scroll = ScrollTo.Bottom;
        else
            Unseen += added;
    }

    private async Task<int> AppendArrivalsAsync()
    {
        var added = 0;
        for (var i = 0; i < CatchUpPages; i++)
        {
            var newest = Window.Newest;
            var page = newest is null ? await reader.OlderAsync(null) : await reader.NewerAsync(newest);
            if (newest is null)
                Window.Reset(page.Messages, page.HasMore, false);
            else
                Window.AppendNewer(page);
            added += page.Messages.Count;
            if (!page.HasMore || newest is null)
                break;
        }
        return added;
    }

    /// <summary>Runs a moderation action (one at a time), then reads the message again whatever it said.</summary>
    public async Task<Outcome?> ModerateAsync(Guid messageId, Func<Task<Outcome>> action)
    {
        var outcome = await Gate.RunAsync(action);
        if (outcome is not null)
            await RefreshAsync([messageId]);
        return outcome;
    }

    private async Task RefreshAsync(IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0)
            return;
        foreach (var message in await reader.ByIdsAsync(ids))
            Window.Replace(message);
    }
}
