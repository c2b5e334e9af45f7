using AdminPortal.Data.Demo;
using AdminPortal.Features.Brands;
using AdminPortal.Features.Creators;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;

namespace AdminPortal.Tests.Features.Brands;

/// <summary>The demo accounts, two niches and brands made to measure for one test.</summary>
public sealed class BrandTestData(PostgresFixture fixture)
{
    private int _next;

    public ClaimsPrincipal Admin { get; private set; } = null!;
    public ClaimsPrincipal Moderator { get; private set; } = null!;
    public ClaimsPrincipal Moderator2 { get; private set; } = null!;
    public ClaimsPrincipal Staff { get; private set; } = null!;
    public int Fashion { get; private set; }
    public int Food { get; private set; }

    public const string Pdf = "/assets/brands/certificate-of-incorporation.pdf";
    public const string Image = "/assets/brands/gst-registration.svg";

    public async Task<BrandTestData> SeedAsync()
    {
        await using (var scope = fixture.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        Admin = ProductTestData.Principal(users["admin@adminportal.demo"]);
        Moderator = ProductTestData.Principal(users["moderator@adminportal.demo"]);
        Moderator2 = ProductTestData.Principal(users["moderator2@adminportal.demo"]);
        Staff = ProductTestData.Principal(users["staff.a@adminportal.demo"]);
        var fashion = new Niche { Name = "Fashion", Icon = "👗" };
        var food = new Niche { Name = "Food", Icon = "🍽️" };
        db.AddRange(fashion, food);
        await db.SaveChangesAsync();
        (Fashion, Food) = (fashion.Id, food.Id);
        return this;
    }

    public async Task<Brand> AddAsync(DocumentStatus incorporation = DocumentStatus.Pending, DocumentStatus gst = DocumentStatus.Pending,
        DocumentStatus pan = DocumentStatus.Pending, string? name = null, CompanyType type = CompanyType.PrivateLimited,
        DateTime? created = null, int? niche = null, string? phone = null)
    {
        var n = Interlocked.Increment(ref _next);
        string? Doc(DocumentStatus s, string url) => s == DocumentStatus.NotSubmitted ? null : url;
        var brand = new Brand
        {
            Email = $"founder{n}@brands.test", Phone = phone ?? $"+91 80000{n:00000}", BrandName = name ?? $"Brand {n}",
            LegalEntityName = $"{name ?? $"Brand {n}"} Private Limited", CompanyType = type,
            IncorporationDocument = Doc(incorporation, BrandTestData.Pdf), IncorporationDocumentStatus = incorporation,
            GstDocument = Doc(gst, Image), GstDocumentStatus = gst,
            PanDocument = Doc(pan, "/assets/brands/pan-card.svg"), PanDocumentStatus = pan,
            CreatedAt = created ?? new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(n),
            UpdatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        if (niche is { } id)
            brand.Niches.Add(new BrandNiche { NicheId = id });
        await using var db = await fixture.CreateDbContextAsync();
        db.Add(brand);
        await db.SaveChangesAsync();
        return brand;
    }

    public async Task<Brand> ReloadAsync(int id)
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await db.Set<Brand>().AsNoTracking().SingleAsync(b => b.Id == id);
    }

    public async Task<List<AuditLogEntry>> AuditOfAsync(int id)
    {
        await using var db = await fixture.CreateDbContextAsync();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == BrandEvents.EntityType && a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
    }
}
