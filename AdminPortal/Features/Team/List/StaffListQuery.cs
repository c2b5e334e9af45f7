using AdminPortal.Data;
using AdminPortal.Shared;

namespace AdminPortal.Features.Team.List;

/// <summary>Whether the list shows those taking tickets, those away, or both.</summary>
public enum StaffState { Any, Active, Away }

/// <summary>One view of the staff list, in the URL through <see cref="QueryValues"/>.</summary>
public sealed record StaffListQuery
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>Name or email (at least 3 characters).</summary>
    public string? Search { get; init; }
    public int? HostelId { get; init; }
    public int? CategoryId { get; init; }
    public StaffState State { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public int Offset => ListDepth.Offset(Page, PageSize);
    public static readonly StaffListQuery Default = new();
    public string? EffectiveSearch => QueryValues.Text(Search) is { Length: >= 3 } s ? s : null;

    public string ToQueryString() => QueryValues.Build(
        new("q", QueryValues.Text(Search)), new("hostel", HostelId is { } h ? QueryValues.Format(h) : null),
        new("category", CategoryId is { } c ? QueryValues.Format(c) : null),
        new("state", State == StaffState.Any ? null : QueryValues.Format(State)),
        new("page", Page != 1 ? QueryValues.Format(Page) : null),
        new("size", PageSize != DefaultPageSize ? QueryValues.Format(PageSize) : null));

    public static StaffListQuery From(string? q, string? hostel, string? category, string? state, string? page, string? size)
    {
        var pageSize = QueryValues.OneOf(size, PageSizes, DefaultPageSize);
        return new StaffListQuery
        {
            Search = QueryValues.Text(q), HostelId = QueryValues.OptionalInt(hostel), CategoryId = QueryValues.OptionalInt(category),
            State = QueryValues.Enum(state, StaffState.Any), PageSize = pageSize, Page = QueryValues.Page(page, ListDepth.LastPage(pageSize)),
        };
    }
}
