using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AdminPortal.Features.Users.List;

namespace AdminPortal.Tests.Features.Users.List;

public sealed class UserListTests(PostgresFixture fixture) : UsersTestBase(fixture)
{
    private T Service<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task AddPlatformUserAsync(string email, string name, string phone, PlatformUserStatus status, bool deleted = false)
    {
        await using var db = await DbAsync();
        db.Users.Add(new PortalUser
        {
            UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
            Name = name, PhoneNumber = phone, Status = status, RegistrationPlatform = PlatformType.Dobe,
            DeletedAt = deleted ? DateTime.UtcNow : null, SecurityStamp = "s",
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_list_searches_email_name_and_phone_and_filters_by_role_status_platform_deleted()
    {
        await AddPlatformUserAsync("priya_shah@example.org", "Priya Shah", "+91 98765 43210", PlatformUserStatus.Verified);
        await AddPlatformUserAsync("ravi@example.org", "Ravi 100% Kumar", "+91 91234 00000", PlatformUserStatus.Inactive, deleted: true);
        var admin = await AdminAsync();
        var list = Service<UserQueryService>();
        async Task<string[]> Emails(UserListQuery q) => (await list.ListAsync(admin, q)).Rows.Select(r => r.Email).ToArray();
        Assert.Equal(["priya_shah@example.org"], await Emails(new(Search: "SHAH")));
        Assert.Equal(["priya_shah@example.org"], await Emails(new(Search: "98765")));
        Assert.Empty(await Emails(new(Search: "priya%shah"))); // wildcards are literal
        Assert.Equal(["priya_shah@example.org"], await Emails(new(Search: "priya_shah")));
        Assert.Empty(await Emails(new(Search: "ravi")));
        Assert.Equal(["ravi@example.org"], await Emails(new(Search: "100%", Deleted: DeletedFilter.Deleted)));
        Assert.Equal(["ravi@example.org"], await Emails(new(Status: PlatformUserStatus.Inactive, Deleted: DeletedFilter.All)));
        Assert.Equal(["priya_shah@example.org"], await Emails(new(Platform: PlatformType.Dobe)));
        Assert.Equal(["moderator2@adminportal.demo", "moderator@adminportal.demo"], await Emails(new(Role: PortalRoles.Moderator, Sort: UserSort.Email)));
        var page = await list.ListAsync(admin, new(PageSize: 10, Page: 1));
        Assert.Equal(6, page.Total); // five demo accounts and Priya; Ravi is deleted
        var moderator = As(await IdOf("moderator@adminportal.demo"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => list.ListAsync(moderator, new()));
    }

    [Fact]
    public async Task A_page_that_is_not_full_gives_the_total_and_a_full_one_counts()
    {
        for (var i = 0; i < 8; i++)
            await AddPlatformUserAsync($"pager{i}@example.org", $"Pager {i}", $"+91 90000 0000{i}", PlatformUserStatus.Verified);
        var admin = await AdminAsync();
        var list = Service<UserQueryService>();

        var search = await list.ListAsync(admin, new(Search: "pager", PageSize: 10));
        var full = await list.ListAsync(admin, new(PageSize: 10));
        var last = await list.ListAsync(admin, new(PageSize: 10, Page: 2));
        var past = await list.ListAsync(admin, new(Search: "pager", PageSize: 10, Page: 3));

        Assert.Equal(8, search.Total);
        Assert.Equal(13, full.Total);   // five demo accounts and the eight
        Assert.Equal(10, full.Rows.Count);
        Assert.Equal((3, 13), (last.Rows.Count, last.Total));
        Assert.Equal((0, 8), (past.Rows.Count, past.Total));   // past the end: counted
    }

    [Fact]
    public async Task Filters_round_trip_through_the_url()
    {
        var query = new UserListQuery("a b", PortalRoles.Staff, PlatformUserStatus.NotVerified, PlatformType.CauseI, DeletedFilter.All, UserSort.Name, 3);
        var back = UserListQuery.Parse(query.ToQueryString());
        Assert.Equal(query, back);
        Assert.Equal("q=a b,role=Staff,status=not-verified,platform=cause-i,deleted=all,sort=name",
            string.Join(",", query.ExportFields.Select(f => $"{f.Key}={f.Value}")));
        var fields = query.ExportFields.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(query with { Page = 1 }, UserListQuery.FromForm(fields.GetValueOrDefault));
    }

    [Fact]
    public void Pages_stop_at_the_depth_cap_and_totals_past_it_read_as_capped()
    {
        var deep = UserListQuery.From(page: "900", size: "50");
        Assert.Equal(200, deep.Page);
        Assert.Equal(9_950, new UserListQuery(Page: 5_000, PageSize: 50).Offset);
        Assert.Equal(50, new UserListQuery(Page: 2, PageSize: 50).Offset);
        Assert.True(new UserListPage([], UserListQuery.MaxDepth + 1).TotalIsCapped);
        Assert.False(new UserListPage([], UserListQuery.MaxDepth).TotalIsCapped);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+91 98765", "'+91 98765")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData(null, "")]
    public void Csv_cells_are_quoted_and_formula_safe(string? value, string expected) =>
        Assert.Equal(expected, UsersExport.Cell(value));
}
