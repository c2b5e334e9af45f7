using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Data.Rollups;
using AdminPortal.Features.Creators;
using AdminPortal.Features.Products;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Brands.Queue;

/// <summary>
/// Reads for the brand verification queue and the brand review. The caller's permission is checked first; pages are
/// read with a deferred join (the page's ids from the ordered filter, then only those rows with their niches), counts
/// are capped at <see cref="CountEstimate.ExactLimit"/>.
/// </summary>
public sealed class BrandQueryService(IDbContextFactory<PortalDbContext> dbFactory, ReadDbContextFactory reads, ActorResolver actors)
{
    public static readonly (BrandState? State, string Label)[] Tabs =
    [
        (BrandState.Waiting, "Waiting"), (BrandState.Reupload, "New upload requested"), (BrandState.Verified, "Verified"),
        (BrandState.Incomplete, "Incomplete"), (null, "All"),
    ];

    public async Task<BrandPage> GetPageAsync(ClaimsPrincipal principal, BrandQueueQuery query, bool reload = false,
        CancellationToken ct = default)
    {
        await RequireAsync(principal, reload, ct);
        await using var db = await reads.CreateDbContextAsync(principal, reload, ct);
        var filtered = BrandFilters.Apply(db.Set<Brand>().AsNoTracking(), query);
        var pageIds = BrandFilters.Order(filtered, query).Skip(query.Offset).Take(query.PageSize).Select(b => b.Id);
        var rows = await BrandFilters.Order(db.Set<Brand>().AsNoTracking().Where(b => pageIds.Contains(b.Id)), query)
            .Select(b => new
            {
                b.Id, b.BrandName, b.LegalEntityName, b.CompanyType, b.Email, b.IncorporationDocumentStatus,
                b.GstDocumentStatus, b.PanDocumentStatus, b.CreatedAt,
                Niches = b.Niches.OrderBy(n => n.Niche!.Name).Select(n => n.Niche!.Name).ToList(),
            })
            .ToListAsync(ct);
        var total = CountEstimate.FromShortPage(query.Offset, query.PageSize, rows.Count) ?? await CountAsync(filtered, ct);
        return new BrandPage(rows.Select(r => new BrandRow(r.Id, r.BrandName ?? r.Email, r.LegalEntityName, r.CompanyType, r.Email,
            r.IncorporationDocumentStatus, r.GstDocumentStatus, r.PanDocumentStatus, r.CreatedAt, string.Join(", ", r.Niches))).ToList(), total);
    }

    /// <summary>The count of each state tab under the current filters.</summary>
    public async Task<IReadOnlyDictionary<string, CountEstimate>> CountStatesAsync(ClaimsPrincipal principal, BrandQueueQuery query,
        bool reload = false, CancellationToken ct = default)
    {
        await RequireAsync(principal, reload, ct);
        await using var db = await reads.CreateDbContextAsync(principal, reload, ct);
        var counts = new Dictionary<string, CountEstimate>();
        if (query.HasNoFilters)
        {
            // the counters the brands' triggers keep (reporting.brand_states, decision 0036): exact, four rows
            var kept = await db.Database.SqlQueryRaw<BrandStateCount>(BrandStateSql.Read).ToDictionaryAsync(c => c.State, c => c.Brands, ct);
            // the counters' state names are the tabs' keys (reporting.brand_state spells them as StateKey does)
            foreach (var (state, _) in Tabs)
                counts[BrandQueueQuery.StateKey(state)] = new CountEstimate(state is null
                    ? kept.Values.Sum() : kept.GetValueOrDefault(BrandQueueQuery.StateKey(state)), CountKind.Exact);
            return counts;
        }
        foreach (var (state, _) in Tabs)
            counts[BrandQueueQuery.StateKey(state)] =
                await CountAsync(BrandFilters.Apply(db.Set<Brand>().AsNoTracking(), query with { State = state }), ct);
        return counts;
    }

    private sealed record BrandStateCount(string State, int Brands);

    private static async Task<CountEstimate> CountAsync(IQueryable<Brand> filtered, CancellationToken ct)
    {
        return CountEstimate.FromCapped(await filtered.Take(CountEstimate.ExactLimit + 1).CountAsync(ct));
    }

    public async Task<IReadOnlyList<NicheOption>> NichesAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.VerifyBrands, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Niche>().AsNoTracking().OrderBy(n => n.Name)
            .Select(n => new NicheOption(n.Id, n.Name, n.Icon, n.IsActive)).ToListAsync(ct);
    }

    public async Task<BrandDetails?> GetDetailsAsync(ClaimsPrincipal principal, int id, bool reload = false, CancellationToken ct = default)
    {
        await RequireAsync(principal, reload, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await db.Set<Brand>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
            return null;
        var niches = await db.Set<BrandNiche>().AsNoTracking().Where(n => n.BrandId == id).OrderBy(n => n.Niche!.Name)
            .Select(n => n.Niche!.Name).ToListAsync(ct);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var history = await db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == BrandEvents.EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(50)
            .Select(a => new BrandChange(a.ActorName, a.Action, a.At, a.Reason)).ToListAsync(ct);
        var documents = BrandDocuments.All.Select(d => new BrandDocumentView(d, BrandDocuments.UrlOf(b, d), BrandDocuments.StatusOf(b, d),
            history.FirstOrDefault(h => h.Action.StartsWith(BrandEvents.AuditPrefix(d), StringComparison.Ordinal)))).ToList();
        return new BrandDetails(b.Id, b.BrandName ?? b.Email, b.Username, b.Email, b.Phone, b.IsPhoneVerified, b.LegalEntityName,
            b.CompanyType, b.BrandEmailId, b.PocName, b.PocDesignation, b.PocEmailId, b.PocContactNumber, b.BrandBio,
            b.ProfileImage, b.IsActive, b.IsProfileCompleted, b.CreatedAt, b.UpdatedAt, b.VerificationNote, niches, documents, history);
    }

    /// <summary>
    /// The brand j/k moves to from <paramref name="currentId"/> in the queue view the reviewer came from: the row
    /// after (before) it, or the row now at <paramref name="position"/> when the current one left the view.
    /// </summary>
    public async Task<(int Id, int Position)?> NeighbourAsync(ClaimsPrincipal principal, BrandQueueQuery query, int currentId,
        int position, int step, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.VerifyBrands, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await BrandFilters.Order(BrandFilters.Apply(db.Set<Brand>().AsNoTracking(), query), query)
            .Skip(query.Offset).Take(query.PageSize + 1).Select(b => b.Id).ToListAsync(ct);
        var index = ids.IndexOf(currentId);
        var target = index >= 0 ? index + step : step > 0 ? position : position - 1;
        return target >= 0 && target < ids.Count ? (ids[target], target) : null;
    }

    private Task RequireAsync(ClaimsPrincipal principal, bool reload, CancellationToken ct) => reload
        ? actors.RequireForReloadAsync(principal, Permission.VerifyBrands, ct)
        : actors.RequireAsync(principal, Permission.VerifyBrands, ct);
}
