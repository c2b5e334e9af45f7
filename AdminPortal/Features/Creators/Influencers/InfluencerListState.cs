using System.Globalization;
using AdminPortal.Components.Shared;
using AdminPortal.Live;

namespace AdminPortal.Features.Creators.Influencers;

/// <summary>What the influencers list does between reads: the view, the rows, a row's state changed elsewhere. Plain C#.</summary>
public sealed class InfluencerListState : IDisposable
{
    private readonly ListReads<InfluencerListQuery, InfluencerPage, NoCounts> _reads = new(InfluencerListQuery.Default, q => q.ToQueryString());

    public ActionGate Gate => _reads.Gate;
    public InfluencerListQuery Query => _reads.Query;
    public InfluencerPage? Page => _reads.Page;
    public bool Loading => _reads.Loading;

    public string EmptyText => Query.HasFilters ? "No influencer matches these filters." : "No influencers yet.";

    public static string Url(InfluencerListQuery query) => "/influencers" + query.ToQueryString();

    public bool Show(InfluencerListQuery query) => _reads.Show(query);

    public Task LoadAsync(Func<InfluencerListQuery, CancellationToken, Task<InfluencerPage>> read) => _reads.LoadAsync(read);

    public ListSnapshot<InfluencerPage, NoCounts>? Snapshot() => _reads.Snapshot();

    public bool Restore(ListSnapshot<InfluencerPage, NoCounts>? snapshot) => _reads.Restore(snapshot);

    /// <summary>An influencer deactivated or reactivated elsewhere: the row says so at once, before the reload.</summary>
    public bool OnChange(ChangeEvent change)
    {
        if (Page is null || change.EntityType != InfluencerActions.EntityType || change.Action is not ("deactivated" or "reactivated")
            || Page.Rows.FirstOrDefault(r => r.Id.ToString(CultureInfo.InvariantCulture) == change.EntityId) is not { } row)
            return false;
        var active = change.Action == "reactivated";
        _reads.Page = Page with { Rows = Page.Rows.Select(r => r == row ? r with { Active = active } : r).ToList() };
        return true;
    }

    public void Dispose() => _reads.Dispose();
}
