using AdminPortal.Features.Chats;
using AdminPortal.Features.Chats.List;

namespace AdminPortal.Tests.Features.Chats.List;

public sealed class ChatListStateTests
{
    private static GroupRow Row(string name) =>
        new(Guid.NewGuid(), name, ConversationType.Group, null, null, 3, DateTime.UtcNow, 1);

    [Fact]
    public void A_product_and_member_from_the_url_are_labelled_once_and_a_gone_one_shows_its_id()
    {
        var state = new ChatListState();
        state.Use(new ChatListQuery(ProductId: "IM_X1", MemberId: 12));
        Assert.Equal(("IM_X1", 12), (state.ProductToLabel, state.MemberToLabel));

        state.ProductLabeled(new Pick("IM_X1", "Brass lamp"));
        state.MemberLabeled(null);   // no such user any more
        Assert.Equal(("Brass lamp", "user 12"), (state.Product!.Label, state.Member!.Label));
        Assert.Equal((null, null), (state.ProductToLabel, state.MemberToLabel));

        state.Use(state.Query with { Page = 2 });   // same filters: nothing to read again
        Assert.Equal((null, null), (state.ProductToLabel, state.MemberToLabel));
        Assert.Equal("Brass lamp", state.Product.Label);
    }

    [Fact]
    public void A_pick_made_in_the_box_is_kept_and_clearing_the_url_clears_the_box()
    {
        var state = new ChatListState();
        state.Use(new ChatListQuery(Search: "lamp", Page: 4));

        var next = state.PickMember(new Pick("7", "Asha Rao · asha@example.org"));
        Assert.Equal(new ChatListQuery(Search: "lamp", MemberId: 7), next);
        state.Use(next);
        Assert.Null(state.MemberToLabel);
        Assert.Equal("Asha Rao · asha@example.org", state.Member!.Label);

        state.Use(next with { MemberId = null });
        Assert.Null(state.Member);
    }

    [Fact]
    public void Filter_changes_go_back_to_page_one_and_pages_are_held_to_the_depth_cap()
    {
        var state = new ChatListState();
        state.Use(new ChatListQuery(Page: 5));

        Assert.Equal(1, state.Search("  scarf ").Page);
        Assert.Equal("scarf", state.Search("  scarf ").Search);
        Assert.Null(state.Search("   ").Search);
        Assert.Equal(1, state.OfType(ConversationType.Private).Page);
        Assert.Equal(new DateOnly(2026, 11, 2), state.ActiveTo(new DateOnly(2026, 11, 2)).ActiveTo);
        Assert.Equal(6, state.ToPage(6).Page);
        Assert.Equal(ChatListQuery.LastPage, state.ToPage(int.MaxValue).Page);
        Assert.Equal(1, state.ToPage(-2).Page);
    }

    [Fact]
    public void Rows_arrive_after_the_query_and_a_refused_read_leaves_an_empty_list()
    {
        var state = new ChatListState();
        Assert.True(state.Loading);
        state.Use(new ChatListQuery());
        state.Loaded(new GroupListPage([Row("a"), Row("b")], 30));
        Assert.Equal((false, 2, 30), (state.Loading, state.Rows.Count, state.Total));

        state.Use(new ChatListQuery(Page: 2));
        Assert.True(state.Loading);
        state.Loaded(null);
        Assert.Equal((false, 0, 0), (state.Loading, state.Rows.Count, state.Total));
    }
}
