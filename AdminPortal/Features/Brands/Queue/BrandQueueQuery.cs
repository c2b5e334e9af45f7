using AdminPortal.Data;
using AdminPortal.Features.Creators;
using AdminPortal.Shared;

namespace AdminPortal.Features.Brands.Queue;

public enum BrandSort { Submitted, Name }

/// <summary>
/// One view of the brand verification queue: state tab, filters, sort and page, all in the URL
/// (<see cref="ToQueryString"/>, <see cref="From"/>), read through <see cref="QueryValues"/>.
/// </summary>
public sealed record BrandQueueQuery
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [10, 25, 50, 100];
    public const int MinSearchLength = 3;

    /// <summary>The tab; null is "all". Waiting (oldest first) is the queue.</summary>
    public BrandState? State { get; init; } = BrandState.Waiting;
    public CompanyType? CompanyType { get; init; }
    public int? NicheId { get; init; }

    /// <summary>With <see cref="DocumentState"/>: that document in that state; without it, any document.</summary>
    public BrandDocument? Document { get; init; }
    public DocumentStatus? DocumentState { get; init; }
    public DateOnly? SubmittedFrom { get; init; }
    public DateOnly? SubmittedTo { get; init; }

    /// <summary>Searched in brand name, legal entity, email and phone (at least <see cref="MinSearchLength"/> characters).</summary>
    public string? Search { get; init; }
    public BrandSort Sort { get; init; } = BrandSort.Submitted;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public int Offset => ListDepth.Offset(Page, PageSize);

    /// <summary>No filter narrows the brands beyond the state tab (the tab counts can come from the kept counters).</summary>
    public bool HasNoFilters => CompanyType is null && NicheId is null && DocumentState is null && SubmittedFrom is null
                                && SubmittedTo is null && EffectiveSearch is null;

    public static readonly BrandQueueQuery Default = new();

    public string? EffectiveSearch => TextRules.Searchable(Search) is { Length: >= MinSearchLength } s ? s : null;

    public bool HasFilters => CompanyType is not null || NicheId is not null || DocumentState is not null || Document is not null
                              || SubmittedFrom is not null || SubmittedTo is not null || EffectiveSearch is not null;

    public BrandQueueQuery FirstPage() => this with { Page = 1 };

    public BrandQueueQuery WithoutFilters() => Default with { State = State, Sort = Sort, Descending = Descending, PageSize = PageSize };

    public BrandQueueQuery SortedBy(BrandSort sort) => this with { Sort = sort, Descending = Sort == sort && !Descending, Page = 1 };

    public static string StateKey(BrandState? state) => state?.ToString().ToLowerInvariant() ?? "all";

    public string ToQueryString() => QueryValues.Build(
        new("state", State != Default.State ? StateKey(State) : null),
        new("type", CompanyType is { } t ? QueryValues.Format(t) : null),
        new("niche", NicheId is { } n ? QueryValues.Format(n) : null),
        new("doc", Document is { } d ? QueryValues.Format(d) : null),
        new("docstate", DocumentState is { } s ? QueryValues.Format(s) : null),
        new("from", SubmittedFrom is { } from ? QueryValues.Format(from) : null),
        new("to", SubmittedTo is { } to ? QueryValues.Format(to) : null),
        new("q", QueryValues.Text(Search)),
        new("sort", Sort != BrandSort.Submitted ? QueryValues.Format(Sort) : null),
        new("desc", Descending ? "true" : null),
        new("page", Page != 1 ? QueryValues.Format(Page) : null),
        new("size", PageSize != DefaultPageSize ? QueryValues.Format(PageSize) : null));

    public static BrandQueueQuery From(string? state, string? type, string? niche, string? doc, string? docState, string? from,
        string? to, string? q, string? sort, string? desc, string? page, string? size)
    {
        var pageSize = QueryValues.OneOf(size, PageSizes, DefaultPageSize);
        return new BrandQueueQuery
        {
            State = state?.Trim().ToLowerInvariant() == "all" ? null : QueryValues.Enum(state, BrandState.Waiting),
            CompanyType = QueryValues.Enum<CompanyType>(type),
            NicheId = QueryValues.OptionalInt(niche),
            Document = QueryValues.Enum<BrandDocument>(doc),
            DocumentState = QueryValues.Enum<DocumentStatus>(docState),
            SubmittedFrom = QueryValues.Date(from),
            SubmittedTo = QueryValues.Date(to),
            Search = QueryValues.Text(q),
            Sort = QueryValues.Enum(sort, BrandSort.Submitted),
            Descending = QueryValues.Flag(desc),
            PageSize = pageSize,
            Page = QueryValues.Page(page, ListDepth.LastPage(pageSize)),
        };
    }

    public static BrandQueueQuery Parse(string? queryString)
    {
        var v = QueryValues.Parse(queryString);
        string? Get(string key) => v.GetValueOrDefault(key);
        return From(Get("state"), Get("type"), Get("niche"), Get("doc"), Get("docstate"), Get("from"), Get("to"), Get("q"),
            Get("sort"), Get("desc"), Get("page"), Get("size"));
    }
}
