using AdminPortal.Components.Shared;
using AdminPortal.Live;

namespace AdminPortal.Features.Users.List;

/// <summary>
/// What the users list does between reads: the view the URL asks for, the page read for it (a read for an older view
/// that ends late is dropped), what the count line says, and which live events make it read again (a user or a role
/// changed, by another admin or on another instance). Plain C#: the page renders from it.
/// </summary>
public sealed class UserListState
{
    private static readonly UserListPage Empty = new([], 0);
    private bool _shown;

    /// <summary>A read refused for lack of rights marks the list denied.</summary>
    public ActionGate Gate { get; } = new();
    public UserListQuery Query { get; private set; } = new();
    public UserListPage Page { get; private set; } = Empty;
    public bool Loading { get; private set; } = true;
    public IReadOnlyList<string> Roles { get; set; } = [];

    public string CountText =>
        Loading ? "Loading…"
        : Page.TotalIsCapped ? $"{UserListQuery.MaxDepth:N0}+ users"
        : $"{Page.Total:N0} user{(Page.Total == 1 ? "" : "s")}";

    /// <summary>What the pager says instead of the number when the count stopped at the depth cap.</summary>
    public string? TotalText => Page.TotalIsCapped ? $"{UserListQuery.MaxDepth:N0}+" : null;

    public string EmptyText => Query == new UserListQuery() with { PageSize = Query.PageSize }
        ? "No users yet." : "No user matches these filters.";

    public bool ShowsEmpty => !Loading && Page.Rows.Count == 0;

    /// <summary>The URL asks for <paramref name="query"/>: true when it is a new view to read.</summary>
    public bool Show(UserListQuery query)
    {
        if (_shown && query == Query)
            return false;
        _shown = true;
        Query = query;
        Loading = true;
        return true;
    }

    /// <summary>The page read for <paramref name="query"/>; ignored when the view moved on meanwhile.</summary>
    public void Loaded(UserListQuery query, UserListPage? page)
    {
        if (query != Query)
            return;
        Page = page ?? Empty;
        Loading = false;
    }

    /// <summary>Events that can change a row, a count or a filter's result: users and their roles.</summary>
    public static bool IsRelevant(ChangeEvent change) => change.Is(EntityTypes.User) || change.Is(EntityTypes.Role);
}
