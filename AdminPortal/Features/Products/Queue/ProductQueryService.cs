using System.Data.Common;
using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Products.Queue;

/// <summary>
/// Reads for the moderation queue and the review page. Every filter has an index behind it (the queue index
/// (publishing_status, created_at, id), cause, vendor, the trigram indexes on title and description); counts are
/// capped or estimated, never an exact count(*) over the whole table.
/// </summary>
public sealed class ProductQueryService(IDbContextFactory<PortalDbContext> dbFactory, ReadDbContextFactory reads, ActorResolver actors,
    ProductQueueReads shared, LiveInstance instance, TimeProvider clock)
{
    /// <summary>From this many open circuits on the instance, a queue waits for its view's running re-read (below).</summary>
    public const int WaitForReadFromCircuits = 500;
    private static readonly TimeSpan MaxWaitForRead = TimeSpan.FromMilliseconds(250);

    public async Task<ProductPage> GetPageAsync(ClaimsPrincipal principal, ProductQueueQuery query, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(principal, Permission.ModerateProducts, ct);
        return await ReadPageAsync(principal, query, DecidedBy.For(query, actor.Id, clock), ct);
    }

    /// <summary>
    /// The page again after a product event: every open queue of this instance showing the same view shares one read.
    /// Not for a user's own action (read with <see cref="GetPageAsync"/>): its event may not have come back yet.
    /// </summary>
    public async Task<ProductPage> GetPageAfterChangeAsync(ClaimsPrincipal principal, ProductQueueQuery query,
        CancellationToken ct = default)
    {
        await actors.RequireForReloadAsync(principal, Permission.ModerateProducts, ct);
        if (Viewer(principal, query) is { } decidedBy)   // the viewer's own decisions: nobody else's view to share
            return await ReadPageAsync(null, query, decidedBy, ct);
        return await shared.Pages.GetAsync(query, () => ReadPageAsync(null, query, null, CancellationToken.None), ct);
    }

    /// <summary>The tab counts after a product event, shared like <see cref="GetPageAfterChangeAsync"/>.</summary>
    public async Task<IReadOnlyDictionary<string, CountEstimate>> CountTabsAfterChangeAsync(ClaimsPrincipal principal,
        ProductQueueQuery query, CancellationToken ct = default)
    {
        await actors.RequireForReloadAsync(principal, Permission.ModerateProducts, ct);
        var key = ProductQueueReads.TabsKey(query);
        if (Viewer(principal, query) is { } decidedBy)
            return await ReadTabsAsync(null, key, decidedBy, ct);
        return await shared.Tabs.GetAsync(key, () => ReadTabsAsync(null, key, null, CancellationToken.None), ct);
    }

    /// <summary>
    /// The view's rows and tab counts as re-read after the latest product event (the reads start on the event itself,
    /// see <see cref="ProductQueueReads"/>): when both have finished; or, with many circuits open on the instance, when
    /// they finish within 250 ms (then the fan-out's work, one item per circuit, no longer queues in front of the
    /// read's own continuations, and one render per queue is worth the wait). Null otherwise, and for the viewer's own
    /// "decided by me" views. The same user check as the other reloads.
    /// </summary>
    public async Task<(ProductPage Page, IReadOnlyDictionary<string, CountEstimate> Counts)?> ReadAlreadyAfterChangeAsync(
        ClaimsPrincipal principal, ProductQueueQuery query, CancellationToken ct = default)
    {
        await actors.RequireForReloadAsync(principal, Permission.ModerateProducts, ct);
        if (query.Decided is not null || shared.Pages.Current(query) is not { } page
            || shared.Tabs.Current(ProductQueueReads.TabsKey(query)) is not { } counts)
            return null;
        if (!page.IsCompletedSuccessfully || !counts.IsCompletedSuccessfully)
        {
            if (instance.OpenCircuits < WaitForReadFromCircuits)
                return null;
            try
            {
                await Task.WhenAll(page, counts).WaitAsync(MaxWaitForRead, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return null;   // too slow, or failed: the row leaves from the event and the usual reload refills
            }
        }
        return (page.Result, counts.Result);
    }

    /// <summary>
    /// A reader's own read goes through the read path (a standby, or the primary after their own write); a reload after
    /// a change event (no reader) reads from the primary: a standby may not have replayed the change yet, and no second
    /// event would come to correct a queue read before it (decision 0041).
    /// </summary>
    private Task<PortalDbContext> ContextAsync(ClaimsPrincipal? reader, CancellationToken ct) =>
        reader is null ? dbFactory.CreateDbContextAsync(ct) : reads.CreateDbContextAsync(reader, ct);

    /// <summary>The "decided by me" window of a reload, for the principal just checked.</summary>
    private DecidedBy? Viewer(ClaimsPrincipal principal, ProductQueueQuery query) =>
        query.Decided is null ? null : DecidedBy.For(query, principal.UserId() ?? throw new AccessDeniedException("Not signed in."), clock);

    private async Task<ProductPage> ReadPageAsync(ClaimsPrincipal? reader, ProductQueueQuery query, DecidedBy? decidedBy,
        CancellationToken ct)
    {
        await using var db = await ContextAsync(reader, ct);
        decidedBy = await ProductFilters.DecidedIdsAsync(db, decidedBy, ct);
        var filtered = ProductFilters.Apply(db.Set<Product>().AsNoTracking(), query, db, decidedBy);
        // Deferred join: the page's ids come from the ordered index alone (index-only when an index covers the filter
        // and sort), then only those rows are read and their vendor looked up, not every row OFFSET skips.
        var pageIds = ProductFilters.Order(filtered, query, db, decidedBy).Skip(query.Offset).Take(query.PageSize).Select(p => p.Id);
        var rows = await ProductFilters.Order(db.Set<Product>().AsNoTracking().Where(p => pageIds.Contains(p.Id)), query, db, decidedBy)
            .Select(p => new
            {
                p.Id, p.Title, p.Cause, p.VendorId,
                Vendor = db.Users.Where(u => u.Id == p.VendorId).Select(u => u.Name ?? u.Email).FirstOrDefault(),
                p.Mrp, p.SellingPrice, p.PublishingStatus, p.CreatedAt, p.Images, p.Version,
            })
            .ToListAsync(ct);
        var total = await CountAsync(db, filtered, query, ct);
        return new ProductPage(rows.Select(r => new ProductRow(r.Id, r.Title, r.Cause, r.VendorId, r.Vendor ?? $"vendor {r.VendorId}",
            r.Mrp, r.SellingPrice, r.PublishingStatus, r.CreatedAt, r.Images.FirstOrDefault(), r.Version)).ToList(), total);
    }

    /// <summary>The count of each status tab under the current filters (capped or estimated).</summary>
    public async Task<IReadOnlyDictionary<string, CountEstimate>> CountTabsAsync(ClaimsPrincipal principal,
        ProductQueueQuery query, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(principal, Permission.ModerateProducts, ct);
        return await ReadTabsAsync(principal, query, DecidedBy.For(query, actor.Id, clock), ct);
    }

    private async Task<IReadOnlyDictionary<string, CountEstimate>> ReadTabsAsync(ClaimsPrincipal? reader,
        ProductQueueQuery query, DecidedBy? decidedBy, CancellationToken ct)
    {
        await using var db = await ContextAsync(reader, ct);
        decidedBy = await ProductFilters.DecidedIdsAsync(db, decidedBy, ct);   // once for the five counts
        var counts = new Dictionary<string, CountEstimate>();
        PublishingStatus?[] tabs = [PublishingStatus.Suggestion, PublishingStatus.Draft, PublishingStatus.Published, PublishingStatus.Rejected, null];
        foreach (var status in tabs)
        {
            var tab = query with { Status = status };
            counts[ProductQueueQuery.StatusKey(status)] =
                await CountAsync(db, ProductFilters.Apply(db.Set<Product>().AsNoTracking(), tab, db, decidedBy), tab, ct);
        }
        return counts;
    }

    private static async Task<CountEstimate> CountAsync(PortalDbContext db, IQueryable<Product> filtered,
        ProductQueueQuery query, CancellationToken ct)
    {
        if (query.Status is null && !query.HasFilters)
        {
            var estimate = await TableEstimateAsync(db, ct);
            if (estimate > CountEstimate.ExactLimit)
                return new CountEstimate(estimate, CountKind.About);
        }
        var capped = await filtered.Take(CountEstimate.ExactLimit + 1).CountAsync(ct);
        if (capped <= CountEstimate.ExactLimit)
            return new CountEstimate(capped, CountKind.Exact);
        var planned = await PlannerEstimateAsync(db, filtered, ct);
        return planned > CountEstimate.ExactLimit
            ? new CountEstimate(planned, CountKind.About)
            : new CountEstimate(CountEstimate.ExactLimit, CountKind.AtLeast);
    }

    private static async Task<long> TableEstimateAsync(PortalDbContext db, CancellationToken ct) =>
        (long)await db.Database.SqlQueryRaw<float>(
            "SELECT GREATEST(reltuples, 0)::real AS \"Value\" FROM pg_class WHERE oid = 'catalog.products'::regclass")
            .SingleAsync(ct);

    /// <summary>The planner's row estimate for the filtered query (EXPLAIN, nothing is read).</summary>
    private static async Task<long> PlannerEstimateAsync(PortalDbContext db, IQueryable<Product> filtered, CancellationToken ct)
    {
        await using var command = filtered.Select(p => p.Id).CreateDbCommand();
        command.CommandText = "EXPLAIN (FORMAT JSON) " + command.CommandText;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var json = (string?)await command.ExecuteScalarAsync(ct) ?? "[]";
            using var plan = JsonDocument.Parse(json);
            return (long)plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Vendors with at least one product, by name or email, for the filter's autocomplete.</summary>
    public async Task<IReadOnlyList<VendorOption>> SearchVendorsAsync(ClaimsPrincipal principal, string? text,
        CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.ModerateProducts, ct);
        await using var db = await reads.CreateDbContextAsync(principal, ct);
        var users = db.Users.AsNoTracking().Where(u => db.Set<Product>().Any(p => p.VendorId == u.Id));
        if (TextRules.Searchable(text) is { } term)
        {
            var pattern = LikePattern.Contains(term);
            users = users.Where(u => EF.Functions.ILike(u.Name!, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(u.Email!, pattern, LikePattern.EscapeCharacter));
        }
        return await users.OrderBy(u => u.Name ?? u.Email).Take(20)
            .Select(u => new VendorOption(u.Id, u.Name ?? u.Email!, u.Email)).ToListAsync(ct);
    }

    public async Task<VendorOption?> FindVendorAsync(ClaimsPrincipal principal, int id, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.ModerateProducts, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new VendorOption(u.Id, u.Name ?? u.Email!, u.Email)).FirstOrDefaultAsync(ct);
    }

    public async Task<ProductDetails?> GetDetailsAsync(ClaimsPrincipal principal, string id, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.ModerateProducts, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Set<Product>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
            return null;
        var vendor = await db.Users.AsNoTracking().Where(u => u.Id == p.VendorId)
            .Select(u => new { u.Id, Name = u.Name ?? u.Email!, u.Email }).SingleAsync(ct);
        var byStatus = await db.Set<Product>().AsNoTracking().Where(x => x.VendorId == p.VendorId)
            .GroupBy(x => x.PublishingStatus).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(PublishingStatus s) => byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0;
        var history = await HistoryQuery(db, id).Take(50).ToListAsync(ct);
        return new ProductDetails(p.Id, p.Title, p.Description, p.Cause, p.Mrp, p.SellingPrice, p.PublishingStatus,
            p.Images, p.ProductUrl, p.Remark, p.CreatedAt, p.UpdatedAt, p.Version,
            new VendorSummary(vendor.Id, vendor.Name, vendor.Email, Count(PublishingStatus.Published),
                Count(PublishingStatus.Rejected), Count(PublishingStatus.Suggestion)),
            history);
    }

    /// <summary>
    /// The product j/k moves to from <paramref name="currentId"/> in the queue the moderator came from: the row after
    /// (or before) it on the same page of the same view, or the row now at <paramref name="position"/> when the
    /// current one left the queue (it was just decided).
    /// </summary>
    public async Task<(string Id, int Position)?> NeighbourAsync(ClaimsPrincipal principal, ProductQueueQuery query,
        string currentId, int position, int step, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(principal, Permission.ModerateProducts, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var decidedBy = DecidedBy.For(query, actor.Id, clock);
        var ids = await ProductFilters.Order(ProductFilters.Apply(db.Set<Product>().AsNoTracking(), query, db, decidedBy), query, db)
            .Skip(query.Offset).Take(query.PageSize + 1).Select(p => p.Id).ToListAsync(ct);
        var index = ids.IndexOf(currentId);
        var target = index >= 0 ? index + step : step > 0 ? position : position - 1;
        return target >= 0 && target < ids.Count ? (ids[target], target) : null;
    }

    /// <summary>Where the product stands on its page of the view (0-based); null when it is not on it.</summary>
    public async Task<int?> PositionAsync(ClaimsPrincipal principal, ProductQueueQuery query, string id,
        CancellationToken ct = default) =>
        (await NeighbourAsync(principal, query, id, position: 0, step: 0, ct))?.Position;

    internal static IQueryable<ProductChange> HistoryQuery(PortalDbContext db, string id) =>
        db.Set<AuditLogEntry>().AsNoTracking()
            .Where(a => a.EntityType == EntityTypes.Product && a.EntityId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new ProductChange(a.ActorName, a.Action, a.At, a.Reason));
}
