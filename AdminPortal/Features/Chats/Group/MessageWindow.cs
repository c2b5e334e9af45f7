namespace AdminPortal.Features.Chats.Group;

/// <summary>
/// The bounded slice of a group's messages a reader holds in memory (oldest first). Loading older messages drops
/// the newest beyond <see cref="MaxSize"/> and the other way round, so scrolling back through a million messages
/// keeps the page as light as its first screen.
/// </summary>
public sealed class MessageWindow(int maxSize = MessageWindow.DefaultMaxSize)
{
    public const int DefaultMaxSize = 300;

    private List<MessageView> _messages = [];

    public int MaxSize { get; } = maxSize;
    public IReadOnlyList<MessageView> Messages => _messages;
    public bool HasOlder { get; private set; }
    /// <summary>True when newer messages exist beyond the window (the reader is not at the live end).</summary>
    public bool HasNewer { get; private set; }
    public MessageCursor? Oldest => _messages.Count > 0 ? _messages[0].Cursor : null;
    public MessageCursor? Newest => _messages.Count > 0 ? _messages[^1].Cursor : null;

    public void Reset(IReadOnlyList<MessageView> messages, bool hasOlder, bool hasNewer)
    {
        _messages = [.. messages];
        HasOlder = hasOlder;
        HasNewer = hasNewer;
    }

    /// <summary>Older messages go on top; the newest beyond the cap are dropped (and can be loaded again).</summary>
    public void PrependOlder(MessagePage page)
    {
        var known = _messages.Select(m => m.Id).ToHashSet();
        _messages.InsertRange(0, page.Messages.Where(m => !known.Contains(m.Id)));
        HasOlder = page.HasMore;
        if (_messages.Count > MaxSize)
        {
            _messages.RemoveRange(MaxSize, _messages.Count - MaxSize);
            HasNewer = true;
        }
    }

    /// <summary>Newer messages go at the bottom; the oldest beyond the cap are dropped.</summary>
    public void AppendNewer(MessagePage page)
    {
        var known = _messages.Select(m => m.Id).ToHashSet();
        _messages.AddRange(page.Messages.Where(m => !known.Contains(m.Id)));
        HasNewer = page.HasMore;
        if (_messages.Count > MaxSize)
        {
            _messages.RemoveRange(0, _messages.Count - MaxSize);
            HasOlder = true;
        }
    }

    /// <summary>Replaces one message in place (after it was hidden or shown again); false when it is not here.</summary>
    public bool Replace(MessageView message)
    {
        var i = _messages.FindIndex(m => m.Id == message.Id);
        if (i < 0)
            return false;
        _messages[i] = message;
        return true;
    }

    public bool Contains(Guid id) => _messages.Exists(m => m.Id == id);
}
