using AdminPortal.Data;
using AdminPortal.Shared;

namespace AdminPortal.Features.Vendors.Subscriptions;

public enum SubscriptionSort { End, Start }

/// <summary>One view of the subscriptions list, in the URL through <see cref="QueryValues"/>.</summary>
public sealed record SubscriptionListQuery
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [10, 25, 50, 100];
    public const int MaxWithinDays = 365;

    public SubscriptionStatus? Status { get; init; }
    public SubscriptionProvider? Provider { get; init; }

    /// <summary>Active and ending within this many days from now.</summary>
    public int? ExpiringWithin { get; init; }

    /// <summary>"Expired but still active": active, and the end date passed (the expiry pass has not run on it yet).</summary>
    public bool Overdue { get; init; }

    /// <summary>The subscriber's name or email (at least 2 characters).</summary>
    public string? Search { get; init; }
    public SubscriptionSort Sort { get; init; } = SubscriptionSort.End;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public int Offset => ListDepth.Offset(Page, PageSize);
    public static readonly SubscriptionListQuery Default = new();
    public string? EffectiveSearch => TextRules.Searchable(Search) is { Length: >= 2 } s ? s : null;
    public bool HasFilters => Status is not null || Provider is not null || ExpiringWithin is not null || Overdue || EffectiveSearch is not null;
    public SubscriptionListQuery SortedBy(SubscriptionSort sort) => this with { Sort = sort, Descending = Sort == sort && !Descending, Page = 1 };

    public string ToQueryString() => QueryValues.Build(
        new("status", Status is { } s ? QueryValues.Format(s) : null),
        new("provider", Provider is { } p ? QueryValues.Format(p) : null),
        new("within", ExpiringWithin is { } w ? QueryValues.Format(w) : null),
        new("overdue", Overdue ? "true" : null),
        new("q", QueryValues.Text(Search)),
        new("sort", Sort != SubscriptionSort.End ? QueryValues.Format(Sort) : null),
        new("desc", Descending ? "true" : null),
        new("page", Page != 1 ? QueryValues.Format(Page) : null),
        new("size", PageSize != DefaultPageSize ? QueryValues.Format(PageSize) : null));

    public static SubscriptionListQuery From(string? status, string? provider, string? within, string? overdue, string? q,
        string? sort, string? desc, string? page, string? size)
    {
        var pageSize = QueryValues.OneOf(size, PageSizes, DefaultPageSize);
        return new SubscriptionListQuery
        {
            Status = QueryValues.Enum<SubscriptionStatus>(status),
            Provider = QueryValues.Enum<SubscriptionProvider>(provider),
            ExpiringWithin = QueryValues.OptionalInt(within, 1, MaxWithinDays),
            Overdue = QueryValues.Flag(overdue),
            Search = QueryValues.Text(q),
            Sort = QueryValues.Enum(sort, SubscriptionSort.End),
            Descending = QueryValues.Flag(desc),
            PageSize = pageSize,
            Page = QueryValues.Page(page, ListDepth.LastPage(pageSize)),
        };
    }

    public static SubscriptionListQuery Parse(string? queryString)
    {
        var v = QueryValues.Parse(queryString);
        string? Get(string key) => v.GetValueOrDefault(key);
        return From(Get("status"), Get("provider"), Get("within"), Get("overdue"), Get("q"), Get("sort"), Get("desc"), Get("page"), Get("size"));
    }
}
