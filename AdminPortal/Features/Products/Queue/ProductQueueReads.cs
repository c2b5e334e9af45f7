using AdminPortal.Live;

namespace AdminPortal.Features.Products.Queue;

/// <summary>
/// The queue reads that open queues share after a product event (see <see cref="SharedReads{TKey,TValue}"/>), read
/// ahead: the event starts the re-read of every view on screen, so most queues find it done when they hear the event
/// and render once (decision 0047).
/// </summary>
public sealed class ProductQueueReads(IChangeFeed feed) : ISharedCache, IDisposable
{
    public SharedReads<ProductQueueQuery, ProductPage> Pages { get; } = new(feed, e => e.Is(EntityTypes.Product), readAhead: true);

    /// <summary>Keyed by the filters alone (<see cref="TabsKey"/>): the tab counts ignore status, sort and page.</summary>
    public SharedReads<ProductQueueQuery, IReadOnlyDictionary<string, CountEstimate>> Tabs { get; } =
        new(feed, e => e.Is(EntityTypes.Product), readAhead: true);

    public static ProductQueueQuery TabsKey(ProductQueueQuery query) =>
        query with { Status = null, Sort = ProductSort.Submitted, Descending = false, Page = 1, PageSize = ProductQueueQuery.DefaultPageSize };

    public void Invalidate()
    {
        Pages.Invalidate();
        Tabs.Invalidate();
    }

    public void Dispose()
    {
        Pages.Dispose();
        Tabs.Dispose();
    }
}
