using AdminPortal.Data;
using AdminPortal.Shared;

namespace AdminPortal.Features.Chats.List;

/// <summary>
/// The chat list's filters and page, as the URL carries them ("/chats?member=12&amp;type=private&amp;page=2"). Read
/// through <see cref="QueryValues"/>: a bad value falls back to no filter, the page is 1-based and held to the depth
/// cap (decision 0008).
/// </summary>
public sealed record ChatListQuery(string? Search = null, string? ProductId = null, int? MemberId = null,
    ConversationType? Type = null, DateOnly? ActiveFrom = null, DateOnly? ActiveTo = null, int Page = 1)
{
    public const int PageSize = 25;

    /// <summary>Product ids are short codes ("IM_…"); anything longer is not one.</summary>
    public const int MaxProductIdLength = 64;

    public static int LastPage => ListDepth.LastPage(PageSize);

    public int Offset => ListDepth.Offset(Page, PageSize);

    public static ChatListQuery From(string? q, string? product, string? member, string? type, string? from, string? to,
        string? page) =>
        new(QueryValues.Text(q), QueryValues.Text(product, MaxProductIdLength), QueryValues.OptionalInt(member),
            QueryValues.Enum<ConversationType>(type), QueryValues.Date(from), QueryValues.Date(to),
            QueryValues.Page(page, LastPage));

    /// <summary>"?q=…&amp;page=2", or "" for the unfiltered first page; <see cref="From"/> reads it back.</summary>
    public string ToQueryString() => QueryValues.Build(
        new("q", Search),
        new("product", ProductId),
        new("member", MemberId is { } m ? QueryValues.Format(m) : null),
        new("type", Type is { } t ? QueryValues.Format(t) : null),
        new("from", ActiveFrom is { } f ? QueryValues.Format(f) : null),
        new("to", ActiveTo is { } d ? QueryValues.Format(d) : null),
        new("page", Page > 1 ? QueryValues.Format(Page) : null));

    /// <summary>The same filters from their first page (every filter change starts there).</summary>
    public ChatListQuery Filtered(Func<ChatListQuery, ChatListQuery> change) => change(this) with { Page = 1 };
}
