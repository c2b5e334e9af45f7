using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Creators.Niches;

public sealed record NicheRow(int Id, string Name, string? Icon, string? Description, bool Active, int Influencers, int Brands, uint Version);

/// <summary>The niche catalogue with each niche's influencer and brand counts (kept by triggers: reporting.niche_link_counts).</summary>
public sealed class NicheQueryService(ReadDbContextFactory reads, ActorResolver actors)
{
    public async Task<IReadOnlyList<NicheRow>> ListAsync(ClaimsPrincipal principal, bool reload = false, CancellationToken ct = default)
    {
        if (reload)
            await actors.RequireForReloadAsync(principal, Permission.ManageCreators, ct);
        else
            await actors.RequireAsync(principal, Permission.ManageCreators, ct);
        await using var db = await reads.CreateDbContextAsync(principal, reload, ct);
        var niches = await db.Set<Niche>().AsNoTracking().OrderByDescending(n => n.IsActive).ThenBy(n => n.Name).ToListAsync(ct);
        var counts = await CountsAsync(db, ct);
        return niches.Select(n => new NicheRow(n.Id, n.Name, n.Icon, n.Description, n.IsActive,
            counts.GetValueOrDefault(n.Id).Influencers, counts.GetValueOrDefault(n.Id).Brands, n.Version)).ToList();
    }

    /// <summary>The counters the link tables' triggers keep (reporting.niche_link_counts, decision 0031): 100 rows, not 1M links.</summary>
    private static async Task<Dictionary<int, (int Influencers, int Brands)>> CountsAsync(PortalDbContext db, CancellationToken ct)
    {
        var counts = new Dictionary<int, (int, int)>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT niche_id, influencers, brands FROM reporting.niche_link_counts";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                counts[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return counts;
    }
}
