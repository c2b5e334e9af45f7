using AdminPortal.Features.Brands;
using AdminPortal.Features.Brands.Queue;
using AdminPortal.Features.Creators;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Brands.Queue;

public sealed class BrandQueryServiceTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private BrandTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new BrandTestData(Fixture).SeedAsync();
    }

    private async Task<BrandPage> PageAsync(BrandQueueQuery query)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<BrandQueryService>().GetPageAsync(_data.Moderator, query);
    }

    [Fact]
    public async Task The_queue_holds_brands_with_a_waiting_document_oldest_first()
    {
        var newer = await _data.AddAsync(created: new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc));
        var older = await _data.AddAsync(incorporation: DocumentStatus.Verified, gst: DocumentStatus.Verified,
            created: new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));
        await _data.AddAsync(DocumentStatus.Verified, DocumentStatus.Verified, DocumentStatus.Verified);
        await _data.AddAsync(DocumentStatus.Rejected, DocumentStatus.Verified, DocumentStatus.NotSubmitted);

        var page = await PageAsync(BrandQueueQuery.Default);

        Assert.Equal([older.Id, newer.Id], page.Rows.Select(r => r.Id));
        Assert.Equal(2, page.Total.Value);
    }

    [Fact]
    public async Task Counts_per_state_follow_the_filters()
    {
        await _data.AddAsync(type: CompanyType.Llp);
        await _data.AddAsync(DocumentStatus.Verified, DocumentStatus.Verified, DocumentStatus.Verified, type: CompanyType.Llp);
        await _data.AddAsync(DocumentStatus.Rejected, DocumentStatus.Verified, DocumentStatus.Verified);
        await _data.AddAsync(DocumentStatus.NotSubmitted, DocumentStatus.Verified, DocumentStatus.Verified);
        await using var scope = Scope();
        var service = scope.ServiceProvider.GetRequiredService<BrandQueryService>();

        var all = await service.CountStatesAsync(_data.Moderator, BrandQueueQuery.Default);
        var llp = await service.CountStatesAsync(_data.Moderator, BrandQueueQuery.Default with { CompanyType = CompanyType.Llp });

        Assert.Equal((1, 1, 1, 1, 4), (all["waiting"].Value, all["reupload"].Value, all["verified"].Value, all["incomplete"].Value, all["all"].Value));
        Assert.Equal((1, 0, 1, 2), (llp["waiting"].Value, llp["reupload"].Value, llp["verified"].Value, llp["all"].Value));
    }

    [Fact]
    public async Task The_kept_state_counters_equal_the_filters_counts_for_every_combination_of_document_statuses_and_after_changes()
    {
        var statuses = Enum.GetValues<DocumentStatus>();
        foreach (var i in statuses)
            foreach (var g in statuses)
                foreach (var p in statuses)
                    await _data.AddAsync(i, g, p);
        await using var scope = Scope();
        var service = scope.ServiceProvider.GetRequiredService<BrandQueryService>();
        // a filter that keeps every brand takes the counting path; no filter reads the counters
        var everyBrand = BrandQueueQuery.Default with { SubmittedFrom = new DateOnly(2000, 1, 1) };
        async Task SameAsync()
        {
            var kept = await service.CountStatesAsync(_data.Moderator, BrandQueueQuery.Default);
            var counted = await service.CountStatesAsync(_data.Moderator, everyBrand);
            Assert.Equal(counted.OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Value)), kept.OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Value)));
        }

        await SameAsync();
        Assert.Equal(statuses.Length * statuses.Length * statuses.Length,
            (await service.CountStatesAsync(_data.Moderator, BrandQueueQuery.Default))["all"].Value);
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            // one statement moving many brands between states, then a delete
            await db.Set<Brand>().Where(b => b.PanDocumentStatus == DocumentStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.PanDocumentStatus, DocumentStatus.Verified));
            await db.Set<Brand>().Where(b => b.GstDocumentStatus == DocumentStatus.Rejected).ExecuteDeleteAsync();
        }
        await SameAsync();
    }

    [Fact]
    public async Task Every_filter_narrows_the_queue()
    {
        var fashion = await _data.AddAsync(name: "Saree Studio", niche: _data.Fashion, type: CompanyType.Partnership,
            created: new DateTime(2026, 9, 5, 10, 0, 0, DateTimeKind.Utc), phone: "+91 99887 76655");
        var food = await _data.AddAsync(name: "Masala Works", niche: _data.Food, gst: DocumentStatus.Rejected,
            created: new DateTime(2026, 11, 5, 10, 0, 0, DateTimeKind.Utc));

        Assert.Equal([fashion.Id], (await PageAsync(BrandQueueQuery.Default with { NicheId = _data.Fashion })).Rows.Select(r => r.Id));
        Assert.Equal([fashion.Id], (await PageAsync(BrandQueueQuery.Default with { CompanyType = CompanyType.Partnership })).Rows.Select(r => r.Id));
        Assert.Equal([food.Id], (await PageAsync(BrandQueueQuery.Default with { Document = BrandDocument.Gst, DocumentState = DocumentStatus.Rejected })).Rows.Select(r => r.Id));
        Assert.Equal([food.Id], (await PageAsync(BrandQueueQuery.Default with { DocumentState = DocumentStatus.Rejected })).Rows.Select(r => r.Id));
        Assert.Equal([food.Id], (await PageAsync(BrandQueueQuery.Default with { SubmittedFrom = new DateOnly(2026, 11, 1) })).Rows.Select(r => r.Id));
        Assert.Equal([fashion.Id], (await PageAsync(BrandQueueQuery.Default with { SubmittedTo = new DateOnly(2026, 9, 5) })).Rows.Select(r => r.Id));
        Assert.Equal([food.Id], (await PageAsync(BrandQueueQuery.Default with { Search = "masala" })).Rows.Select(r => r.Id));
        Assert.Equal([fashion.Id], (await PageAsync(BrandQueueQuery.Default with { Search = "Saree Studio Private" })).Rows.Select(r => r.Id));
        Assert.Equal([fashion.Id], (await PageAsync(BrandQueueQuery.Default with { Search = "99887" })).Rows.Select(r => r.Id));
        Assert.Equal([food.Id], (await PageAsync(BrandQueueQuery.Default with { Search = $"founder{food.Id - fashion.Id + 1}@" })).Rows.Select(r => r.Id));
        Assert.Equal("Fashion", (await PageAsync(BrandQueueQuery.Default)).Rows.Single(r => r.Id == fashion.Id).Niches);
    }

    [Fact]
    public async Task The_review_shows_each_document_and_earlier_decisions_from_the_audit_log()
    {
        var brand = await _data.AddAsync(pan: DocumentStatus.NotSubmitted, niche: _data.Food);
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<BrandVerification>().DecideAsync(_data.Moderator2,
            new BrandDocumentDecision(brand.Id, BrandDocument.Gst, false, "Unreadable or blurry scan"));

        var details = (await scope.ServiceProvider.GetRequiredService<BrandQueryService>().GetDetailsAsync(_data.Moderator, brand.Id))!;

        Assert.Equal([BrandTestData.Pdf, BrandTestData.Image, null], details.Documents.Select(d => d.Url));
        Assert.Equal([DocumentStatus.Pending, DocumentStatus.Rejected, DocumentStatus.NotSubmitted], details.Documents.Select(d => d.Status));
        Assert.Equal("Milan Moderator", details.Documents[1].LastDecision?.ActorName);
        var change = Assert.Single(details.History);
        Assert.Equal("Unreadable or blurry scan", change.Reason);
        Assert.Equal(["Food"], details.Niches);
    }

    [Fact]
    public async Task Staff_may_not_read_the_queue()
    {
        await using var scope = Scope();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<BrandQueryService>().GetPageAsync(_data.Staff, BrandQueueQuery.Default));
    }

    [Fact]
    public async Task A_brand_document_is_served_only_to_a_verifier_and_only_when_a_brand_holds_it()
    {
        await _data.AddAsync();
        await using var scope = Scope();
        var media = scope.ServiceProvider.GetServices<IMediaScope>().Single(s => s.Area == "brands");

        Assert.True(await media.AllowsAsync(_data.Moderator, BrandTestData.Pdf, default));
        Assert.False(await media.AllowsAsync(_data.Moderator, "/assets/brands/someone-else.pdf", default));
        Assert.False(await media.AllowsAsync(_data.Staff, BrandTestData.Pdf, default));
    }
}
