using System.Security.Claims;
using AdminPortal.Data.Demo;
using AdminPortal.Data.Identity;
using AdminPortal.Features.Vendors;
using AdminPortal.Security.Audit;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Vendors;

/// <summary>The demo accounts, and Venta owners, vendors and subscriptions made to measure for one test.</summary>
public sealed class VentaTestData(PostgresFixture fixture)
{
    public ClaimsPrincipal Admin { get; private set; } = null!;
    public ClaimsPrincipal Moderator { get; private set; } = null!;
    public ClaimsPrincipal Staff { get; private set; } = null!;
    public DateTime Now => fixture.Clock.GetUtcNow().UtcDateTime;

    public async Task<VentaTestData> SeedAsync()
    {
        await using (var scope = fixture.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
        await using var db = await fixture.CreateDbContextAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        Admin = ProductTestData.Principal(users["admin@adminportal.demo"]);
        Moderator = ProductTestData.Principal(users["moderator@adminportal.demo"]);
        Staff = ProductTestData.Principal(users["staff.a@adminportal.demo"]);
        return this;
    }

    public async Task<int> OwnerAsync(string name)
    {
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}@venta.test";
        var user = new PortalUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), Name = name };
        await using var db = await fixture.CreateDbContextAsync();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public async Task<Vendor> VendorAsync(int owner, string name, bool open = true, int points = 0)
    {
        var vendor = new Vendor { Name = name, UserId = owner, Open = open, Email = $"{name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}@stalls.test",
            CreatedAt = Now.AddDays(-30), UpdatedAt = Now.AddDays(-30) };
        for (var i = 0; i < points; i++)
            vendor.Locations.Add(new Location { Lat = 12.97 + i * 0.001, Long = 77.59 + i * 0.0005, Timestamp = Now.AddMinutes(-10 * i) });
        await using var db = await fixture.CreateDbContextAsync();
        db.Add(vendor);
        await db.SaveChangesAsync();
        return vendor;
    }

    public async Task<Subscription> SubscriptionAsync(int owner, SubscriptionStatus status = SubscriptionStatus.Active, DateTime? end = null,
        SubscriptionProvider provider = SubscriptionProvider.Stripe)
    {
        var s = new Subscription { UserId = owner, Status = status, Provider = provider, ProductId = "price_VentaProMonthly",
            StartDate = Now.AddDays(-60), EndDate = end, CreatedAt = Now.AddDays(-60), UpdatedAt = Now.AddDays(-60) };
        await using var db = await fixture.CreateDbContextAsync();
        db.Add(s);
        await db.SaveChangesAsync();
        return s;
    }

    public async Task<T> ReloadAsync<T>(int id) where T : class
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await db.Set<T>().AsNoTracking().SingleAsync(x => EF.Property<int>(x, "Id") == id);
    }

    public async Task<List<AuditLogEntry>> AuditAsync(string entityType)
    {
        await using var db = await fixture.CreateDbContextAsync();
        return await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == entityType).OrderBy(a => a.Id).ToListAsync();
    }
}
