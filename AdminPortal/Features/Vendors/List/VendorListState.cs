using AdminPortal.Components.Shared;
using AdminPortal.Live;

namespace AdminPortal.Features.Vendors.List;

/// <summary>What the vendors list does between reads: the view, the rows, the read in flight. Plain C#.</summary>
public sealed class VendorListState : IDisposable
{
    public static readonly (string Label, VendorSort Sort, string? Class)[] Columns =
        [("Vendor", VendorSort.Name, null), ("Created", VendorSort.Created, "hide-sm")];

    private CancellationTokenSource? _cts;

    public ActionGate Gate { get; } = new();
    public VendorListQuery Query { get; private set; } = VendorListQuery.Default;
    public VendorPage? Page { get; private set; }
    public bool Loading { get; private set; }

    public string EmptyText => Query.HasFilters ? "No vendor matches these filters." : "No vendors yet.";

    public static string Url(VendorListQuery query) => "/vendors" + query.ToQueryString();

    public string VendorUrl(VendorRow row) => $"/vendors/{row.Id}{Query.ToQueryString()}";

    public bool Show(VendorListQuery query)
    {
        if (query == Query && Page is not null)
            return false;
        Query = query;
        return true;
    }

    public async Task LoadAsync(Func<VendorListQuery, CancellationToken, Task<VendorPage>> read)
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

    /// <summary>A vendor closed or reopened elsewhere: its row says so at once, before the reload.</summary>
    public bool OnChange(ChangeEvent change)
    {
        if (Page is null || change.EntityType != VendorActions.EntityType || change.Action is not ("closed" or "reopened")
            || Page.Rows.FirstOrDefault(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == change.EntityId) is not { } row)
            return false;
        var open = change.Action == "reopened";
        Page = Page with { Rows = Page.Rows.Select(r => r == row ? r with { Open = open } : r).ToList() };
        return true;
    }

    public void Dispose()
    {
        _cts?.Cancel();
        _cts?.Dispose();
    }
}
