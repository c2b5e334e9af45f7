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
        name == "page" ? value : null, name == "size" ? value : null);

    [Fact]
    public void A_view_survives_a_round_trip_through_the_query_string_and_the_typed_parameters()
    {
        var view = new ProductQueueQuery
        {
            Status = PublishingStatus.Rejected, Cause = Cause.SustainableTourism, VendorId = 7, MinPrice = 0.5, MaxPrice = 12_000,
            SubmittedFrom = new DateOnly(2026, 2, 28), SubmittedTo = new DateOnly(2026, 12, 31), Search = "brass & clay",
            Sort = ProductSort.Discount, Descending = true, Page = 4, PageSize = 100,
        };

        var text = view.ToQueryString();

        Assert.Equal(view, ProductQueueQuery.Parse(text));
        Assert.Contains("status=rejected", text, StringComparison.Ordinal);
        Assert.Contains("from=2026-02-28", text, StringComparison.Ordinal);
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
    [InlineData("page", "-1")]
    [InlineData("page", "0")]
    [InlineData("page", "two")]
    [InlineData("size", "7")]
    [InlineData("size", "1000000")]
    public void A_hostile_value_gives_the_default_view(string name, string value) =>
        Assert.Equal(ProductQueueQuery.Default, Only(name, value));

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
