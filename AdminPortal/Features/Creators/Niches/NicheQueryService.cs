using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Creators.Niches;

public sealed record NicheRow(int Id, string Name, string? Icon, string? Description, bool Active, int Influencers, int Brands, uint Version);

/// <summary>The niche catalogue with each niche's influencer and brand counts (ix_influencer_niches_niche_id, ix_brand_niches_niche_id).</summary>
public sealed class NicheQueryService(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors)
{
    public async Task<IReadOnlyList<NicheRow>> ListAsync(ClaimsPrincipal principal, bool reload = false, CancellationToken ct = default)
    {
        if (reload)
            await actors.RequireForReloadAsync(principal, Permission.ManageCreators, ct);
        else
            await actors.RequireAsync(principal, Permission.ManageCreators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var influencers = await db.Set<InfluencerNiche>().GroupBy(l => l.NicheId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var brands = await db.Set<BrandNiche>().GroupBy(l => l.NicheId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var niches = await db.Set<Niche>().AsNoTracking().OrderByDescending(n => n.IsActive).ThenBy(n => n.Name).ToListAsync(ct);
        return niches.Select(n => new NicheRow(n.Id, n.Name, n.Icon, n.Description, n.IsActive, influencers.GetValueOrDefault(n.Id),
            brands.GetValueOrDefault(n.Id), n.Version)).ToList();
    }
}
