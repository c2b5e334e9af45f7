using AdminPortal.Features.Products;
using AdminPortal.Features.Products.Queue;
using AdminPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Products.Queue;

public sealed class ProductQueryServiceTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private ProductTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new ProductTestData(Fixture).SeedAsync();
    }

    private async Task<ProductPage> PageAsync(ProductQueueQuery query)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ProductQueryService>().GetPageAsync(_data.Moderator, query);
    }

    [Fact]
    public async Task The_queue_opens_on_suggestions_oldest_first()
    {
        var newer = await _data.AddAsync(created: new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc));
        var older = await _data.AddAsync(created: new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc));
        await _data.AddAsync(PublishingStatus.Published);

        var page = await PageAsync(ProductQueueQuery.Parse(""));

        Assert.Equal([older.Id, newer.Id], page.Rows.Select(r => r.Id));
        Assert.Equal("2", page.Total.ToString());
        Assert.Equal("Anu Crafts", page.Rows[0].VendorName);
        Assert.Equal(20, page.Rows[0].Discount, 3);
    }

    [Fact]
    public async Task Each_filter_narrows_the_queue()
    {
        var match = await _data.AddAsync(title: "Brass lamp", vendor: _data.VendorB, cause: Cause.SustainableFashion,
            price: 500, created: new DateTime(2026, 11, 10, 8, 0, 0, DateTimeKind.Utc), description: "Cast by hand in Moradabad");
        await _data.AddAsync(title: "Clay pot", price: 500, created: new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc));
        await _data.AddAsync(title: "Silk scarf", vendor: _data.VendorB, price: 950, created: new DateTime(2026, 11, 12, 0, 0, 0, DateTimeKind.Utc));

        ProductQueueQuery[] filters =
        [
            new() { Cause = Cause.SustainableFashion },
            new() { VendorId = _data.VendorB, MaxPrice = 600 },
            new() { MinPrice = 400, MaxPrice = 600, Search = "brass" },
            new() { Search = "moradabad" },   // description
            new() { SubmittedFrom = new DateOnly(2026, 11, 10), SubmittedTo = new DateOnly(2026, 11, 10), VendorId = _data.VendorB },
        ];
        foreach (var filter in filters)
            Assert.Equal([match.Id], (await PageAsync(filter)).Rows.Select(r => r.Id));
        Assert.Equal(3, (await PageAsync(new() { Search = "br" })).Rows.Count);   // too short to search: ignored
    }

    [Fact]
    public async Task Sorts_by_any_column_and_pages_on_the_server()
    {
        var cheap = await _data.AddAsync(title: "B", price: 100);
        var dear = await _data.AddAsync(title: "A", price: 900);
        var mid = await _data.AddAsync(title: "C", price: 500);

        Assert.Equal([dear.Id, mid.Id, cheap.Id],
            (await PageAsync(new() { Sort = ProductSort.SellingPrice, Descending = true })).Rows.Select(r => r.Id));
        Assert.Equal([dear.Id, cheap.Id, mid.Id], (await PageAsync(new() { Sort = ProductSort.Title })).Rows.Select(r => r.Id));
        var second = await PageAsync(new() { Sort = ProductSort.Title, Page = 2, PageSize = 10 });
        Assert.Empty(second.Rows);
        Assert.Equal([cheap.Id], (await PageAsync(new() { Sort = ProductSort.Discount, Descending = true, PageSize = 10 })).Rows.Take(1).Select(r => r.Id));
    }

    [Fact]
    public async Task Sorts_by_vendor_name_either_way()
    {
        var bala = await _data.AddAsync(vendor: _data.VendorB, created: new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        var anuLater = await _data.AddAsync(created: new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc));
        var anu = await _data.AddAsync(created: new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal([anu.Id, anuLater.Id, bala.Id], (await PageAsync(new() { Sort = ProductSort.Vendor })).Rows.Select(r => r.Id));
        Assert.Equal([bala.Id, anu.Id, anuLater.Id],
            (await PageAsync(new() { Sort = ProductSort.Vendor, Descending = true })).Rows.Select(r => r.Id));
        Assert.Equal([bala.Id], (await PageAsync(new() { Sort = ProductSort.Vendor, PageSize = 2, Page = 2 })).Rows.Select(r => r.Id));
    }

    [Fact]
    public void Pages_stop_at_the_depth_cap()
    {
        Assert.Equal(200, ProductQueueQuery.Parse("?page=900&size=50").Page);
        Assert.Equal(400, ProductQueueQuery.Parse("?page=100000").Page);
        Assert.Equal(9_950, new ProductQueueQuery { Page = 5_000, PageSize = 50 }.Offset);
        Assert.Equal(50, new ProductQueueQuery { Page = 2, PageSize = 50 }.Offset);
    }

    [Fact]
    public async Task The_tabs_count_each_status_under_the_filters()
    {
        await _data.AddAsync();
        await _data.AddAsync(cause: Cause.SustainableFashion);
        await _data.AddAsync(PublishingStatus.Rejected);
        await _data.AddAsync(PublishingStatus.Published, cause: Cause.SustainableFashion);
        await using var scope = Scope();
        var queries = scope.ServiceProvider.GetRequiredService<ProductQueryService>();

        var all = await queries.CountTabsAsync(_data.Moderator, ProductQueueQuery.Default);
        Assert.Equal(("2", "0", "1", "1", "4"), (all["suggestion"].ToString(), all["draft"].ToString(),
            all["published"].ToString(), all["rejected"].ToString(), all["all"].ToString()));

        var fashion = await queries.CountTabsAsync(_data.Moderator, ProductQueueQuery.Default with { Cause = Cause.SustainableFashion });
        Assert.Equal(("1", "1", "2"), (fashion["suggestion"].ToString(), fashion["published"].ToString(), fashion["all"].ToString()));
    }

    [Theory]
    [InlineData(10_000, CountKind.Exact, "10,000")]
    [InlineData(10_000, CountKind.AtLeast, "10,000+")]
    [InlineData(1_234_567, CountKind.About, "about 1.2M")]
    [InlineData(45_600, CountKind.About, "about 45.6K")]
    public void Counts_read_as_a_person_would_say_them(long value, CountKind kind, string expected) =>
        Assert.Equal(expected, new CountEstimate(value, kind).ToString());

    [Fact]
    public void The_view_survives_a_round_trip_through_the_url()
    {
        var view = new ProductQueueQuery
        {
            Status = null, Cause = Cause.GriefCare, VendorId = 42, MinPrice = 10.5, MaxPrice = 900,
            SubmittedFrom = new DateOnly(2026, 1, 2), SubmittedTo = new DateOnly(2026, 3, 4), Search = "lamp & pot",
            Sort = ProductSort.Vendor, Descending = true, Page = 3, PageSize = 50,
        };

        Assert.Equal(view, ProductQueueQuery.Parse(view.ToQueryString()));
        Assert.Equal("", ProductQueueQuery.Default.ToQueryString());
        Assert.Equal(ProductQueueQuery.Default, ProductQueueQuery.Parse("?page=-4&size=7&sort=nonsense&status=zzz"));
    }

    [Fact]
    public async Task The_details_show_the_vendors_record_and_the_products_decisions()
    {
        var product = await _data.AddAsync(PublishingStatus.Rejected);
        await _data.AddAsync(PublishingStatus.Published);
        await _data.AddAsync(PublishingStatus.Published);
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<ProductModeration>()
            .DecideAsync(_data.Admin, new ProductDecision(product.Id, ModerationAction.Reopen, Reason: "Vendor sent new photos"));

        var details = await scope.ServiceProvider.GetRequiredService<ProductQueryService>().GetDetailsAsync(_data.Moderator, product.Id);

        Assert.NotNull(details);
        Assert.Equal(("Anu Crafts", 2, 0), (details.Vendor.Name, details.Vendor.Approved, details.Vendor.Rejected));
        var decision = Assert.Single(details.History);
        Assert.Equal(("Asha Admin", "product.reopen", "Vendor sent new photos"), (decision.ActorName, decision.Action, decision.Reason));
    }
}
