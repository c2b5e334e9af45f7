using AdminPortal.Components.Shared;
using AdminPortal.Live;

namespace AdminPortal.Features.Vendors.Subscriptions;

/// <summary>What the subscriptions list does between reads: the view, the rows, the expiry pass's record. Plain C#.</summary>
public sealed class SubscriptionListState : IDisposable
{
    public static readonly (string Label, SubscriptionSort Sort, string? Class)[] Columns =
        [("Starts", SubscriptionSort.Start, "hide-sm"), ("Ends", SubscriptionSort.End, null)];

    /// <summary>The "expiring within" choices offered.</summary>
    public static readonly int[] WithinChoices = [7, 14, 30, 90];

    private readonly ListReads<SubscriptionListQuery, SubscriptionPage, ExpiryRecord> _reads = new(SubscriptionListQuery.Default, q => q.ToQueryString());

    public ActionGate Gate => _reads.Gate;
    public SubscriptionListQuery Query => _reads.Query;
    public SubscriptionPage? Page => _reads.Page;
    /// <summary>What the expiry pass did lately, read after the rows.</summary>
    public ExpiryRecord? Expiry => _reads.Counts;
    public bool Loading => _reads.Loading;

    public string EmptyText => Query.HasFilters ? "No subscription matches these filters." : "No subscriptions yet.";

    public static string Url(SubscriptionListQuery query) => "/subscriptions" + query.ToQueryString();

    public bool Show(SubscriptionListQuery query) => _reads.Show(query);

    public Task LoadAsync(Func<SubscriptionListQuery, CancellationToken, Task<SubscriptionPage>> read,
        Func<SubscriptionListQuery, CancellationToken, Task<ExpiryRecord>>? readExpiry = null) => _reads.LoadAsync(read, readExpiry);

    public ListSnapshot<SubscriptionPage, ExpiryRecord>? Snapshot() => _reads.Snapshot();

    public bool Restore(ListSnapshot<SubscriptionPage, ExpiryRecord>? snapshot) => _reads.Restore(snapshot);

    public static ReasonRequest ExtendRequest(SubscriptionRow row, int days) =>
        new($"Extend {row.User}'s subscription by {days} days", SubscriptionActions.Reason, "Extend");

    public static ReasonRequest CancelRequest(SubscriptionRow row) =>
        new($"Cancel {row.User}'s subscription", SubscriptionActions.Reason, "Cancel subscription", Danger: true,
            Warning: "It ends today; the provider is not refunded from here.");

    public void Dispose() => _reads.Dispose();
}
