using AdminPortal.Data.Identity;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Products;

public sealed class ProductConcurrencyTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_second_edit_of_a_stale_product_is_refused()
    {
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            var vendor = new PortalUser { UserName = "v@x.org", Email = "v@x.org" };
            db.Users.Add(vendor);
            await db.SaveChangesAsync();
            db.Add(new Product { Id = ProductIds.New(), VendorId = vendor.Id, Title = "Lamp", Description = "d", ProductUrl = "u",
                Images = ["/assets/products/lamp.svg"], PublishingStatus = PublishingStatus.Suggestion });
            await db.SaveChangesAsync();
        }
        await using var first = await Fixture.CreateDbContextAsync();
        await using var second = await Fixture.CreateDbContextAsync();
        var a = await first.Set<Product>().SingleAsync();
        var b = await second.Set<Product>().SingleAsync();
        a.PublishingStatus = PublishingStatus.Published;
        await first.SaveChangesAsync();
        b.PublishingStatus = PublishingStatus.Rejected;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = await Fixture.CreateDbContextAsync();
        var saved = await check.Set<Product>().SingleAsync();
        Assert.Equal(PublishingStatus.Published, saved.PublishingStatus);
        Assert.StartsWith(ProductIds.Prefix, saved.Id);
        Assert.Equal(["/assets/products/lamp.svg"], saved.Images);
        var user = await check.Users.SingleAsync();
        Assert.Equal(AdminPortal.Features.Users.Platform.PlatformType.DeedO, user.RegistrationPlatform);
        _ = DemoScale.Demo;
    }
}
