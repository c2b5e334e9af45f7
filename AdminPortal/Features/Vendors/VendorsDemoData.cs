using AdminPortal.Data.Identity;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Users;
using Bogus;
using Npgsql;
using AdminPortal.Data.Demo.Platform;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Vendors;

/// <summary>
/// Venta demo: 16 vendor owners in auth.users (with Clerk ids), a few dozen vendors with live positions and their
/// trails, subscriptions in every status with both providers, and the Algolia/Cloudinary/Clerk id mappings.
/// Creates its own users: it does not depend on the catalog demo. Large scale loads the platform-size set of
/// <see cref="LargeVendors"/> instead, by COPY, owned by 40k of the platform users (loaded before it, Order 100).
/// </summary>
internal sealed class VendorsDemoData(NpgsqlDataSource dataSource, TimeProvider clock) : IDemoDataPart
{
    public static readonly DateTime Anchor = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static readonly (string City, double Lat, double Long)[] Cities =
    [
        ("New York", 40.7128, -74.0060), ("Austin", 30.2672, -97.7431), ("Portland", 45.5152, -122.6784),
        ("London", 51.5072, -0.1276), ("Mumbai", 19.0760, 72.8777), ("Bengaluru", 12.9716, 77.5946),
    ];

    private static readonly string[] Kinds =
        ["Tacos", "Coffee Cart", "Dumplings", "Falafel", "Ice Cream", "Chaat", "Bagels", "BBQ", "Crepes", "Juice Bar"];

    public int Order => 300;

    public string Name => "vendors (Venta)";

    /// <summary>At large scale: the owners are platform users; nothing of the catalog (it loads beside it).</summary>
    public IReadOnlyList<string> LargeLoadAfter => [PlatformUsersDemo.PartName];

    public async Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct)
    {
        if (scale == DemoScale.Large)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // the platform buyers (every other one), by id: other parts add users alongside, so ids need not be contiguous
            var buyers = await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith(PlatformDemo.BuyerDomain)).OrderBy(u => u.Id)
                .Select(u => u.Id).ToListAsync(ct);
            await LargeVendors.LoadAsync(dataSource, VendorsSize.Large, [.. buyers.Where((_, i) => i % 2 == 0)],
                new DateTime(now.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc), ct);
            return;
        }
        var f = new Faker("en") { Random = new Randomizer(300_001) };
        var owners = new List<PortalUser>();
        for (var i = 1; i <= 16; i++)
        {
            var (first, last) = (f.Name.FirstName(), f.Name.LastName());
            var user = DemoUsers.Create(f, $"vendor{i:00}@venta.demo", first, last, Anchor.AddDays(-f.Random.Int(60, 400)));
            user.ClerkId = "user_" + f.Random.AlphaNumeric(27);
            owners.Add(user);
        }
        db.Users.AddRange(owners);

        var vendors = new List<Vendor>();
        var n = 0;
        foreach (var owner in owners)
        {
            var count = f.Random.Int(1, 3);
            for (var k = 0; k < count; k++)
                vendors.Add(NewVendor(f, owner, n++));
        }
        db.AddRange(vendors);

        var subscriptions = new List<Subscription>();
        var s = 0;
        foreach (var owner in owners)
        {
            var count = f.Random.Int(1, 3);
            for (var k = 0; k < count; k++)
                subscriptions.Add(NewSubscription(f, owner, s++));
        }
        db.AddRange(subscriptions);
        await db.SaveChangesAsync(ct);

        db.AddRange(Integrations(f, owners, vendors));
        await db.SaveChangesAsync(ct);
    }

    private static Vendor NewVendor(Faker f, PortalUser owner, int index)
    {
        var created = owner.CreatedAt.AddDays(f.Random.Int(0, 50));
        var kind = Kinds[index % Kinds.Length];
        var vendor = new Vendor
        {
            Name = $"{f.Name.LastName()}'s {kind}",
            Description = f.Random.Bool(0.8f) ? f.Lorem.Sentence(8) : null,
            Phone = f.Random.Bool(0.7f) ? f.Phone.PhoneNumber("###-###-####") : null,
            Email = f.Random.Bool(0.6f) ? $"hello{index}@{kind.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}.venta.demo" : null,
            Website = f.Random.Bool(0.4f) ? $"https://{kind.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant()}-{index}.example.com" : null,
            Open = index % 4 != 3,
            PrimaryImage = f.Random.Bool(0.75f) ? $"https://res.cloudinary.com/venta-demo/image/upload/vendors/{index}.jpg" : null,
            User = owner,
            CreatedAt = created,
            UpdatedAt = created,
        };
        // One vendor in eight has never shared a position: no live location, no trail.
        if (index % 8 == 7)
            return vendor;
        var city = Cities[index % Cities.Length];
        var (lat, lng) = (city.Lat + f.Random.Double(-0.05, 0.05), city.Long + f.Random.Double(-0.05, 0.05));
        var at = Anchor.AddHours(-f.Random.Int(0, 36));
        var points = f.Random.Int(6, 24);
        for (var p = 0; p < points; p++)
        {
            vendor.Locations.Add(new Location { Lat = Math.Round(lat, 6), Long = Math.Round(lng, 6), Timestamp = at });
            lat -= f.Random.Double(-0.002, 0.002);
            lng -= f.Random.Double(-0.002, 0.002);
            at = at.AddMinutes(-f.Random.Int(5, 30));
        }
        // The live position is the newest point of the trail.
        (vendor.Lat, vendor.Long) = (vendor.Locations[0].Lat, vendor.Locations[0].Long);
        vendor.UpdatedAt = vendor.Locations[0].Timestamp;
        return vendor;
    }

    private static Subscription NewSubscription(Faker f, PortalUser owner, int index)
    {
        var status = (SubscriptionStatus)(index % 3);
        var provider = index % 5 < 3 ? SubscriptionProvider.RevenueCat : SubscriptionProvider.Stripe;
        var yearly = f.Random.Bool(0.3f);
        var start = Anchor.AddDays(-f.Random.Int(10, status == SubscriptionStatus.Active ? 300 : 500));
        DateTime? end = status switch
        {
            // An active yearly plan runs to its anniversary; an active monthly plan renews, open-ended.
            SubscriptionStatus.Active => yearly ? start.AddYears(1) : null,
            SubscriptionStatus.Cancelled => start.AddDays(f.Random.Int(5, 60)),
            _ => start.AddMonths(yearly ? 12 : 1),
        };
        var product = provider == SubscriptionProvider.RevenueCat
            ? yearly ? "venta_pro_yearly" : "venta_pro_monthly"
            : yearly ? "price_VentaProYearly" : "price_VentaProMonthly";
        return new Subscription
        {
            User = owner, Provider = provider, ProductId = product, Status = status, StartDate = start,
            EndDate = end, CreatedAt = start, UpdatedAt = end ?? start,
        };
    }

    private static IEnumerable<Integration> Integrations(Faker f, List<PortalUser> owners, List<Vendor> vendors)
    {
        foreach (var owner in owners)
            yield return Mapping(IntegrationService.Clerk, owner.ClerkId!, owner.Id, owner.CreatedAt,
                new { email = owner.Email, provider = "oauth_google" });
        foreach (var vendor in vendors)
        {
            yield return Mapping(IntegrationService.Algolia, $"vendor_{f.Random.AlphaNumeric(12)}", vendor.Id,
                vendor.CreatedAt, new { index = "vendors_demo", geo = vendor.Lat is not null });
            if (vendor.PrimaryImage is not null)
                yield return Mapping(IntegrationService.Cloudinary, $"vendors/{vendor.Id}", vendor.Id, vendor.CreatedAt,
                    new { format = "jpg", width = 1200, height = 800 });
        }
    }

    private static Integration Mapping(IntegrationService service, string externalId, int internalId, DateTime at,
        object metadata) => new()
    {
        Service = service, ExternalId = externalId, InternalId = internalId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Metadata = JsonSerializer.Serialize(metadata), CreatedAt = at, UpdatedAt = at,
    };
}
