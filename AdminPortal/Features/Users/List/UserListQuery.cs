using AdminPortal.Data.Identity;
using System.Linq.Expressions;
using AdminPortal.Data;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users.List;

public enum DeletedFilter { Active, Deleted, All }

public enum UserSort { Newest, Oldest, Name, Email, LastLogin }

/// <summary>
/// The list's filters, as the URL carries them (the page and the CSV export share them). Read with <see cref="From"/>
/// or <see cref="Parse"/> (bad values fall back to the defaults), written with <see cref="ToQueryString"/>.
/// </summary>
public sealed record UserListQuery(
    string? Search = null,
    string? Role = null,
    PlatformUserStatus? Status = null,
    PlatformType? Platform = null,
    DeletedFilter Deleted = DeletedFilter.Active,
    UserSort Sort = UserSort.Newest,
    int Page = 1,
    int PageSize = 25)
{
    /// <summary>Pages reach this many rows into a view and no further (see <see cref="ListDepth"/>).</summary>
    public const int MaxDepth = ListDepth.MaxRows;

    public const int DefaultPageSize = 25;

    public static readonly IReadOnlyList<int> PageSizes = [10, 25, 50, 100];

    public int Size => Math.Clamp(PageSize, 10, 100);

    /// <summary>The query the URL's values ask for; anything unreadable or out of range falls back to the default.</summary>
    public static UserListQuery From(string? q = null, string? role = null, string? status = null, string? platform = null,
        string? deleted = null, string? sort = null, string? page = null, string? size = null)
    {
        var pageSize = QueryValues.OneOf(size, PageSizes, DefaultPageSize);
        return new UserListQuery(
            Search: QueryValues.Text(q),
            Role: QueryValues.Text(role, 64),
            Status: QueryValues.Enum<PlatformUserStatus>(status),
            Platform: QueryValues.Enum<PlatformType>(platform),
            Deleted: QueryValues.Enum(deleted, DeletedFilter.Active),
            Sort: QueryValues.Enum(sort, UserSort.Newest),
            Page: QueryValues.Page(page, ListDepth.LastPage(pageSize)),
            PageSize: pageSize);
    }

    /// <summary>Reads a query string ("?q=a&amp;status=verified").</summary>
    public static UserListQuery Parse(string? queryString)
    {
        var v = QueryValues.Parse(queryString);
        string? Get(string key) => v.GetValueOrDefault(key);
        return From(Get("q"), Get("role"), Get("status"), Get("platform"), Get("deleted"), Get("sort"), Get("page"), Get("size"));
    }

    /// <summary>The query string of this query ("" for the defaults; defaults are left out so the URL stays short).</summary>
    public string ToQueryString() => QueryValues.Build(Values());

    private IEnumerable<KeyValuePair<string, string?>> Values() =>
    [
        new("q", Search),
        new("role", Role),
        new("status", Status is { } st ? EnumText.Of(st) : null),
        new("platform", Platform is { } pl ? EnumText.Of(pl) : null),
        new("deleted", Deleted == DeletedFilter.Active ? null : QueryValues.Format(Deleted)),
        new("sort", Sort == UserSort.Newest ? null : QueryValues.Format(Sort)),
        new("page", Page <= 1 ? null : QueryValues.Format(Page)),
        new("size", PageSize == DefaultPageSize ? null : QueryValues.Format(PageSize)),
    ];

    /// <summary>The CSV export's form fields: the same filters (from the first row), posted with an antiforgery token
    /// to <see cref="UsersExport.Path"/> (a GET with side effects could be fetched by any image tag).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExportFields =>
        [.. (this with { Page = 1 }).Values().Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Key, v.Value!))];

    /// <summary>Reads the export form's fields (the names of <see cref="ExportFields"/>).</summary>
    public static UserListQuery FromForm(Func<string, string?> field) =>
        From(field("q"), field("role"), field("status"), field("platform"), field("deleted"), field("sort"), null, field("size"));

    /// <summary>The sort a click on a column's header asks for: the column, or its other direction when it has one.</summary>
    public UserListQuery SortedBy(UserSort column) => this with
    {
        Sort = (column, Sort) switch
        {
            (UserSort.Newest or UserSort.Oldest, UserSort.Newest) => UserSort.Oldest,
            (UserSort.Newest or UserSort.Oldest, _) => UserSort.Newest,
            _ => column,
        },
        Page = 1,
    };

    /// <summary>The deepest page the pager offers: the one holding row <see cref="MaxDepth"/>.</summary>
    public int LastPage => ListDepth.LastPage(Size);

    public int Offset => ListDepth.Offset(Page, Size);

    /// <summary>Applies the filters and the sort (not the paging).</summary>
    public IQueryable<PortalUser> Apply(PortalDbContext db)
    {
        var users = db.Users.AsNoTracking();
        var term = TextRules.Searchable(Search);
        if (!string.IsNullOrEmpty(term))
        {
            var pattern = "%" + EscapeLike(term) + "%";
            var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
            if (LooksLikePhone(term) && digits.Length > 0)
            {
                var digitPattern = "%" + digits + "%";
                Expression<Func<PortalUser, bool>> match = u => EF.Functions.ILike(u.PhoneNumber!, pattern, "\\")
                                                                || EF.Functions.ILike(u.PhoneNumber!, digitPattern, "\\");
                users = users.Where(OrContactNumberStartsWith(match, digits));
            }
            else
                users = users.Where(u => EF.Functions.ILike(u.Email!, pattern, "\\") || EF.Functions.ILike(u.Name!, pattern, "\\"));
        }
        if (!string.IsNullOrEmpty(Role))
            users = users.Where(u => u.Roles.Any(r => r.Role!.Name == Role));
        if (Status is { } status)
            users = users.Where(u => u.Status == status);
        if (Platform is { } platform)
            users = users.Where(u => u.RegistrationPlatform == platform);
        users = Deleted switch
        {
            DeletedFilter.Active => users.Where(u => u.DeletedAt == null),
            DeletedFilter.Deleted => users.Where(u => u.DeletedAt != null),
            _ => users,
        };
        return Sort switch
        {
            UserSort.Oldest => users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
            UserSort.Name => users.OrderBy(u => u.Name).ThenBy(u => u.Id),
            UserSort.Email => users.OrderBy(u => u.Email).ThenBy(u => u.Id),
            UserSort.LastLogin => users.OrderByDescending(u => u.LastLoginAt != null).ThenByDescending(u => u.LastLoginAt).ThenBy(u => u.Id),
            _ => users.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id),
        };
    }

    /// <summary>
    /// Deed-O's contact_number is a bigint: "starts with these digits" is a handful of ranges (one per possible length),
    /// each served by its btree index, where a LIKE on its text would read the whole table.
    /// </summary>
    private static Expression<Func<PortalUser, bool>> OrContactNumberStartsWith(Expression<Func<PortalUser, bool>> match, string digits)
    {
        digits = digits.TrimStart('0');
        if (digits.Length is 0 or > 15)
            return match;
        var u = match.Parameters[0];
        var number = Expression.Property(u, nameof(PortalUser.ContactNumber));
        var body = match.Body;
        var start = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        for (var length = digits.Length; length <= 15; length++)
        {
            var scale = (long)Math.Pow(10, length - digits.Length);
            var range = Expression.AndAlso(
                Expression.GreaterThanOrEqual(number, Expression.Constant((long?)(start * scale), typeof(long?))),
                Expression.LessThanOrEqual(number, Expression.Constant((long?)((start + 1) * scale - 1), typeof(long?))));
            body = Expression.OrElse(body, range);
        }
        return Expression.Lambda<Func<PortalUser, bool>>(body, u);
    }

    private static bool LooksLikePhone(string term) =>
        term.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');

    /// <summary>Escapes LIKE's wildcards so a search for "a_b" or "100%" means those characters.</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
