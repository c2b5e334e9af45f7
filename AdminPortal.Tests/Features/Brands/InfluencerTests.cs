using AdminPortal.Features.Creators;
using AdminPortal.Features.Creators.Influencers;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Brands;

/// <summary>Influencers (Cloutsy): the list's filters, the page's masked OTPs, deactivate/reactivate, invalidating open codes.</summary>
public sealed class InfluencerTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private BrandTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new BrandTestData(Fixture).SeedAsync();
    }

    private async Task<Influencer> AddAsync(string name, bool active = true, bool verified = true, params int[] niches)
    {
        var n = name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var i = new Influencer { Name = name, Username = n, Email = $"{n}@cloutsy.test", Phone = $"+91 9{Math.Abs(n.GetHashCode(StringComparison.Ordinal)) % 1_000_000_000:000000000}",
            IsActive = active, IsPhoneVerified = verified };
        foreach (var id in niches)
            i.Niches.Add(new InfluencerNiche { NicheId = id });
        await using var db = await Fixture.CreateDbContextAsync();
        db.Add(i);
        await db.SaveChangesAsync();
        return i;
    }

    [Fact]
    public async Task The_list_searches_and_filters_by_niche_active_and_phone_verified()
    {
        await AddAsync("Anika Sharma", niches: _data.Fashion);
        await AddAsync("Bilal Qureshi", active: false, niches: _data.Food);
        await AddAsync("Chetan Rao", verified: false);
        await using var scope = Scope();
        var service = scope.ServiceProvider.GetRequiredService<InfluencerQueryService>();
        async Task<string[]> Names(InfluencerListQuery q) => (await service.GetPageAsync(_data.Moderator, q)).Rows.Select(r => r.Name).ToArray();

        Assert.Equal(["Anika Sharma", "Bilal Qureshi", "Chetan Rao"], await Names(InfluencerListQuery.Default));
        Assert.Equal(["Bilal Qureshi"], await Names(InfluencerListQuery.Default with { Search = "qureshi" }));
        Assert.Equal(["Anika Sharma"], await Names(InfluencerListQuery.Default with { NicheId = _data.Fashion }));
        Assert.Equal(["Bilal Qureshi"], await Names(InfluencerListQuery.Default with { Active = false }));
        Assert.Equal(["Chetan Rao"], await Names(InfluencerListQuery.Default with { PhoneVerified = false }));
    }

    [Fact]
    public async Task A_search_pages_its_matches_in_name_order_and_a_short_page_gives_the_exact_total()
    {
        // few matches: the service counts them first and sorts them (not the name index walk), the order must not change
        for (var n = 11; n >= 0; n--)
            await AddAsync($"Meera Iyer {n:00}");
        await AddAsync("Zoya Iyer");
        await AddAsync("Aarav Khan");
        await using var scope = Scope();
        var service = scope.ServiceProvider.GetRequiredService<InfluencerQueryService>();
        var q = InfluencerListQuery.Default with { Search = "iyer", PageSize = 10 };

        var first = await service.GetPageAsync(_data.Moderator, q);
        var second = await service.GetPageAsync(_data.Moderator, q with { Page = 2 });
        var past = await service.GetPageAsync(_data.Moderator, q with { Page = 3 });

        Assert.Equal(Enumerable.Range(0, 10).Select(n => $"Meera Iyer {n:00}"), first.Rows.Select(r => r.Name));
        Assert.Equal(["Meera Iyer 10", "Meera Iyer 11", "Zoya Iyer"], second.Rows.Select(r => r.Name));
        Assert.Empty(past.Rows);
        Assert.All([first.Total, second.Total, past.Total], t => Assert.Equal(new AdminPortal.Features.Products.CountEstimate(13, AdminPortal.Features.Products.CountKind.Exact), t));
    }

    [Fact]
    public async Task The_search_takes_underscore_and_percent_literally()
    {
        // Npgsql writes ILIKE without an escape character as ESCAPE '': the patterns' backslash escapes must be named
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            db.AddRange(new Influencer { Name = "Under Score", Username = "under_score", Email = "u1@cloutsy.test", Phone = "+91 9000000001" },
                new Influencer { Name = "Under X Score", Username = "underxscore", Email = "u2@cloutsy.test", Phone = "+91 9000000002" });
            await db.SaveChangesAsync();
        }
        await using var scope = Scope();
        var service = scope.ServiceProvider.GetRequiredService<InfluencerQueryService>();
        async Task<string[]> Names(string search) =>
            (await service.GetPageAsync(_data.Moderator, InfluencerListQuery.Default with { Search = search })).Rows.Select(r => r.Name).ToArray();

        Assert.Equal(["Under Score"], await Names("under_score"));
        Assert.Empty(await Names("der%sco"));
    }

    [Fact]
    public async Task Deactivating_needs_a_reason_and_open_codes_are_invalidated_but_used_and_expired_ones_stay()
    {
        var i = await AddAsync("Divya Menon");
        var now = Fixture.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            db.AddRange(
                new Otp { Phone = i.Phone, Code = "h1", IsUsed = false, CreatedAt = now.AddMinutes(-1), ExpiresAt = now.AddMinutes(4) },
                new Otp { Phone = i.Phone, Code = "h2", IsUsed = true, CreatedAt = now.AddMinutes(-30), ExpiresAt = now.AddMinutes(-25) },
                new Otp { Phone = i.Phone, Code = "h3", IsUsed = false, CreatedAt = now.AddMinutes(-60), ExpiresAt = now.AddMinutes(-55) });
            await db.SaveChangesAsync();
        }
        await using var scope = Scope();
        var actions = scope.ServiceProvider.GetRequiredService<InfluencerActions>();
        var queries = scope.ServiceProvider.GetRequiredService<InfluencerQueryService>();

        Assert.Equal("Reason", (await actions.DeactivateAsync(_data.Moderator, i.Id, i.Version, null)).Field);
        Assert.True((await actions.DeactivateAsync(_data.Moderator, i.Id, i.Version, "Fake or impersonating account")).Succeeded);
        Assert.Equal(OutcomeKind.Conflict, (await actions.ReactivateAsync(_data.Moderator, i.Id, i.Version, "Issue resolved")).Kind);
        var details = (await queries.GetAsync(_data.Moderator, i.Id))!;
        Assert.Equal(["Open", "Used", "Expired"], details.Otps.Select(o => o.State(now)));
        Assert.True((await actions.ReactivateAsync(_data.Moderator, i.Id, details.Version, "Issue resolved")).Succeeded);

        var invalidated = await actions.InvalidateOtpsAsync(_data.Moderator, i.Id, "Phone reported stolen");
        var again = await actions.InvalidateOtpsAsync(_data.Moderator, i.Id, "Phone reported stolen");

        Assert.Equal("1 open code invalidated.", invalidated.Message);
        Assert.Equal(OutcomeKind.Refused, again.Kind);
        details = (await queries.GetAsync(_data.Moderator, i.Id))!;
        Assert.Equal(["Used", "Used", "Expired"], details.Otps.Select(o => o.State(now)));
        Assert.DoesNotContain("h1", details.ToString(), StringComparison.Ordinal);
        await using var check = await Fixture.CreateDbContextAsync();
        Assert.Equal(["influencer.deactivate", "influencer.reactivate", "influencer.otps.invalidate"],
            await check.Set<AdminPortal.Security.Audit.AuditLogEntry>().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }
}
