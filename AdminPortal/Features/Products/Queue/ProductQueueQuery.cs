using AdminPortal.Data;
using AdminPortal.Shared;

namespace AdminPortal.Features.Products.Queue;

/// <summary>The columns the queue sorts by. Waiting is Submitted the other way round.</summary>
public enum ProductSort { Submitted, Title, Cause, Vendor, Mrp, SellingPrice, Discount }

/// <summary>
/// One view of the moderation queue: status tab, filters, sort and page. It lives in the URL (<see cref="ToQueryString"/>
/// and <see cref="Parse"/>), so a reload, a reconnect or a shared link opens the same view.
/// </summary>
public sealed record ProductQueueQuery
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [10, 25, 50, 100];
    public const int MinSearchLength = 3;

    /// <summary>The tab; null is "all".</summary>
    public PublishingStatus? Status { get; init; } = PublishingStatus.Suggestion;
    public Cause? Cause { get; init; }
    public int? VendorId { get; init; }
    public double? MinPrice { get; init; }
    public double? MaxPrice { get; init; }
    public DateOnly? SubmittedFrom { get; init; }
    public DateOnly? SubmittedTo { get; init; }

    /// <summary>"Decided by me" (<c>decided=today|week</c>): the viewer's own decisions, see <see cref="DecidedBy"/>.</summary>
    public DecidedWindow? Decided { get; init; }

    /// <summary>Text searched in title and description (at least <see cref="MinSearchLength"/> characters).</summary>
    public string? Search { get; init; }
    public ProductSort Sort { get; init; } = ProductSort.Submitted;
    public bool Descending { get; init; }

    /// <summary>Pages reach this many rows into a view and no further (see <see cref="ListDepth"/>).</summary>
    public const int MaxDepth = ListDepth.MaxRows;

    /// <summary>1-based; <see cref="From"/> holds it to <see cref="LastPage"/>.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The deepest page the pager offers at this page size: the one holding row <see cref="MaxDepth"/>.</summary>
    public int LastPage => ListDepth.LastPage(PageSize);

    /// <summary>The rows skipped before this page, with the page held to <see cref="LastPage"/>.</summary>
    public int Offset => ListDepth.Offset(Page, PageSize);

    public static readonly ProductQueueQuery Default = new();

    /// <summary>The search text the query actually applies (null when too short to search).</summary>
    public string? EffectiveSearch => Search?.Trim() is { Length: >= MinSearchLength } s ? s : null;

    public bool HasFilters => Cause is not null || VendorId is not null || MinPrice is not null || MaxPrice is not null
                              || SubmittedFrom is not null || SubmittedTo is not null || EffectiveSearch is not null
                              || Decided is not null;

    /// <summary>The same filters, on the first page (a filter change starts again at page 1).</summary>
    public ProductQueueQuery FirstPage() => this with { Page = 1 };

    public ProductQueueQuery WithoutFilters() => Default with { Status = Status, Sort = Sort, Descending = Descending, PageSize = PageSize };

    public static string StatusKey(PublishingStatus? status) => status?.ToString().ToLowerInvariant() ?? "all";

    /// <summary>Sorted by <paramref name="sort"/>: the first click ascending (titles A-Z, oldest first), again flips it.</summary>
    public ProductQueueQuery SortedBy(ProductSort sort) => this with { Sort = sort, Descending = Sort == sort && !Descending, Page = 1 };

    /// <summary>The query string (with "?") holding only what differs from the default.</summary>
    public string ToQueryString() => QueryValues.Build(
        new("status", Status != Default.Status ? StatusKey(Status) : null),
        new("cause", Cause is { } c ? QueryValues.Format(c) : null),
        new("vendor", VendorId is { } v ? QueryValues.Format(v) : null),
        new("min", MinPrice is { } min ? QueryValues.Format(min) : null),
        new("max", MaxPrice is { } max ? QueryValues.Format(max) : null),
        new("from", SubmittedFrom is { } from ? QueryValues.Format(from) : null),
        new("to", SubmittedTo is { } to ? QueryValues.Format(to) : null),
        new("q", QueryValues.Text(Search)),
        new("decided", Decided is { } d ? QueryValues.Format(d) : null),
        new("sort", Sort != ProductSort.Submitted ? QueryValues.Format(Sort) : null),
        new("desc", Descending ? "true" : null),
        new("page", Page != 1 ? QueryValues.Format(Page) : null),
        new("size", PageSize != DefaultPageSize ? QueryValues.Format(PageSize) : null));

    /// <summary>
    /// The view from the URL's values (the page's [SupplyParameterFromQuery] properties); anything unreadable falls back
    /// to the default, numbers are clamped, never thrown on.
    /// </summary>
    public static ProductQueueQuery From(string? status, string? cause, string? vendor, string? min, string? max,
        string? from, string? to, string? q, string? sort, string? desc, string? page, string? size, string? decided = null)
    {
        var pageSize = QueryValues.OneOf(size, PageSizes, DefaultPageSize);
        return new ProductQueueQuery
        {
            Status = status?.Trim().ToLowerInvariant() == "all" ? null : QueryValues.Enum(status, PublishingStatus.Suggestion),
            Cause = QueryValues.Enum<Cause>(cause),
            VendorId = QueryValues.OptionalInt(vendor),
            MinPrice = QueryValues.Amount(min),
            MaxPrice = QueryValues.Amount(max),
            SubmittedFrom = QueryValues.Date(from),
            SubmittedTo = QueryValues.Date(to),
            Search = QueryValues.Text(q),
            Decided = QueryValues.Enum<DecidedWindow>(decided),
            Sort = QueryValues.Enum(sort, ProductSort.Submitted),
            Descending = QueryValues.Flag(desc),
            PageSize = pageSize,
            Page = QueryValues.Page(page, ListDepth.LastPage(pageSize)),
        };
    }

    /// <summary>Reads a query string ("?status=...&amp;page=2") the way <see cref="From"/> does.</summary>
    public static ProductQueueQuery Parse(string? queryString)
    {
        var v = QueryValues.Parse(queryString);
        string? Get(string key) => v.GetValueOrDefault(key);
        return From(Get("status"), Get("cause"), Get("vendor"), Get("min"), Get("max"), Get("from"), Get("to"), Get("q"),
            Get("sort"), Get("desc"), Get("page"), Get("size"), Get("decided"));
    }
}
