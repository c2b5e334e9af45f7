using Npgsql;
using AdminPortal.Features.Products;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data.Demo.Platform;

/// <summary>Deed-O products in every cause and status, 1 to 4 images each (SVGs in wwwroot-assets/products).</summary>
public sealed class CatalogDemo(NpgsqlDataSource dataSource) : IDemoDataPart
{
    public static readonly string[] Images = ["pottery", "scarf", "tea", "lamp", "basket", "journal", "candle", "weave"];

    public int Order => 200;
    public string Name => "catalog";

    public async Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct)
    {
        if (scale == DemoScale.Large)
        {
            await PlatformBulk.ProductsAsync(db, dataSource, 1_000_000, ct);
            return;
        }
        var vendors = await db.Users.Where(u => u.Email!.EndsWith(PlatformDemo.VendorDomain)).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var f = new Faker { Random = new Randomizer(2002) };
        // weighted towards the moderation queue: suggestions are the moderators' work
        PublishingStatus[] statuses = [PublishingStatus.Suggestion, PublishingStatus.Published, PublishingStatus.Suggestion,
            PublishingStatus.Draft, PublishingStatus.Published, PublishingStatus.Rejected];
        for (var i = 0; i < 90; i++)
        {
            var mrp = Math.Round(f.Random.Double(150, 9000), 0);
            var created = PlatformDemo.Anchor.AddHours(-f.Random.Int(1, 24 * 120));
            var status = statuses[i % statuses.Length];
            var first = f.Random.Int(0, Images.Length - 1);
            db.Add(new Product
            {
                Id = ProductIds.FromNumber(1_000 + i), Cause = (Cause)(i % 5), Mrp = mrp,
                SellingPrice = Math.Round(mrp * f.Random.Double(0.6, 1.0), 0), VendorId = vendors[i % vendors.Count],
                Images = Enumerable.Range(0, 1 + i % 4).Select(k => $"/assets/products/{Images[(first + k) % Images.Length]}.svg").ToList(),
                Title = f.Commerce.ProductName(), Description = f.Commerce.ProductDescription(),
                ProductUrl = $"https://deed-o.example/products/{1_000 + i}", PublishingStatus = status,
                CreatedAt = created, UpdatedAt = created.AddHours(f.Random.Int(0, 48)),
                Remark = status == PublishingStatus.Rejected ? f.PickRandom("Photos are blurry", "Price above MRP guidance", "Not cause-aligned") : null,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
