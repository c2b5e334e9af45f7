using AdminPortal.Components.Shared;

namespace AdminPortal.Features.Creators.Niches;

/// <summary>What the niches screen does between reads: the rows, which niche the editor holds, which one is being merged. Plain C#.</summary>
public sealed class NicheListState
{
    public ActionGate Gate { get; } = new();
    public IReadOnlyList<NicheRow>? Rows { get; private set; }

    /// <summary>The niche in the editor; null: the editor creates a new one.</summary>
    public NicheRow? Editing { get; private set; }
    public NicheRow? Merging { get; set; }

    public IEnumerable<NicheRow> MergeTargets => (Rows ?? []).Where(r => r.Active && r.Id != Merging?.Id);

    public void Show(IReadOnlyList<NicheRow>? rows)
    {
        Rows = rows ?? Rows;
        // the editor follows a reload (a new version) or lets go of a niche that is gone
        if (Editing is { } e)
            Editing = Rows?.FirstOrDefault(r => r.Id == e.Id);
    }

    public void Edit(NicheRow? row) => Editing = row;

    public static ReasonRequest RetireRequest(NicheRow row) => new($"Retire “{row.Name}”", NicheCatalogue.Reason, "Retire", Danger: true,
        Helper: $"It stays on its {row.Influencers} influencers and {row.Brands} brands, and is no longer offered for new ones.");

    public static ReasonRequest ReactivateRequest(NicheRow row) => new($"Reactivate “{row.Name}”", NicheCatalogue.Reason, "Reactivate");
}
