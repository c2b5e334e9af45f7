using System.Security.Claims;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Creators;
using AdminPortal.Features.Products;
using AdminPortal.Features.Search;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Vendors;
using AdminPortal.Security;
using AdminPortal.Tests.Features.Products;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Search;

/// <summary>The app bar's search on the demo data: each kind, each caller's rights, and no oracle for out-of-scope tickets.</summary>
[Collection(ThirdDatabaseCollection.Name)]
public sealed class GlobalSearchTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private readonly Dictionary<string, ClaimsPrincipal> _as = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Fixture.SeedDemoAsync();
        await using var db = await Fixture.CreateDbContextAsync();
        foreach (var email in new[] { "admin@adminportal.demo", "moderator@adminportal.demo", "staff.a@adminportal.demo", "staff.b@adminportal.demo" })
            _as[email.Split('@')[0]] = ProductTestData.Principal(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    private async Task<SearchResults> SearchAsync(string who, string text)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<IGlobalSearch>().SearchAsync(_as[who], text);
    }

    /// <summary>A ticket of hostel A that staff B's scope does not reach, and one staff A's does.</summary>
    private async Task<(Ticket HiddenFromB, Ticket SeenByA)> TicketsAsync()
    {
        await using var scope = Scope();
        var actors = scope.ServiceProvider.GetRequiredService<ActorResolver>();
        await using var db = await Fixture.CreateDbContextAsync();
        var rulesB = await TicketScope.ForAsync(db, await actors.ResolveAsync(_as["staff.b"]));
        var rulesA = await TicketScope.ForAsync(db, await actors.ResolveAsync(_as["staff.a"]));
        var visibleToB = db.Set<Ticket>().Where(rulesB.Predicate()).Select(t => t.Id);
        var hidden = await db.Set<Ticket>().AsNoTracking().Where(rulesA.Predicate()).Where(t => t.HostelId == 1 && !visibleToB.Contains(t.Id))
            .OrderBy(t => t.Id).FirstAsync();
        return (hidden, hidden);
    }

    [Fact]
    public async Task Staff_B_finds_nothing_of_hostel_A_and_the_same_nothing_as_for_a_ticket_that_does_not_exist()
    {
        var (ticket, _) = await TicketsAsync();

        var byNumber = await SearchAsync("staff.b", $"#{ticket.Id}");
        var byTitle = await SearchAsync("staff.b", ticket.Title!);
        var absent = await SearchAsync("staff.b", "#987654321");
        var staffA = await SearchAsync("staff.a", $"#{ticket.Id}");
        var admin = await SearchAsync("admin", ticket.Title!);

        Assert.Empty(byNumber.Hits);
        Assert.DoesNotContain(byTitle.Hits, h => h.Key == ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(absent.Hits);
        Assert.Equal(absent.Hits.Count, byNumber.Hits.Count);
        var hit = Assert.Single(staffA.Hits);
        Assert.Equal((SearchKind.Ticket, $"/tickets/{ticket.Id}"), (hit.Kind, hit.Href));
        Assert.Contains(admin.Hits, h => h.Kind == SearchKind.Ticket && h.Href == $"/tickets/{ticket.Id}");
    }

    [Fact]
    public async Task An_admin_finds_each_kind_by_what_identifies_it_each_row_opening_its_page()
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().Where(u => u.Email == "moderator@adminportal.demo").SingleAsync();
        var product = await db.Set<Product>().AsNoTracking().OrderBy(p => p.Id).FirstAsync();
        var group = await db.Set<ChatGroup>().AsNoTracking().OrderBy(g => g.Name).FirstAsync();
        var vendor = await db.Set<Vendor>().AsNoTracking().OrderBy(v => v.Id).FirstAsync();
        var brand = await db.Set<Brand>().AsNoTracking().Where(b => b.BrandName != null).OrderBy(b => b.Id).FirstAsync();

        var byEmail = await SearchAsync("admin", user.Email!);
        var byProductId = await SearchAsync("admin", product.Id);
        var byProductTitle = await SearchAsync("admin", product.Title);
        var byGroup = await SearchAsync("admin", group.Name);
        var byVendor = await SearchAsync("admin", vendor.Name);
        var byBrand = await SearchAsync("admin", brand.BrandName!);

        Assert.Contains(byEmail.Hits, h => h.Kind == SearchKind.User && h.Href == $"/users/{user.Id}");
        Assert.Equal($"/products/{Uri.EscapeDataString(product.Id)}", byProductId.Hits.First(h => h.Kind == SearchKind.Product).Href);
        Assert.Contains(byProductTitle.Hits, h => h.Kind == SearchKind.Product && h.Key == product.Id);
        Assert.Contains(byGroup.Hits, h => h.Kind == SearchKind.Chat && h.Href == $"/chats/{group.Id}");
        Assert.Contains(byVendor.Hits, h => h.Kind == SearchKind.Vendor && h.Href == $"/vendors/{vendor.Id}");
        Assert.Contains(byBrand.Hits, h => h.Kind == SearchKind.Brand && h.Href == $"/brands/{brand.Id}");
        Assert.All(new[] { byEmail, byProductId, byProductTitle, byGroup, byVendor, byBrand }.SelectMany(r => r.Hits),
            h => Assert.Equal(h.Href, SafeLinks.PortalPage(h.Href)));
        Assert.All(new[] { byEmail, byProductTitle, byGroup }, r => Assert.All(r.Hits.GroupBy(h => h.Kind), g => Assert.True(g.Count() <= GlobalSearch.PerKind)));
    }

    [Fact]
    public async Task Each_caller_sees_only_the_kinds_their_role_permits()
    {
        var moderator = await SearchAsync("moderator", "admin@adminportal.demo");
        var staff = await SearchAsync("staff.a", "admin@adminportal.demo");
        var admin = await SearchAsync("admin", "admin@adminportal.demo");

        Assert.DoesNotContain(moderator.Hits, h => h.Kind is SearchKind.User or SearchKind.Ticket);
        Assert.All(staff.Hits, h => Assert.Equal(SearchKind.Ticket, h.Kind));
        Assert.Contains(admin.Hits, h => h.Kind == SearchKind.User);
    }

    [Fact]
    public async Task Too_short_text_searches_nothing_and_a_user_without_a_list_is_refused()
    {
        var shortText = await SearchAsync("admin", "ad");
        await using var db = await Fixture.CreateDbContextAsync();
        var plainUser = await db.Users.Where(u => !u.Roles.Any() && u.DeletedAt == null && u.Status != AdminPortal.Features.Users.Platform.PlatformUserStatus.Inactive)
            .Select(u => u.Id).FirstAsync();

        Assert.Same(SearchResults.None, shortText);
        Assert.Null(GlobalSearch.Term("  x "));
        Assert.Equal("#7", GlobalSearch.Term("#7"));
        await using var scope = Scope();
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<IGlobalSearch>().SearchAsync(ProductTestData.Principal(plainUser), "admin"));
    }
}
