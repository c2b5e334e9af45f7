using System.Globalization;
using AdminPortal.Data;
using Microsoft.AspNetCore.WebUtilities;

namespace AdminPortal.Features.Products;

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

    /// <summary>Text searched in title and description (at least <see cref="MinSearchLength"/> characters).</summary>
    public string? Search { get; init; }
    public ProductSort Sort { get; init; } = ProductSort.Submitted;
    public bool Descending { get; init; }

    /// <summary>Pages reach this many rows into a view and no further (see <see cref="ListDepth"/>).</summary>
    public const int MaxDepth = ListDepth.MaxRows;

    /// <summary>1-based; <see cref="Parse"/> holds it to <see cref="LastPage"/>.</summary>
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
                              || SubmittedFrom is not null || SubmittedTo is not null || EffectiveSearch is not null;

    /// <summary>The same filters, on the first page (a filter change starts again at page 1).</summary>
    public ProductQueueQuery FirstPage() => this with { Page = 1 };

    public ProductQueueQuery WithoutFilters() => Default with { Status = Status, Sort = Sort, Descending = Descending, PageSize = PageSize };

    public static string StatusKey(PublishingStatus? status) => status?.ToString().ToLowerInvariant() ?? "all";

    /// <summary>The query string (with "?") holding only what differs from the default.</summary>
    public string ToQueryString()
    {
        var values = new Dictionary<string, string?>();
        if (Status != Default.Status) values["status"] = StatusKey(Status);
        if (Cause is { } c) values["cause"] = c.ToString();
        if (VendorId is { } v) values["vendor"] = v.ToString(CultureInfo.InvariantCulture);
        if (MinPrice is { } min) values["min"] = min.ToString(CultureInfo.InvariantCulture);
        if (MaxPrice is { } max) values["max"] = max.ToString(CultureInfo.InvariantCulture);
        if (SubmittedFrom is { } from) values["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (SubmittedTo is { } to) values["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(Search)) values["q"] = Search.Trim();
        if (Sort != ProductSort.Submitted) values["sort"] = Sort.ToString().ToLowerInvariant();
        if (Descending) values["desc"] = "true";
        if (Page != 1) values["page"] = Page.ToString(CultureInfo.InvariantCulture);
        if (PageSize != DefaultPageSize) values["size"] = PageSize.ToString(CultureInfo.InvariantCulture);
        return values.Count == 0 ? "" : QueryHelpers.AddQueryString("", values);
    }

    /// <summary>Reads a query string ("?status=...&amp;page=2"); anything unreadable falls back to the default.</summary>
    public static ProductQueueQuery Parse(string? queryString)
    {
        var q = QueryHelpers.ParseQuery(queryString);
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        var query = new ProductQueueQuery
        {
            Status = Get("status") is { } s
                ? s == "all" ? null : Enum.TryParse<PublishingStatus>(s, true, out var st) ? st : PublishingStatus.Suggestion
                : PublishingStatus.Suggestion,
            Cause = Enum.TryParse<Cause>(Get("cause"), true, out var cause) && Enum.IsDefined(cause) ? cause : null,
            VendorId = int.TryParse(Get("vendor"), CultureInfo.InvariantCulture, out var vendor) ? vendor : null,
            MinPrice = Price(Get("min")),
            MaxPrice = Price(Get("max")),
            SubmittedFrom = Date(Get("from")),
            SubmittedTo = Date(Get("to")),
            Search = Get("q")?.Trim(),
            Sort = Enum.TryParse<ProductSort>(Get("sort"), true, out var sort) && Enum.IsDefined(sort) ? sort : ProductSort.Submitted,
            Descending = Get("desc") == "true",
            Page = int.TryParse(Get("page"), CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 100_000 ? page : 1,
            PageSize = int.TryParse(Get("size"), CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size) ? size : DefaultPageSize,
        };
        return query with { Page = Math.Min(query.Page, query.LastPage) };
    }

    private static double? Price(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p >= 0 && double.IsFinite(p) ? p : null;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
