using AdminPortal.Data;
using AdminPortal.Features.Users.List;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;

namespace AdminPortal.Tests.Features.Users.List;

/// <summary>The users list's URL: it round-trips, and hostile values fall back to defaults or clamp, never throw.</summary>
public sealed class UserListQueryTests
{
    [Fact]
    public void A_query_round_trips_through_its_query_string()
    {
        var query = new UserListQuery("priya 100%", PortalRoles.Moderator, PlatformUserStatus.Inactive, PlatformType.DeedO,
            DeletedFilter.Deleted, UserSort.LastLogin, 7, 50);
        Assert.Equal(query, UserListQuery.Parse(query.ToQueryString()));
        Assert.Equal("?status=verified&page=2", new UserListQuery(Status: PlatformUserStatus.Verified, Page: 2).ToQueryString());
    }

    [Fact]
    public void The_defaults_make_an_empty_query_string()
    {
        Assert.Equal("", new UserListQuery().ToQueryString());
        Assert.Equal(new UserListQuery(), UserListQuery.Parse(""));
        Assert.Equal(new UserListQuery(), UserListQuery.From());
    }

    [Fact]
    public void Hostile_values_fall_back_to_defaults_or_clamp()
    {
        var query = UserListQuery.Parse("?status=9651&page=-5&size=100000&sort=junk&deleted=%27;drop&platform=-1&q=%20%20");
        Assert.Equal(new UserListQuery(), query);
        Assert.Null(UserListQuery.From(status: "1").Status);   // a number is never a status
        Assert.Equal(ListDepth.LastPage(25), UserListQuery.From(page: "2147483647").Page);
        Assert.Equal(1, UserListQuery.From(page: "99999999999999999999").Page);
        Assert.Equal(UserListQuery.DefaultPageSize, UserListQuery.From(size: "7").PageSize);
        Assert.Equal(QueryValuesMax, UserListQuery.From(q: new string('a', 5000)).Search!.Length);
    }

    [Fact]
    public void Seed_spellings_and_names_both_read()
    {
        Assert.Equal(PlatformUserStatus.NotVerified, UserListQuery.From(status: "not-verified").Status);
        Assert.Equal(PlatformUserStatus.NotVerified, UserListQuery.From(status: "NotVerified").Status);
        Assert.Equal(PlatformType.CauseI, UserListQuery.From(platform: "cause-i").Platform);
    }

    [Fact]
    public void A_header_click_sorts_by_its_column_and_flips_the_registered_column()
    {
        var query = new UserListQuery(Page: 4);
        Assert.Equal(new UserListQuery(Sort: UserSort.Oldest), query.SortedBy(UserSort.Newest));
        Assert.Equal(UserSort.Newest, query.SortedBy(UserSort.Newest).SortedBy(UserSort.Newest).Sort);
        Assert.Equal(UserSort.Newest, (query with { Sort = UserSort.Name }).SortedBy(UserSort.Newest).Sort);
        Assert.Equal(new UserListQuery(Sort: UserSort.Email), query.SortedBy(UserSort.Email));
    }

    [Fact]
    public void The_export_form_keeps_the_filters_and_starts_at_the_first_row()
    {
        Assert.Equal([new("role", "Staff"), new("sort", "email")],
            new UserListQuery(Role: PortalRoles.Staff, Sort: UserSort.Email, Page: 9).ExportFields);
        Assert.Equal(new UserListQuery(Role: PortalRoles.Staff, Sort: UserSort.Email, PageSize: 50),
            UserListQuery.FromForm(name => name switch { "role" => "Staff", "sort" => "email", "page" => "9", "size" => "50", _ => null }));
    }

    private const int QueryValuesMax = AdminPortal.Shared.QueryValues.MaxTextLength;
}
