using AdminPortal.Data;
using AdminPortal.Shared;

namespace AdminPortal.Features.Vendors.List;

public enum VendorSort { Name, Created }

/// <summary>The owner's subscriptions as the list filters them: one active, only ended ones, or none at all.</summary>
public enum OwnerSubscription { Active, Lapsed, None }

/// <summary>Which integration the vendor has (Clerk: its owner's login), or none of Algolia and Cloudinary.</summary>
public enum VendorIntegration { Algolia, Cloudinary, Clerk, None }

/// <summary>One view of the vendors list, in the URL through <see cref="QueryValues"/>.</summary>
public sealed record VendorListQuery
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [10, 25, 50, 100];
    public const int MinSearchLength = 2;

    /// <summary>Searched in the vendor's name and email and the owner's name and email.</summary>
    public string? Search { get; init; }
    public bool? Open { get; init; }
    public OwnerSubscription? Subscription { get; init; }
    public VendorIntegration? Integration { get; init; }
    public VendorSort Sort { get; init; } = VendorSort.Name;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public int Offset => ListDepth.Offset(Page, PageSize);
    public static readonly VendorListQuery Default = new();
    public string? EffectiveSearch => TextRules.Searchable(Search) is { Length: >= MinSearchLength } s ? s : null;
    public bool HasFilters => EffectiveSearch is not null || Open is not null || Subscription is not null || Integration is not null;
    public VendorListQuery SortedBy(VendorSort sort) => this with { Sort = sort, Descending = Sort == sort && !Descending, Page = 1 };

    public string ToQueryString() => QueryValues.Build(
        new("q", QueryValues.Text(Search)),
        new("open", Open is { } o ? (o ? "open" : "closed") : null),
        new("sub", Subscription is { } s ? QueryValues.Format(s) : null),
        new("integ", Integration is { } i ? QueryValues.Format(i) : null),
        new("sort", Sort != VendorSort.Name ? QueryValues.Format(Sort) : null),
        new("desc", Descending ? "true" : null),
        new("page", Page != 1 ? QueryValues.Format(Page) : null),
        new("size", PageSize != DefaultPageSize ? QueryValues.Format(PageSize) : null));

    public static VendorListQuery From(string? q, string? open, string? sub, string? integ, string? sort, string? desc, string? page, string? size)
    {
        var pageSize = QueryValues.OneOf(size, PageSizes, DefaultPageSize);
        return new VendorListQuery
        {
            Search = QueryValues.Text(q),
            Open = open?.Trim().ToLowerInvariant() switch { "open" => true, "closed" => false, _ => null },
            Subscription = QueryValues.Enum<OwnerSubscription>(sub),
            Integration = QueryValues.Enum<VendorIntegration>(integ),
            Sort = QueryValues.Enum(sort, VendorSort.Name),
            Descending = QueryValues.Flag(desc),
            PageSize = pageSize,
            Page = QueryValues.Page(page, ListDepth.LastPage(pageSize)),
        };
    }

    public static VendorListQuery Parse(string? queryString)
    {
        var v = QueryValues.Parse(queryString);
        string? Get(string key) => v.GetValueOrDefault(key);
        return From(Get("q"), Get("open"), Get("sub"), Get("integ"), Get("sort"), Get("desc"), Get("page"), Get("size"));
    }
}
