using AdminPortal.Features.Vendors;
using AdminPortal.Features.Vendors.List;
using AdminPortal.Features.Vendors.Subscriptions;
using AdminPortal.Features.Vendors.VendorScreen;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Vendors;

public sealed class VentaQueryTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private VentaTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new VentaTestData(Fixture).SeedAsync();
    }

    private async Task<IReadOnlyList<string>> VendorsAsync(VendorListQuery query)
    {
        await using var scope = Scope();
        return (await scope.ServiceProvider.GetRequiredService<VendorQueryService>().GetPageAsync(_data.Moderator, query)).Rows.Select(r => r.Name).ToList();
    }

    [Fact]
    public async Task Vendors_are_found_by_name_owner_and_email_and_filtered_by_state_subscription_and_integration()
    {
        var asha = await _data.OwnerAsync("Asha Rao");
        var bala = await _data.OwnerAsync("Bala Krishnan");
        var chitra = await _data.OwnerAsync("Chitra Menon");
        var dosa = await _data.VendorAsync(asha, "Dosa Corner");
        await _data.VendorAsync(bala, "Chai Point", open: false);
        await _data.VendorAsync(chitra, "Kulfi Cart");
        await _data.SubscriptionAsync(asha, end: _data.Now.AddDays(10));
        await _data.SubscriptionAsync(bala, SubscriptionStatus.Expired, _data.Now.AddDays(-10));
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            db.Add(new Integration { Service = IntegrationService.Algolia, ExternalId = "vendor_x", InternalId = dosa.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await db.SaveChangesAsync();
        }

        Assert.Equal(["Chai Point", "Dosa Corner", "Kulfi Cart"], await VendorsAsync(VendorListQuery.Default));
        Assert.Equal(["Dosa Corner"], await VendorsAsync(VendorListQuery.Default with { Search = "dosa" }));
        Assert.Equal(["Chai Point"], await VendorsAsync(VendorListQuery.Default with { Search = "krishnan" }));
        Assert.Equal(["Kulfi Cart"], await VendorsAsync(VendorListQuery.Default with { Search = "kulficart@" }));
        Assert.Equal(["Chai Point"], await VendorsAsync(VendorListQuery.Default with { Open = false }));
        Assert.Equal(["Dosa Corner"], await VendorsAsync(VendorListQuery.Default with { Subscription = OwnerSubscription.Active }));
        Assert.Equal(["Chai Point"], await VendorsAsync(VendorListQuery.Default with { Subscription = OwnerSubscription.Lapsed }));
        Assert.Equal(["Kulfi Cart"], await VendorsAsync(VendorListQuery.Default with { Subscription = OwnerSubscription.None }));
        Assert.Equal(["Dosa Corner"], await VendorsAsync(VendorListQuery.Default with { Integration = VendorIntegration.Algolia }));
        Assert.Equal(["Chai Point", "Kulfi Cart"], await VendorsAsync(VendorListQuery.Default with { Integration = VendorIntegration.None }));
    }

    [Fact]
    public async Task The_owner_numbers_the_triggers_keep_equal_a_count_from_scratch_after_every_kind_of_change()
    {
        var asha = await _data.OwnerAsync("Asha Rao");
        var bala = await _data.OwnerAsync("Bala Krishnan");
        var chitra = await _data.OwnerAsync("Chitra Menon");
        var dosa = await _data.VendorAsync(asha, "Dosa Corner");
        var chai = await _data.VendorAsync(bala, "Chai Point");
        await _data.VendorAsync(chitra, "Kulfi Cart");
        var active = await _data.SubscriptionAsync(asha);
        await _data.SubscriptionAsync(asha, SubscriptionStatus.Cancelled);
        var bs = await _data.SubscriptionAsync(bala);
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            // a status change, an owner change of a vendor, a vendor deleted, several rows in one statement, a user deleted
            await db.Set<Subscription>().Where(s => s.Id == active.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubscriptionStatus.Expired));
            await db.Set<Vendor>().Where(v => v.Id == chai.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.UserId, chitra));
            await db.Set<Vendor>().Where(v => v.Id == dosa.Id).ExecuteDeleteAsync();
            await db.Set<Subscription>().Where(s => s.UserId == asha || s.Id == bs.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubscriptionStatus.Active));
            await db.Users.Where(u => u.Id == bala).ExecuteDeleteAsync();
        }

        var kept = await OwnerNumbersAsync();
        Assert.Equal([(asha, 0, 2, 2), (chitra, 2, 0, 0)], kept);   // Bala's row went with Bala; Asha keeps her subscriptions
        await using (var db = await Fixture.CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync(AdminPortal.Data.Rollups.VendorOwnerSql.Rebuild);
        Assert.Equal(kept, await OwnerNumbersAsync());
        Assert.Equal(["Chai Point", "Kulfi Cart"], await VendorsAsync(VendorListQuery.Default with { Subscription = OwnerSubscription.None }));
        Assert.Empty(await VendorsAsync(VendorListQuery.Default with { Subscription = OwnerSubscription.Lapsed }));
    }

    [Fact]
    public async Task Vendors_without_an_integration_follow_integrations_added_moved_and_removed_and_equal_a_recount()
    {
        var asha = await _data.OwnerAsync("Asha Rao");
        var dosa = await _data.VendorAsync(asha, "Dosa Corner");
        var chai = await _data.VendorAsync(asha, "Chai Point");
        await _data.VendorAsync(asha, "Kulfi Cart");
        string Key(Vendor v) => v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            db.AddRange(
                new Integration { Service = IntegrationService.Algolia, ExternalId = "a1", InternalId = Key(dosa) },
                new Integration { Service = IntegrationService.Cloudinary, ExternalId = "c1", InternalId = Key(dosa) },
                new Integration { Service = IntegrationService.Clerk, ExternalId = "u1", InternalId = Key(chai) },   // a Clerk row names a user: not the vendor's
                new Integration { Service = IntegrationService.Algolia, ExternalId = "junk", InternalId = "not-a-number" });
            await db.SaveChangesAsync();
        }
        var none = VendorListQuery.Default with { Integration = VendorIntegration.None };
        Assert.Equal(["Chai Point", "Kulfi Cart"], await VendorsAsync(none));

        await using (var db = await Fixture.CreateDbContextAsync())
        {
            // Dosa's Algolia row moves to Chai; Dosa keeps Cloudinary until it is removed
            await db.Set<Integration>().Where(i => i.ExternalId == "a1").ExecuteUpdateAsync(u => u.SetProperty(i => i.InternalId, Key(chai)));
            Assert.Equal(["Kulfi Cart"], await VendorsAsync(none));
            Assert.Equal(["Chai Point"], await VendorsAsync(VendorListQuery.Default with { Integration = VendorIntegration.Algolia }));
            Assert.Equal(["Dosa Corner"], await VendorsAsync(VendorListQuery.Default with { Integration = VendorIntegration.Cloudinary }));
            await db.Set<Integration>().Where(i => i.ExternalId == "c1").ExecuteDeleteAsync();
            Assert.Empty(await VendorsAsync(VendorListQuery.Default with { Integration = VendorIntegration.Cloudinary }));
            Assert.Equal(["Dosa Corner", "Kulfi Cart"], await VendorsAsync(none));
            var kept = await db.Database.SqlQueryRaw<int>("SELECT vendor_id * 100 + algolia * 10 + cloudinary AS \"Value\" FROM reporting.vendor_integrations ORDER BY 1").ToListAsync();
            await db.Database.ExecuteSqlRawAsync(AdminPortal.Data.Rollups.VendorIntegrationSql.Rebuild);
            Assert.Equal(kept, await db.Database.SqlQueryRaw<int>("SELECT vendor_id * 100 + algolia * 10 + cloudinary AS \"Value\" FROM reporting.vendor_integrations ORDER BY 1").ToListAsync());
        }
    }

    private async Task<List<(int User, int Vendors, int Subscriptions, int Active)>> OwnerNumbersAsync()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var rows = await db.Database.SqlQueryRaw<OwnerNumbers>(
            "SELECT user_id AS \"User\", vendors AS \"Vendors\", subscriptions AS \"Subscriptions\", active AS \"Active\" FROM reporting.vendor_owners ORDER BY user_id").ToListAsync();
        return rows.Select(r => (r.User, r.Vendors, r.Subscriptions, r.Active)).ToList();
    }

    private sealed record OwnerNumbers(int User, int Vendors, int Subscriptions, int Active);

    [Fact]
    public async Task The_vendor_page_has_the_trail_newest_first_the_integrations_and_the_owners_other_vendors()
    {
        var owner = await _data.OwnerAsync("Farah Khan");
        var one = await _data.VendorAsync(owner, "Falafel One", points: 5);
        await _data.VendorAsync(owner, "Falafel Two");
        await using var scope = Scope();

        var details = (await scope.ServiceProvider.GetRequiredService<VendorDetailsService>().GetAsync(_data.Moderator, one.Id))!;

        Assert.Equal(5, details.Trail.Count);
        Assert.True(details.Trail.Zip(details.Trail.Skip(1)).All(p => p.First.At > p.Second.At));
        Assert.Equal(["Falafel Two"], details.OtherVendors.Select(v => v.Name));
        var plot = TrailPlot.Of(details.Trail)!;
        Assert.Equal(5, plot.Polyline.Split(' ').Length);
        Assert.Null(TrailPlot.Of([]));
    }

    [Fact]
    public async Task Subscriptions_expiring_within_n_days_and_expired_but_still_active()
    {
        var owner = await _data.OwnerAsync("Gita Iyer");
        var soon = await _data.SubscriptionAsync(owner, end: _data.Now.AddDays(3));
        var later = await _data.SubscriptionAsync(owner, end: _data.Now.AddDays(40));
        var overdue = await _data.SubscriptionAsync(owner, end: _data.Now.AddDays(-2));
        await _data.SubscriptionAsync(owner, SubscriptionStatus.Expired, _data.Now.AddDays(-5));
        await using var scope = Scope();
        var service = scope.ServiceProvider.GetRequiredService<SubscriptionQueryService>();
        async Task<int[]> Ids(SubscriptionListQuery q) => (await service.GetPageAsync(_data.Admin, q)).Rows.Select(r => r.Id).ToArray();

        Assert.Equal([soon.Id], await Ids(SubscriptionListQuery.Default with { ExpiringWithin = 7 }));
        Assert.Equal([soon.Id, later.Id], await Ids(SubscriptionListQuery.Default with { ExpiringWithin = 90 }));
        Assert.Equal([overdue.Id], await Ids(SubscriptionListQuery.Default with { Overdue = true }));
        Assert.Equal(3, (await Ids(SubscriptionListQuery.Default with { Status = SubscriptionStatus.Active })).Length);
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetPageAsync(_data.Moderator, SubscriptionListQuery.Default));

        await Services.GetRequiredService<SubscriptionExpiryPass>().RunOnceAsync();
        var record = await service.ExpiryRecordAsync(_data.Admin);
        Assert.Equal(1, record.LastDay);
        Assert.Equal(overdue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(record.Latest).SubscriptionId);
    }

    [Fact]
    public void List_views_survive_the_url_and_hostile_values_fall_back()
    {
        var vendors = new VendorListQuery { Search = "dosa", Open = false, Subscription = OwnerSubscription.Lapsed, Integration = VendorIntegration.Clerk, Sort = VendorSort.Created, Descending = true, Page = 2, PageSize = 50 };
        Assert.Equal(vendors, VendorListQuery.Parse(vendors.ToQueryString()));
        var subs = new SubscriptionListQuery { Status = SubscriptionStatus.Active, Provider = SubscriptionProvider.Stripe, ExpiringWithin = 30, Overdue = true, Search = "gita", Sort = SubscriptionSort.Start, Page = 3 };
        Assert.Equal(subs, SubscriptionListQuery.Parse(subs.ToQueryString()));
        Assert.Equal(VendorListQuery.Default, VendorListQuery.Parse("?open=maybe&sub=7&integ=x&size=3&page=-1"));
        Assert.Null(SubscriptionListQuery.Parse("?within=99999&status=1").ExpiringWithin);
    }
}
