using Npgsql;
using AdminPortal.Features.Products;
using AdminPortal.Live;
using AdminPortal.Security.Audit;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data.Demo.Platform;

/// <summary>
/// Deed-O products in every cause and status, 1 to 4 images each (SVGs in wwwroot-assets/products), with titles and
/// descriptions from their cause's vocabulary. 90 days of moderation before the anchor (decision 0022): each decided
/// suggestion has its decision's audit record (approved, rejected or changes requested, by the demo's moderators and
/// the admin), which the rollups count; a queue of suggestions has been waiting from minutes to a few days.
/// </summary>
public sealed class CatalogDemo(NpgsqlDataSource dataSource, TimeProvider clock) : IDemoDataPart
{
    public static readonly string[] Images = ["pottery", "scarf", "tea", "lamp", "basket", "journal", "candle", "weave"];

    public const int Decided = 540;
    public const int Waiting = 36;
    public const int Drafts = 24;

    /// <summary>Who decides (demo accounts) and their share of the decisions.</summary>
    public static readonly (string Email, float Share)[] Deciders =
        [("moderator@adminportal.demo", 0.5f), ("moderator2@adminportal.demo", 0.35f), ("admin@adminportal.demo", 0.15f)];

    /// <summary>How likely a suggestion of each cause is approved (the approval-rate chart differs by cause).</summary>
    private static readonly Dictionary<Cause, float> Approval = new()
    {
        [Cause.GriefCare] = 0.78f, [Cause.SustainableFashion] = 0.66f, [Cause.SustainableTourism] = 0.58f,
        [Cause.IntangibleCultureAndHeritage] = 0.82f, [Cause.SustainableFoodAndAgriculture] = 0.62f,
    };

    private static readonly string[] RejectReasons =
        ["Photos are blurry", "Price above MRP guidance", "Not cause-aligned", "Duplicate of an existing listing"];

    public int Order => 200;
    public const string PartName = "catalog";
    public string Name => PartName;

    /// <summary>At large scale: the products' vendors are platform users.</summary>
    public IReadOnlyList<string> LargeLoadAfter => [PlatformUsersDemo.PartName];

    public async Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct)
    {
        var history = DemoHistory.Of(clock);
        if (scale == DemoScale.Large)
        {
            await PlatformBulk.ProductsAsync(db, dataSource, history, 1_000_000, ct);
            return;
        }
        var vendors = await db.Users.Where(u => u.Email!.EndsWith(PlatformDemo.VendorDomain)).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var emails = Deciders.Select(d => d.Email).ToList();
        var deciders = await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var people = Deciders.Select(d => deciders.Single(u => u.Email == d.Email)).ToArray();
        var shares = Deciders.Select(d => d.Share).ToArray();
        var f = new Faker("en_IND") { Random = new Randomizer(2002) };
        var all = new List<Product>();
        Product New(Cause cause, PublishingStatus status, DateTime submitted)
        {
            var words = CatalogVocabulary.ByCause[cause];
            var mrp = Math.Round(f.Random.Double(150, 9000), 0);
            var first = f.Random.Int(0, Images.Length - 1);
            var i = all.Count;
            var product = new Product
            {
                Id = ProductIds.FromNumber(1_000 + i), Cause = cause, Mrp = mrp,
                SellingPrice = Math.Round(mrp * f.Random.Double(0.6, 1.0), 0), VendorId = vendors[f.Random.Int(0, vendors.Count - 1)],
                Images = Enumerable.Range(0, 1 + i % 4).Select(k => $"/assets/products/{Images[(first + k) % Images.Length]}.svg").ToList(),
                Title = $"{f.PickRandom(words.Qualities)} {f.PickRandom(words.Items).ToLowerInvariant()}",
                Description = $"{f.PickRandom(words.Stories).Replace("{place}", f.Address.City())} {f.PickRandom(Closings)}",
                ProductUrl = $"https://deed-o.example/products/{1_000 + i}", PublishingStatus = status,
                CreatedAt = submitted, UpdatedAt = submitted,
            };
            all.Add(product);
            return product;
        }
        var causes = Enum.GetValues<Cause>();
        var audit = new AuditTrail(clock);
        var decisions = new List<Action>();
        for (var k = 0; k < Decided; k++)
        {
            var at = history.Pick(f.Random);
            // how long it waited: mostly hours, some a day or two, a few most of a week
            var wait = f.Random.WeightedRandom([f.Random.Double(0.1, 8), f.Random.Double(8, 48), f.Random.Double(48, 130)], [0.5f, 0.35f, 0.15f]);
            var cause = causes[k % causes.Length];
            var p = New(cause, PublishingStatus.Suggestion, at.AddHours(-wait));
            var who = f.Random.WeightedRandom(people, shares);
            var (action, status, remark) = f.Random.Float() < Approval[cause]
                ? ("product.approve", PublishingStatus.Published, (string?)null)
                : f.Random.Bool(0.45f)
                    ? ("product.reject", PublishingStatus.Rejected, f.PickRandom(RejectReasons))
                    : ("product.request_changes", PublishingStatus.Draft, f.PickRandom(CatalogVocabulary.ByCause[cause].Remarks));
            p.PublishingStatus = status;
            p.Remark = remark;
            p.UpdatedAt = at;
            // after the products are saved: the rollup trigger looks the product up
            decisions.Add(() => audit.Add(db, new AuditActor(who.Id, who.Email!), action, EntityTypes.Product, p.Id,
                new { status = nameof(PublishingStatus.Suggestion) },
                remark is null ? new { status = status.ToString(), cause = cause.ToString() } : new { status = status.ToString(), remark, cause = cause.ToString() },
                remark).At = at);
        }
        for (var k = 0; k < Waiting; k++)
        {
            // the queue: the newest minutes old, the oldest a few days (a weekend piles up)
            var hours = f.Random.WeightedRandom([f.Random.Double(0.05, 6), f.Random.Double(6, 30), f.Random.Double(30, 110)], [0.45f, 0.35f, 0.2f]);
            New(causes[(k * 3 + 1) % causes.Length], PublishingStatus.Suggestion, history.Recent(f.Random, hours, hours));
        }
        for (var k = 0; k < Drafts; k++)
            New(causes[(k + 2) % causes.Length], PublishingStatus.Draft, history.Pick(f.Random));
        db.AddRange(all);
        await db.SaveChangesAsync(ct);
        decisions.ForEach(add => add());
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] Closings =
    [
        "Ships in recycled packaging.", "Dispatched within three days.", "Each piece is slightly different.",
        "Comes with a note from the maker.", "Ask us about bulk orders.",
    ];
}
