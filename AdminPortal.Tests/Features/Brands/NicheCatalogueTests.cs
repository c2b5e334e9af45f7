using AdminPortal.Features.Creators;
using AdminPortal.Features.Creators.Niches;
using AdminPortal.Security;
using AdminPortal.Shared;
using AdminPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Brands;

/// <summary>The niche catalogue (Cloutsy): create, edit, retire, reactivate, merge keeping links unique.</summary>
public sealed class NicheCatalogueTests(PostgresFixture fixture) : DatabaseTest(fixture)
{
    private BrandTestData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await new BrandTestData(Fixture).SeedAsync();
    }

    private async Task<int> InfluencerAsync(int n, params int[] niches)
    {
        await using var db = await Fixture.CreateDbContextAsync();
        var i = new Influencer { Name = $"Creator {n}", Username = $"creator{n}", Email = $"creator{n}@cloutsy.test", Phone = $"+91 90000{n:00000}" };
        foreach (var id in niches)
            i.Niches.Add(new InfluencerNiche { NicheId = id });
        db.Add(i);
        await db.SaveChangesAsync();
        return i.Id;
    }

    private async Task<NicheRow> RowAsync(int id)
    {
        await using var scope = Scope();
        return (await scope.ServiceProvider.GetRequiredService<NicheQueryService>().ListAsync(_data.Moderator)).Single(r => r.Id == id);
    }

    [Fact]
    public async Task Merging_moves_the_links_drops_duplicates_keeps_pairs_unique_and_retires_the_source()
    {
        var both = await InfluencerAsync(1, _data.Fashion, _data.Food);
        var fashionOnly = await InfluencerAsync(2, _data.Fashion);
        await InfluencerAsync(3, _data.Food);
        await _data.AddAsync(niche: _data.Fashion);
        await using var scope = Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<NicheCatalogue>();

        var merged = await catalogue.MergeAsync(_data.Moderator, _data.Fashion, _data.Food, "Duplicate of another niche");

        Assert.True(merged.Succeeded, merged.Message);
        Assert.Contains("2 links moved, 1 duplicates dropped", merged.Message, StringComparison.Ordinal);
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.False(await db.Set<InfluencerNiche>().AnyAsync(l => l.NicheId == _data.Fashion));
        Assert.Equal(3, await db.Set<InfluencerNiche>().CountAsync(l => l.NicheId == _data.Food));
        Assert.Equal(1, await db.Set<InfluencerNiche>().CountAsync(l => l.InfluencerId == both));
        Assert.Equal(1, await db.Set<InfluencerNiche>().CountAsync(l => l.InfluencerId == fashionOnly && l.NicheId == _data.Food));
        Assert.Equal(1, await db.Set<BrandNiche>().CountAsync(l => l.NicheId == _data.Food));
        var source = await RowAsync(_data.Fashion);
        Assert.Equal((false, 0, 0), (source.Active, source.Influencers, source.Brands));
        Assert.Equal("niche.merge", (await db.Set<AdminPortal.Security.Audit.AuditLogEntry>().SingleAsync()).Action);
    }

    [Fact]
    public async Task The_counts_follow_every_link_change_by_trigger_and_equal_a_recount_and_the_rebuild()
    {
        var both = await InfluencerAsync(1, _data.Fashion, _data.Food);
        var gone = await InfluencerAsync(2, _data.Fashion);
        await InfluencerAsync(3, _data.Food);
        await _data.AddAsync(niche: _data.Fashion);
        await _data.AddAsync(niche: _data.Fashion);
        await using (var db = await Fixture.CreateDbContextAsync())
        {
            // a link removed alone, an influencer removed with its links (the cascade's statement counts too), one moved
            await db.Set<InfluencerNiche>().Where(l => l.InfluencerId == both && l.NicheId == _data.Food).ExecuteDeleteAsync();
            await db.Set<Influencer>().Where(i => i.Id == gone).ExecuteDeleteAsync();
            await db.Set<InfluencerNiche>().Where(l => l.InfluencerId == both).ExecuteUpdateAsync(u => u.SetProperty(l => l.NicheId, _data.Food));
        }

        async Task<(int, int, int, int)> RecountAsync()
        {
            await using var db = await Fixture.CreateDbContextAsync();
            return (await db.Set<InfluencerNiche>().CountAsync(l => l.NicheId == _data.Fashion), await db.Set<BrandNiche>().CountAsync(l => l.NicheId == _data.Fashion),
                await db.Set<InfluencerNiche>().CountAsync(l => l.NicheId == _data.Food), await db.Set<BrandNiche>().CountAsync(l => l.NicheId == _data.Food));
        }
        async Task<(int, int, int, int)> ShownAsync()
        {
            var (fashion, food) = (await RowAsync(_data.Fashion), await RowAsync(_data.Food));
            return (fashion.Influencers, fashion.Brands, food.Influencers, food.Brands);
        }

        Assert.Equal((0, 2, 2, 0), await RecountAsync());
        Assert.Equal(await RecountAsync(), await ShownAsync());
        await AdminPortal.Data.Rollups.RollupRebuild.RunAsync(Fixture.Database);
        Assert.Equal(await RecountAsync(), await ShownAsync());
    }

    [Fact]
    public async Task A_merge_into_itself_or_a_retired_niche_or_without_a_reason_is_refused_and_moves_nothing()
    {
        await InfluencerAsync(1, _data.Fashion);
        await using var scope = Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<NicheCatalogue>();
        var food = await RowAsync(_data.Food);
        await catalogue.RetireAsync(_data.Moderator, food.Id, food.Version, "Too narrow");

        Assert.Equal("Reason", (await catalogue.MergeAsync(_data.Moderator, _data.Fashion, _data.Food, "")).Field);
        Assert.Equal("Target", (await catalogue.MergeAsync(_data.Moderator, _data.Fashion, _data.Fashion, "Too narrow")).Field);
        Assert.Equal("Target", (await catalogue.MergeAsync(_data.Moderator, _data.Fashion, _data.Food, "Too narrow")).Field);
        Assert.Equal(1, (await RowAsync(_data.Fashion)).Influencers);
        await Assert.ThrowsAsync<AccessDeniedException>(() => catalogue.MergeAsync(_data.Staff, _data.Fashion, _data.Food, "Too narrow"));
    }

    [Fact]
    public async Task Create_edit_retire_and_reactivate_each_audited_and_stale_edits_refused()
    {
        await using var scope = Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<NicheCatalogue>();

        var created = await catalogue.CreateAsync(_data.Moderator, new NicheFields(" Pets ", "🐶", "Pets and their people"));
        var duplicate = await catalogue.CreateAsync(_data.Moderator, new NicheFields("pets", null, null));
        var row = await RowAsync(created.Value);
        var renamed = await catalogue.EditAsync(_data.Moderator, row.Id, row.Version, new NicheFields("Pet care", "🐾", null));
        var stale = await catalogue.EditAsync(_data.Moderator, row.Id, row.Version, new NicheFields("Pets again", null, null));
        row = await RowAsync(row.Id);
        var retired = await catalogue.RetireAsync(_data.Moderator, row.Id, row.Version, "Too narrow");
        row = await RowAsync(row.Id);
        var back = await catalogue.ReactivateAsync(_data.Moderator, row.Id, row.Version, "Policy change");

        Assert.True(created.Succeeded);
        Assert.Equal("Name", duplicate.Field);
        Assert.True(renamed.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.True(retired.Succeeded && back.Succeeded);
        row = await RowAsync(row.Id);
        Assert.Equal(("Pet care", "🐾", true), (row.Name, row.Icon, row.Active));
        await using var db = await Fixture.CreateDbContextAsync();
        Assert.Equal(["niche.create", "niche.edit", "niche.retire", "niche.reactivate"],
            await db.Set<AdminPortal.Security.Audit.AuditLogEntry>().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }
}
