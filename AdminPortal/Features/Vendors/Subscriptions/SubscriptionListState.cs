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

    private CancellationTokenSource? _cts;

    public ActionGate Gate { get; } = new();
    public SubscriptionListQuery Query { get; private set; } = SubscriptionListQuery.Default;
    public SubscriptionPage? Page { get; private set; }
    public ExpiryRecord? Expiry { get; set; }
    public bool Loading { get; private set; }

    public string EmptyText => Query.HasFilters ? "No subscription matches these filters." : "No subscriptions yet.";

    public static string Url(SubscriptionListQuery query) => "/subscriptions" + query.ToQueryString();

    public bool Show(SubscriptionListQuery query)
    {
        if (query == Query && Page is not null)
            return false;
        Query = query;
        return true;
    }

    public async Task LoadAsync(Func<SubscriptionListQuery, CancellationToken, Task<SubscriptionPage>> read)
    {
        _cts?.Cancel();
        var cts = _cts = new CancellationTokenSource();
        Loading = true;
        try
        {
            Page = await Gate.ReadAsync(() => read(Query, cts.Token)) ?? Page;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // a newer view replaced this one
        }
        finally
        {
            if (cts == _cts)
                Loading = false;
        }
    }

    public static ReasonRequest ExtendRequest(SubscriptionRow row, int days) =>
        new($"Extend {row.User}'s subscription by {days} days", SubscriptionActions.Reason, "Extend");

    public static ReasonRequest CancelRequest(SubscriptionRow row) =>
        new($"Cancel {row.User}'s subscription", SubscriptionActions.Reason, "Cancel subscription", Danger: true,
            Warning: "It ends today; the provider is not refunded from here.");

    public void Dispose()
    {
        _cts?.Cancel();
        _cts?.Dispose();
    }
}
