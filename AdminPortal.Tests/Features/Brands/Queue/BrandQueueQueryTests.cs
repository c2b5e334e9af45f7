using AdminPortal.Features.Brands;
using AdminPortal.Features.Brands.Queue;
using AdminPortal.Features.Creators;

namespace AdminPortal.Tests.Features.Brands.Queue;

public sealed class BrandQueueQueryTests
{
    [Fact]
    public void A_view_survives_the_round_trip_through_the_url()
    {
        var view = new BrandQueueQuery
        {
            State = null, CompanyType = CompanyType.Llp, NicheId = 4, Document = BrandDocument.Pan,
            DocumentState = DocumentStatus.Rejected, SubmittedFrom = new DateOnly(2026, 1, 2), SubmittedTo = new DateOnly(2026, 3, 4),
            Search = "masala", Sort = BrandSort.Name, Descending = true, Page = 3, PageSize = 50,
        };

        Assert.Equal(view, BrandQueueQuery.Parse(view.ToQueryString()));
        Assert.Equal("", BrandQueueQuery.Default.ToQueryString());
    }

    [Theory]
    [InlineData("?state=9651&type=1&niche=-3&doc=x&docstate=2&from=2026-13-01&page=99999999&size=7")]
    [InlineData("?state=waiting,verified&q=%00%01")]
    public void Hostile_values_fall_back_to_the_default(string url)
    {
        var view = BrandQueueQuery.Parse(url);

        Assert.Equal(BrandState.Waiting, view.State);
        Assert.Null(view.CompanyType);
        Assert.Null(view.NicheId);
        Assert.Null(view.Document);
        Assert.Null(view.DocumentState);
        Assert.Null(view.SubmittedFrom);
        Assert.Null(view.Search);
        Assert.Equal(BrandQueueQuery.DefaultPageSize, view.PageSize);
        Assert.InRange(view.Page, 1, 400);
    }
}
