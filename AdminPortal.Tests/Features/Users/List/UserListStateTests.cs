using AdminPortal.Features.Users;
using AdminPortal.Features.Users.List;
using AdminPortal.Live;
using AdminPortal.Security;

namespace AdminPortal.Tests.Features.Users.List;

public sealed class UserListStateTests
{
    private static UserRow Row(int id) =>
        new(id, $"User {id}", $"u{id}@example.org", null, default, default, [], DateTime.UtcNow, null, null, false);

    [Fact]
    public void A_view_is_read_once_and_again_only_when_the_url_asks_for_another()
    {
        var state = new UserListState();
        var query = UserListQuery.From(status: "verified");
        Assert.True(state.Show(query));
        Assert.Equal("Loading…", state.CountText);
        Assert.False(state.ShowsEmpty);
        state.Loaded(query, new UserListPage([Row(1)], 1));
        Assert.False(state.Show(UserListQuery.From(status: "verified")));
        Assert.True(state.Show(query with { Page = 2 }));
    }

    [Fact]
    public void A_read_for_an_older_view_that_ends_late_is_dropped()
    {
        var state = new UserListState();
        var first = UserListQuery.From(q: "asha");
        var second = UserListQuery.From(q: "milan");
        state.Show(first);
        state.Show(second);
        state.Loaded(first, new UserListPage([Row(1)], 1));
        Assert.True(state.Loading);
        Assert.Empty(state.Page.Rows);
        state.Loaded(second, new UserListPage([Row(2), Row(3)], 2));
        Assert.Equal("2 users", state.CountText);
        Assert.Equal(2, state.Page.Rows[0].Id);
    }

    [Fact]
    public void The_count_says_when_it_stopped_at_the_depth_cap()
    {
        var state = new UserListState();
        var query = new UserListQuery();
        state.Show(query);
        state.Loaded(query, new UserListPage([Row(1)], UserListQuery.MaxDepth + 1));
        Assert.Equal("10,000+ users", state.CountText);
        Assert.Equal("10,000+", state.TotalText);
        state.Show(query with { Page = 2 });
        state.Loaded(query with { Page = 2 }, new UserListPage([Row(1)], 1));
        Assert.Equal("1 user", state.CountText);
        Assert.Null(state.TotalText);
    }

    [Fact]
    public void Empty_text_tells_an_empty_filter_from_an_empty_list()
    {
        var state = new UserListState();
        state.Show(new UserListQuery());
        state.Loaded(new UserListQuery(), new UserListPage([], 0));
        Assert.True(state.ShowsEmpty);
        Assert.Equal("No users yet.", state.EmptyText);
        var filtered = UserListQuery.From(q: "nobody");
        state.Show(filtered);
        state.Loaded(filtered, new UserListPage([], 0));
        Assert.Equal("No user matches these filters.", state.EmptyText);
    }

    [Fact]
    public async Task A_refused_read_leaves_an_empty_list_and_marks_it_denied()
    {
        var state = new UserListState();
        var query = new UserListQuery();
        state.Show(query);
        state.Loaded(query, await state.Gate.ReadAsync<UserListPage>(() => throw new AccessDeniedException("Admins only.")));
        Assert.True(state.Gate.Denied);
        Assert.Empty(state.Page.Rows);
        Assert.False(state.Loading);
    }

    [Theory]
    [InlineData(EntityTypes.User, true)]
    [InlineData(EntityTypes.Role, true)]
    [InlineData(EntityTypes.Product, false)]
    [InlineData(EntityTypes.Ticket, false)]
    public void Users_and_roles_changing_make_it_read_again(string entityType, bool relevant) =>
        Assert.Equal(relevant, UserListState.IsRelevant(new ChangeEvent(entityType, "7", ChangeActions.Updated)));
}
