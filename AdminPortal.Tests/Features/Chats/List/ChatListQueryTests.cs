using AdminPortal.Data;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.List;
using AdminPortal.Shared;

namespace AdminPortal.Tests.Features.Chats.List;

public sealed class ChatListQueryTests
{
    private static ChatListQuery FromUrl(string url)
    {
        var q = QueryValues.Parse(url);
        string? V(string key) => q.TryGetValue(key, out var v) ? v : null;
        return ChatListQuery.From(V("q"), V("product"), V("member"), V("type"), V("from"), V("to"), V("page"));
    }

    [Fact]
    public void A_query_reads_back_from_its_own_query_string()
    {
        var query = new ChatListQuery("scarf & shawl", "IM_TESTPRODUCT0001", 42, ConversationType.Private,
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 3);

        var text = query.ToQueryString();

        Assert.Equal(query, FromUrl(text));
        Assert.Contains("type=private", text);
        Assert.Contains("page=3", text);
    }

    [Fact]
    public void The_unfiltered_first_page_has_no_query_string_and_pages_are_one_based()
    {
        Assert.Equal("", new ChatListQuery().ToQueryString());
        Assert.Equal(new ChatListQuery(), FromUrl(""));
        Assert.Equal(1, FromUrl("?page=1").Page);
        Assert.Equal(0, FromUrl("?page=1").Offset);
        Assert.Equal(ChatListQuery.PageSize, FromUrl("?page=2").Offset);
    }

    [Theory]
    [InlineData("?type=9651")]
    [InlineData("?type=1")]
    [InlineData("?type=-1")]
    [InlineData("?type=%3Cscript%3E")]
    [InlineData("?member=abc")]
    [InlineData("?member=-5")]
    [InlineData("?member=0")]
    [InlineData("?member=99999999999")]
    [InlineData("?from=2026-13-01&to=yesterday")]
    [InlineData("?from=01/11/2026")]
    [InlineData("?page=abc")]
    [InlineData("?page=0")]
    [InlineData("?page=-3")]
    [InlineData("?page=99999999999999")]
    [InlineData("?q=%20%20&product=")]
    public void Hostile_values_fall_back_to_no_filter_and_the_first_page(string url)
    {
        Assert.Equal(new ChatListQuery(), FromUrl(url));
    }

    [Fact]
    public void A_page_past_the_depth_cap_opens_the_last_page_and_long_text_is_cut()
    {
        Assert.Equal(ListDepth.LastPage(ChatListQuery.PageSize), FromUrl("?page=1000000").Page);
        Assert.Equal(ListDepth.LastPage(ChatListQuery.PageSize), FromUrl("?page=2147483647").Page);
        Assert.True(FromUrl("?page=1000000").Offset < ListDepth.MaxRows);
        Assert.Equal(QueryValues.MaxTextLength, FromUrl("?q=" + new string('a', 5000)).Search!.Length);
        Assert.Equal(ChatListQuery.MaxProductIdLength, FromUrl("?product=" + new string('x', 500)).ProductId!.Length);
        Assert.Equal(ConversationType.Group, FromUrl("?type=GROUP").Type);
    }

    [Fact]
    public void A_filter_change_starts_again_from_the_first_page()
    {
        var query = new ChatListQuery(Search: "scarf", Page: 7);
        Assert.Equal(new ChatListQuery(Search: "scarf", Type: ConversationType.Group),
            query.Filtered(q => q with { Type = ConversationType.Group }));
    }
}
