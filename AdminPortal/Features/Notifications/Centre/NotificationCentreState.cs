using AdminPortal.Components.Shared;
using AdminPortal.Live;

namespace AdminPortal.Features.Notifications.Centre;

/// <summary>
/// What the centre does between reads: the view the URL asks for, the page read for it (a late read for an older view
/// is dropped), and which live events make it read again (the person's own notification events: a new one, or one
/// marked on another tab or instance). Plain C#.
/// </summary>
public sealed class NotificationCentreState
{
    private static readonly NotificationPage Empty = new([], null, 0);
    private bool _shown;

    public ActionGate Gate { get; } = new();
    public NotificationCentreQuery Query { get; private set; } = new();
    public NotificationPage Page { get; private set; } = Empty;
    public bool Loading { get; private set; } = true;

    /// <summary>The signed-in person's id as the feed names it.</summary>
    public string? UserKey { get; set; }

    public bool ShowsEmpty => !Loading && Page.Rows.Count == 0;

    public string EmptyText => Query.UnreadOnly ? "Nothing unread." : Query.Before is null ? "No notifications yet." : "No older notifications.";

    public string CountText => Loading ? "Loading…" : $"{Page.Unread:N0} unread";

    public bool Show(NotificationCentreQuery query)
    {
        if (_shown && query == Query)
            return false;
        _shown = true;
        Query = query;
        Loading = true;
        return true;
    }

    public void Loaded(NotificationCentreQuery query, NotificationPage? page)
    {
        if (query != Query)
            return;
        Page = page ?? Empty;
        Loading = false;
    }

    public NotificationCentreQuery? Older => Page.Older is { } c ? Query with { Before = c } : null;

    public NotificationCentreQuery? Newest => Query.Before is null ? null : Query with { Before = null };

    public NotificationCentreQuery Filter(bool unreadOnly) => new(unreadOnly);

    /// <summary>Only this person's notification events concern the centre.</summary>
    public bool IsRelevant(ChangeEvent change) => UserKey is not null && change.Is(NotificationFeed.EntityType, UserKey);
}
