using AdminPortal.Components.Shared;
using AdminPortal.Live;

namespace AdminPortal.Features.Audit.Log;

/// <summary>
/// What the audit log does between reads: the view the URL asks for, the page read for it (a late read for an older
/// view is dropped), which records are opened to show their before/after, and which live events make the newest page
/// read again (any change on the feed may have written a record; older pages do not move). Plain C#.
/// </summary>
public sealed class AuditLogState
{
    private static readonly AuditRecords Empty = new([], null);
    private readonly HashSet<long> _open = [];
    private bool _shown;

    public ActionGate Gate { get; } = new();
    public AuditLogQuery Query { get; private set; } = new();
    public AuditRecords Page { get; private set; } = Empty;
    public bool Loading { get; private set; } = true;

    public bool ShowsEmpty => !Loading && Page.Rows.Count == 0;

    public string EmptyText => Page.Notice ?? (Query.IsUnfiltered && Query.Before is null
        ? "The audit log is empty." : "No record matches these filters.");

    public string CountText =>
        Loading ? "Loading…"
        : Page.Rows.Count == 0 ? ""
        : $"{Page.Rows.Count} record{(Page.Rows.Count == 1 ? "" : "s")}, newest first{(Query.Before is null ? "" : ", older than the newest page")}" +
          (Page.Older is null ? "; no older records." : ".");

    /// <summary>The URL asks for <paramref name="query"/>: true when it is a new view to read.</summary>
    public bool Show(AuditLogQuery query)
    {
        if (_shown && query == Query)
            return false;
        _shown = true;
        Query = query;
        Loading = true;
        _open.Clear();
        return true;
    }

    public void Loaded(AuditLogQuery query, AuditRecords? page)
    {
        if (query != Query)
            return;
        Page = page ?? Empty;
        Loading = false;
    }

    public bool IsOpen(long id) => _open.Contains(id);

    public void Toggle(long id)
    {
        if (!_open.Remove(id))
            _open.Add(id);
    }

    /// <summary>The next older page of the same filters; null at the end.</summary>
    public AuditLogQuery? Older => Page.Older is { } c ? Query with { Before = c } : null;

    /// <summary>Back to the newest records of the same filters; null when already there.</summary>
    public AuditLogQuery? Newest => Query.Before is null ? null : Query with { Before = null };

    /// <summary>Only the newest page follows the feed; presence and the feed's own signals write no record.</summary>
    public bool IsRelevant(ChangeEvent change) =>
        Query.Before is null && change.EntityType is not (EntityTypes.Presence or EntityTypes.Feed);
}
