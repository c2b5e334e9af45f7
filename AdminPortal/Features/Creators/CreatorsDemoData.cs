using System.Security.Cryptography;
using System.Text;
using AdminPortal.Data;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Users;
using AdminPortal.Features.Vendors;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdminPortal.Features.Creators;

/// <summary>
/// Cloutsy demo: the niche catalogue (one retired), 40 influencers (a third with an auth.users login), 32 brands
/// whose incorporation/GST/PAN documents go through every verification state, and phone OTPs (used, expired, live)
/// stored as SHA-256 hashes. Large scale loads the platform-size set of <see cref="LargeCreators"/> instead, by COPY,
/// alongside the other parts.
/// </summary>
internal sealed class CreatorsDemoData(NpgsqlDataSource dataSource, TimeProvider clock) : IDemoDataPart
{
    private static readonly DateTime Anchor = VendorsDemoData.Anchor;

    private static readonly (string Name, string Icon, string Description, bool Active)[] NicheCatalogue =
    [
        ("Fashion", "👗", "Fashion, style, and clothing content", true),
        ("Beauty", "💄", "Beauty, makeup, and skincare content", true),
        ("Food", "🍽️", "Food, cooking, and culinary content", true),
        ("Travel", "✈️", "Travel, destinations, and adventure content", true),
        ("Fitness", "💪", "Fitness, workouts, and wellness content", true),
        ("Tech", "💻", "Technology, gadgets, and reviews", true),
        ("Gaming", "🎮", "Gaming, streaming, and esports", true),
        ("Music", "🎵", "Music, covers, and performances", true),
        ("Parenting", "👶", "Parenting and family content", true),
        ("Finance", "💰", "Personal finance and investing", true),
        ("Education", "📚", "Learning and explainers", true),
        ("Comedy", "😂", "Sketches, stand-up, and memes", true),
        ("Crypto", "🪙", "Crypto trading tips (retired category)", false),
    ];

    private static readonly string[] Notes =
        ["GST certificate is unreadable; please upload a clearer scan.", "PAN name does not match the legal entity name.",
         "Incorporation certificate has expired.", "Documents verified against MCA records."];

    public int Order => 400;

    public string Name => "creators (Cloutsy)";

    // at large scale: needs only the demo moderator (the reviewer of decided documents), so LargeLoadAfter is empty

    public async Task SeedAsync(PortalDbContext db, DemoScale scale, CancellationToken ct)
    {
        var f = new Faker("en_IND") { Random = new Randomizer(400_001) };
        // The demo moderator reviews brand documents when the demo accounts exist (not in schema tests).
        // alongside the platform users' load, which may hold auth.users for a while: wait for it, not 30 s
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var reviewerId = await db.Users.Where(u => u.NormalizedEmail == "MODERATOR@ADMINPORTAL.DEMO")
            .Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (scale == DemoScale.Large)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await LargeCreators.LoadAsync(dataSource, CreatorsSize.Large, new DateTime(now.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc),
                reviewerId, ct);
            return;
        }

        var niches = NicheCatalogue.Select(n => new Niche
        {
            Name = n.Name, Icon = n.Icon, Description = n.Description, IsActive = n.Active,
            CreatedAt = Anchor.AddDays(-420), UpdatedAt = Anchor.AddDays(n.Active ? -420 : -30),
        }).ToList();
        db.AddRange(niches);
        var active = niches.Where(n => n.IsActive).ToList();

        var influencers = Enumerable.Range(1, 40).Select(i => NewInfluencer(f, i, active)).ToList();
        db.AddRange(influencers);
        var brands = Enumerable.Range(1, 32).Select(i => NewBrand(f, i, active, reviewerId)).ToList();
        db.AddRange(brands);
        db.AddRange(Otps(f, influencers, brands));
        await db.SaveChangesAsync(ct);
    }

    private static Influencer NewInfluencer(Faker f, int i, List<Niche> niches)
    {
        var (first, last) = (f.Name.FirstName(), f.Name.LastName());
        var handle = $"{first}.{last}".ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        var created = Anchor.AddDays(-f.Random.Int(5, 400));
        var influencer = new Influencer
        {
            Name = $"{first} {last}",
            Username = $"{handle}{i}",
            Email = $"{handle}{i}@creators.cloutsy.demo",
            Phone = $"+91 9{i:000}{f.Random.Int(100000, 999999)}",
            DateOfBirth = f.Random.Bool(0.8f) ? DateOnly.FromDateTime(Anchor.AddDays(-f.Random.Int(18 * 365, 40 * 365))) : null,
            Gender = f.Random.Bool(0.9f) ? (Gender)(i % 4) : null,
            Bio = f.Random.Bool(0.7f) ? f.Lorem.Sentence(10) : null,
            ProfileImage = f.Random.Bool(0.6f) ? $"https://cdn.cloutsy.demo/influencers/{i}.jpg" : null,
            IsPhoneVerified = i % 5 != 0,
            IsActive = i % 13 != 0,
            CreatedAt = created,
            UpdatedAt = created.AddDays(f.Random.Int(0, 4)),
        };
        // A third of the influencers also have a login the portal knows.
        if (i % 3 == 0)
            influencer.User = DemoUsers.Create(f, $"influencer{i:00}@cloutsy.demo", first, last, created);
        foreach (var niche in f.PickRandom(niches, f.Random.Int(1, 4)))
            influencer.Niches.Add(new InfluencerNiche { Niche = niche, CreatedAt = created, UpdatedAt = created });
        return influencer;
    }

    private static Brand NewBrand(Faker f, int i, List<Niche> niches, int? reviewerId)
    {
        var company = f.Company.CompanyName().Replace(",", "", StringComparison.Ordinal);
        var slug = new string(company.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        var created = Anchor.AddDays(-f.Random.Int(1, 300));
        // Each document walks all four states across the brands: together every combination of the first 16
        // brands appears once for incorporation x GST, and PAN cycles independently.
        var incorporation = (DocumentStatus)(i % 4);
        var gst = (DocumentStatus)(i / 4 % 4);
        var pan = (DocumentStatus)((i + 1) % 4);
        var decided = new[] { incorporation, gst, pan }.Any(s => s is DocumentStatus.Verified or DocumentStatus.Rejected);
        var rejected = new[] { incorporation, gst, pan }.Contains(DocumentStatus.Rejected);
        var complete = i % 6 != 0;
        var brand = new Brand
        {
            Email = $"founder@{slug}{i}.brands.cloutsy.demo",
            Phone = f.Random.Bool(0.85f) ? $"+91 8{i:000}{f.Random.Int(100000, 999999)}" : null,
            IsPhoneVerified = i % 4 != 1,
            BrandName = complete ? company : null,
            Username = complete ? $"{slug}{i}" : null,
            LegalEntityName = complete ? $"{company} Private Limited" : null,
            CompanyType = complete ? (CompanyType)(i % 6) : null,
            BrandEmailId = complete ? $"hello@{slug}{i}.brands.cloutsy.demo" : null,
            PocName = complete ? f.Name.FullName() : null,
            PocDesignation = complete ? f.PickRandom("Founder", "Marketing Manager", "Brand Lead", "CEO") : null,
            PocEmailId = complete ? $"poc@{slug}{i}.brands.cloutsy.demo" : null,
            PocContactNumber = complete ? $"+91 7{i:000}{f.Random.Int(100000, 999999)}" : null,
            BrandBio = complete ? f.Company.CatchPhrase() : null,
            ProfileImage = complete ? $"https://cdn.cloutsy.demo/brands/{i}.png" : null,
            IncorporationDocument = Document(i, "incorporation", incorporation),
            IncorporationDocumentStatus = incorporation,
            GstDocument = Document(i, "gst", gst),
            GstDocumentStatus = gst,
            PanDocument = Document(i, "pan", pan),
            PanDocumentStatus = pan,
            VerificationNote = decided ? Notes[rejected ? i % 3 : 3] : null,
            ReviewedById = decided ? reviewerId : null,
            ReviewedAt = decided ? created.AddDays(1) : null,
            IsProfileCompleted = complete,
            IsActive = i % 11 != 0,
            CreatedAt = created,
            UpdatedAt = created.AddDays(decided ? 1 : 0),
        };
        if (i % 3 != 2)
            brand.User = DemoUsers.Create(f, $"brand{i:00}@cloutsy.demo", f.Name.FirstName(), f.Name.LastName(), created);
        foreach (var niche in f.PickRandom(niches, f.Random.Int(1, 3)))
            brand.Niches.Add(new BrandNiche { Niche = niche, CreatedAt = created, UpdatedAt = created });
        return brand;
    }

    /// <summary>
    /// The demo's documents are files of the portal's private media (wwwroot-assets/brands/, BrandMediaScope): the
    /// incorporation certificate a PDF, GST and PAN images, and one PAN in seven a TIFF scan a browser cannot show
    /// (offered as a download).
    /// </summary>
    private static string? Document(int brand, string kind, DocumentStatus status) => status == DocumentStatus.NotSubmitted
        ? null
        : kind switch
        {
            "incorporation" => "/assets/brands/certificate-of-incorporation.pdf",
            "gst" => "/assets/brands/gst-registration.svg",
            _ => brand % 7 == 0 ? "/assets/brands/pan-card-scan.tiff" : "/assets/brands/pan-card.svg",
        };

    /// <summary>Used, expired-unused and live codes; the code itself is never stored, only its SHA-256.</summary>
    private static IEnumerable<Otp> Otps(Faker f, List<Influencer> influencers, List<Brand> brands)
    {
        var phones = influencers.Select(i => i.Phone).Concat(brands.Select(b => b.Phone).OfType<string>()).ToList();
        for (var k = 0; k < 60; k++)
        {
            var created = Anchor.AddMinutes(-f.Random.Int(1, 60 * 24 * 14));
            var code = f.Random.Int(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var live = k % 6 == 0;
            if (live)
                created = Anchor.AddMinutes(-f.Random.Int(0, 4));
            yield return new Otp
            {
                Phone = phones[k % phones.Count],
                Code = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code))),
                IsUsed = !live && k % 3 != 1,
                ExpiresAt = created.AddMinutes(5),
                CreatedAt = created,
                UpdatedAt = created,
            };
        }
    }
}
