using AdminPortal.Data.Identity;
using System.Globalization;
using AdminPortal.Features.Users.Platform;

namespace AdminPortal.Features.Users;

/// <summary>The list's filters in the URL: one spelling shared by the page, its links and the CSV export.</summary>
public static class UsersUrl
{
    public static UserListQuery Parse(IReadOnlyDictionary<string, string?> q)
    {
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        var query = new UserListQuery(
            Search: Get("q"),
            Role: Get("role"),
            Status: EnumText.Parse<PlatformUserStatus>(Get("status")),
            Platform: EnumText.Parse<PlatformType>(Get("platform")),
            Deleted: Enum.TryParse<DeletedFilter>(Get("deleted"), true, out var d) ? d : DeletedFilter.Active,
            Sort: Enum.TryParse<UserSort>(Get("sort"), true, out var s) ? s : UserSort.Newest,
            Page: int.TryParse(Get("page"), CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1,
            PageSize: int.TryParse(Get("size"), CultureInfo.InvariantCulture, out var z) ? z : 25);
        return query with { Page = Math.Min(query.Page, query.LastPage) };
    }

    /// <summary>The query string values of a query (null for defaults, so the URL stays short).</summary>
    public static Dictionary<string, object?> ToQuery(UserListQuery query) => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search,
        ["role"] = query.Role,
        ["status"] = query.Status is { } st ? EnumText.Of(st) : null,
        ["platform"] = query.Platform is { } pl ? EnumText.Of(pl) : null,
        ["deleted"] = query.Deleted == DeletedFilter.Active ? null : query.Deleted.ToString().ToLowerInvariant(),
        ["sort"] = query.Sort == UserSort.Newest ? null : query.Sort.ToString().ToLowerInvariant(),
        ["page"] = query.Page <= 1 ? null : query.Page.ToString(CultureInfo.InvariantCulture),
        ["size"] = query.PageSize == 25 ? null : query.PageSize.ToString(CultureInfo.InvariantCulture),
    };

    public static string ExportHref(UserListQuery query) =>
        UsersExport.Path + "?" + string.Join("&", ToQuery(query with { Page = 1 })
            .Where(kv => kv.Value is not null)
            .Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!.ToString()!)}"));
}
