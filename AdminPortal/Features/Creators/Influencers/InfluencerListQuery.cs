using AdminPortal.Data;
using AdminPortal.Shared;

namespace AdminPortal.Features.Creators.Influencers;

/// <summary>One view of the influencers list, in the URL through <see cref="QueryValues"/>.</summary>
public sealed record InfluencerListQuery
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>Name, username, email or phone (at least 3 characters).</summary>
    public string? Search { get; init; }
    public int? NicheId { get; init; }
    public bool? Active { get; init; }
    public bool? PhoneVerified { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public int Offset => ListDepth.Offset(Page, PageSize);
    public static readonly InfluencerListQuery Default = new();
    public string? EffectiveSearch => TextRules.Searchable(Search) is { Length: >= 3 } s ? s : null;
    public bool HasFilters => EffectiveSearch is not null || NicheId is not null || Active is not null || PhoneVerified is not null;

    private static string? YesNo(bool? v) => v is { } b ? (b ? "yes" : "no") : null;

    private static bool? YesNo(string? v) => v?.Trim().ToLowerInvariant() switch { "yes" => true, "no" => false, _ => null };

    public string ToQueryString() => QueryValues.Build(
        new("q", QueryValues.Text(Search)), new("niche", NicheId is { } n ? QueryValues.Format(n) : null),
        new("active", YesNo(Active)), new("verified", YesNo(PhoneVerified)),
        new("page", Page != 1 ? QueryValues.Format(Page) : null),
        new("size", PageSize != DefaultPageSize ? QueryValues.Format(PageSize) : null));

    public static InfluencerListQuery From(string? q, string? niche, string? active, string? verified, string? page, string? size)
    {
        var pageSize = QueryValues.OneOf(size, PageSizes, DefaultPageSize);
        return new InfluencerListQuery
        {
            Search = QueryValues.Text(q), NicheId = QueryValues.OptionalInt(niche), Active = YesNo(active), PhoneVerified = YesNo(verified),
            PageSize = pageSize, Page = QueryValues.Page(page, ListDepth.LastPage(pageSize)),
        };
    }
}
