using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Data.Demo;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Products;

/// <summary>The demo accounts, two vendors and products made to measure for one test.</summary>
public sealed class ProductTestData(PostgresFixture fixture)
{
    private int _next;

    public ClaimsPrincipal Admin { get; private set; } = null!;
    public ClaimsPrincipal Moderator { get; private set; } = null!;
    public ClaimsPrincipal Moderator2 { get; private set; } = null!;
    public ClaimsPrincipal Staff { get; private set; } = null!;
    public int VendorA { get; private set; }
    public int VendorB { get; private set; }

    public async Task<ProductTestData> SeedAsync()
    {
        await using (var scope = fixture.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        Admin = Principal(users["admin@adminportal.demo"]);
        Moderator = Principal(users["moderator@adminportal.demo"]);
        Moderator2 = Principal(users["moderator2@adminportal.demo"]);
        Staff = Principal(users["staff.a@adminportal.demo"]);
        var a = new PortalUser { UserName = "anu@vendors.test", Email = "anu@vendors.test", Name = "Anu Crafts" };
        var b = new PortalUser { UserName = "bala@vendors.test", Email = "bala@vendors.test", Name = "Bala Weaves" };
        db.Users.AddRange(a, b);
        await db.SaveChangesAsync();
        (VendorA, VendorB) = (a.Id, b.Id);
        return this;
    }

    public static ClaimsPrincipal Principal(int id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));

    public async Task<Product> AddAsync(PublishingStatus status = PublishingStatus.Suggestion, string? title = null,
        int? vendor = null, Cause cause = Cause.GriefCare, double mrp = 1000, double price = 800,
        DateTime? created = null, string description = "Hand made in small batches.")
    {
        var n = Interlocked.Increment(ref _next);
        var product = new Product
        {
            Id = ProductIds.FromNumber(n), Title = title ?? $"Product {n}", Description = description,
            ProductUrl = $"https://deed-o.example/products/{n}", VendorId = vendor ?? VendorA, Cause = cause, Mrp = mrp,
            SellingPrice = price, PublishingStatus = status, Images = ["/assets/products/lamp.svg"],
            CreatedAt = created ?? new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(n),
            UpdatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        await using var db = await fixture.CreateDbContextAsync();
        db.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    public async Task<Product> ReloadAsync(string id)
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await db.Set<Product>().AsNoTracking().SingleAsync(p => p.Id == id);
    }

    public async Task<List<AdminPortal.Security.Audit.AuditLogEntry>> AuditOfAsync(string id)
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await db.Set<AdminPortal.Security.Audit.AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == "product" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
    }
}
