using AdminPortal.Components.Shared;
using AdminPortal.Live;

namespace AdminPortal.Features.Vendors.List;

/// <summary>What the vendors list does between reads: the view, the rows, the read in flight. Plain C#.</summary>
public sealed class VendorListState : IDisposable
{
    public static readonly (string Label, VendorSort Sort, string? Class)[] Columns =
        [("Vendor", VendorSort.Name, null), ("Created", VendorSort.Created, "hide-sm")];

    private readonly ListReads<VendorListQuery, VendorPage, NoCounts> _reads = new(VendorListQuery.Default, q => q.ToQueryString());

    public ActionGate Gate => _reads.Gate;
    public VendorListQuery Query => _reads.Query;
    public VendorPage? Page => _reads.Page;
    public bool Loading => _reads.Loading;

    public string EmptyText => Query.HasFilters ? "No vendor matches these filters." : "No vendors yet.";

    public static string Url(VendorListQuery query) => "/vendors" + query.ToQueryString();

    public string VendorUrl(VendorRow row) => $"/vendors/{row.Id}{Query.ToQueryString()}";

    public bool Show(VendorListQuery query) => _reads.Show(query);

    public Task LoadAsync(Func<VendorListQuery, CancellationToken, Task<VendorPage>> read) => _reads.LoadAsync(read);

    public ListSnapshot<VendorPage, NoCounts>? Snapshot() => _reads.Snapshot();

    public bool Restore(ListSnapshot<VendorPage, NoCounts>? snapshot) => _reads.Restore(snapshot);

    /// <summary>A vendor closed or reopened elsewhere: its row says so at once, before the reload.</summary>
    public bool OnChange(ChangeEvent change)
    {
        if (Page is null || change.EntityType != VendorActions.EntityType || change.Action is not ("closed" or "reopened")
            || Page.Rows.FirstOrDefault(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == change.EntityId) is not { } row)
            return false;
        var open = change.Action == "reopened";
        _reads.Page = Page with { Rows = Page.Rows.Select(r => r == row ? r with { Open = open } : r).ToList() };
        return true;
    }

    public void Dispose() => _reads.Dispose();
}
