using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;

namespace AdminPortal.Tests.Features.Products.Queue;

/// <summary>The queue's view in the URL: a round trip, and hostile values that fall back or clamp, never throw.</summary>
public sealed class ProductQueueQueryTests
{
    private static ProductQueueQuery Only(string name, string? value) => ProductQueueQuery.From(
        name == "status" ? value : null, name == "cause" ? value : null, name == "vendor" ? value : null,
        name == "min" ? value : null, name == "max" ? value : null, name == "from" ? value : null, name == "to" ? value : null,
        name == "q" ? value : null, name == "sort" ? value : null, name == "desc" ? value : null,
        name == "page" ? value : null, name == "size" ? value : null, name == "decided" ? value : null);

    [Fact]
    public void A_view_survives_a_round_trip_through_the_query_string_and_the_typed_parameters()
    {
        var view = new ProductQueueQuery
        {
            Status = PublishingStatus.Rejected, Cause = Cause.SustainableTourism, VendorId = 7, MinPrice = 0.5, MaxPrice = 12_000,
            SubmittedFrom = new DateOnly(2026, 2, 28), SubmittedTo = new DateOnly(2026, 12, 31), Search = "brass & clay",
            Sort = ProductSort.Discount, Descending = true, Page = 4, PageSize = 100, Decided = DecidedWindow.Week,
        };

        var text = view.ToQueryString();

        Assert.Equal(view, ProductQueueQuery.Parse(text));
        Assert.Contains("status=rejected", text, StringComparison.Ordinal);
        Assert.Contains("from=2026-02-28", text, StringComparison.Ordinal);
        Assert.Contains("decided=week", text, StringComparison.Ordinal);
        Assert.Equal("?status=all", (ProductQueueQuery.Default with { Status = null }).ToQueryString());
        Assert.Null(ProductQueueQuery.Parse("?status=all").Status);
        Assert.Equal(ProductQueueQuery.Default, ProductQueueQuery.From(null, null, null, null, null, null, null, null, null, null, null, null));
    }

    [Theory]
    [InlineData("status", "9651")]
    [InlineData("status", "-1")]
    [InlineData("status", "published,rejected")]
    [InlineData("cause", "42")]
    [InlineData("vendor", "abc")]
    [InlineData("vendor", "-3")]
    [InlineData("min", "NaN")]
    [InlineData("min", "-5")]
    [InlineData("max", "Infinity")]
    [InlineData("max", "1e400")]
    [InlineData("from", "2026-13-45")]
    [InlineData("to", "yesterday")]
    [InlineData("q", "   ")]
    [InlineData("sort", "9")]
    [InlineData("sort", "price; drop table")]
    [InlineData("desc", "maybe")]
    [InlineData("decided", "yesterday")]
    [InlineData("decided", "1")]
    [InlineData("decided", "today,week")]
    [InlineData("decided", "me")]
    [InlineData("page", "-1")]
    [InlineData("page", "0")]
    [InlineData("page", "two")]
    [InlineData("size", "7")]
    [InlineData("size", "1000000")]
    public void A_hostile_value_gives_the_default_view(string name, string value) =>
        Assert.Equal(ProductQueueQuery.Default, Only(name, value));

    [Theory]
    [InlineData("?status=all&decided=today", DecidedWindow.Today)]
    [InlineData("?status=all&decided=WEEK", DecidedWindow.Week)]
    public void Decided_by_me_reads_today_or_week_and_is_a_filter_the_clear_button_removes(string url, DecidedWindow expected)
    {
        var view = ProductQueueQuery.Parse(url);
        Assert.Equal((null, expected), (view.Status, view.Decided));
        Assert.True(view.HasFilters);
        Assert.Null(view.WithoutFilters().Decided);
        Assert.Null(view.WithoutFilters().Status);   // the tab stays
        Assert.Equal("?status=all&decided=" + expected.ToString().ToLowerInvariant(), view.ToQueryString());
    }

    [Theory]
    [InlineData("2026-11-23T09:00:00Z", "2026-11-23T00:00:00Z", "2026-11-23T00:00:00Z")]   // a Monday
    [InlineData("2026-11-29T23:59:59Z", "2026-11-29T00:00:00Z", "2026-11-23T00:00:00Z")]   // the Sunday after it
    [InlineData("2026-12-02T15:00:00Z", "2026-12-02T00:00:00Z", "2026-11-30T00:00:00Z")]   // a Wednesday
    public void Decided_by_me_starts_at_midnight_utc_of_today_or_of_this_weeks_monday(string now, string today, string week)
    {
        var utcNow = DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        DateTime At(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(At(today), DecidedBy.Start(DecidedWindow.Today, utcNow));
        Assert.Equal(At(week), DecidedBy.Start(DecidedWindow.Week, utcNow));
        var day = DateOnly.FromDateTime(utcNow);
        Assert.Equal(AdminPortal.Features.Dashboard.DashboardDays.WeekStart(day), DateOnly.FromDateTime(DecidedBy.Start(DecidedWindow.Week, utcNow)));
    }

    [Fact]
    public void Status_9651_opens_the_default_tab() =>
        Assert.Equal(PublishingStatus.Suggestion, ProductQueueQuery.Parse("?status=9651").Status);

    [Theory]
    [InlineData("99999999", null, 400)]
    [InlineData("2147483648", null, 1)]   // not even an int: unreadable, the first page
    [InlineData("99999999", "100", 100)]
    [InlineData("3", "10", 3)]
    public void Deep_pages_clamp_to_the_depth_cap(string page, string? size, int expected)
    {
        var query = ProductQueueQuery.From(null, null, null, null, null, null, null, null, null, null, page, size);
        Assert.Equal(expected, query.Page);
        Assert.True(query.Offset <= ProductQueueQuery.MaxDepth);
    }

    [Fact]
    public void Search_text_is_trimmed_and_bounded()
    {
        Assert.Equal("lamp", Only("q", "  lamp \u0001 ").Search);
        Assert.Equal(200, Only("q", new string('x', 5000)).Search!.Length);
    }

    [Fact]
    public void Sorting_by_a_column_starts_ascending_and_flips_on_the_second_click()
    {
        var byPrice = ProductQueueQuery.Default with { Page = 3 };
        var first = byPrice.SortedBy(ProductSort.SellingPrice);
        Assert.Equal((ProductSort.SellingPrice, false, 1), (first.Sort, first.Descending, first.Page));
        Assert.True(first.SortedBy(ProductSort.SellingPrice).Descending);
        Assert.False(first.SortedBy(ProductSort.Title).Descending);
    }
}
