using AdminPortal.Live;
using AdminPortal.Security;

namespace AdminPortal.Features.Dashboard;

/// <summary>
/// What the dashboard shows between reads: which sections the viewer's permissions give, their tiles (read again on
/// every relevant change, coalesced) and their charts (read again at most once per <see cref="ChartInterval"/>: a
/// change inside the minute marks them stale and the next minute's tick reads them).
/// </summary>
public sealed class DashboardState
{
    public static readonly TimeSpan ChartInterval = TimeSpan.FromMinutes(1);

    public bool Moderates { get; private set; }
    public bool Triages { get; private set; }
    public bool Administers { get; private set; }
    public bool Ready { get; private set; }

    public IReadOnlyList<FigureTile> ModerationTiles { get; set; } = [];
    public IReadOnlyList<string> Reviewing { get; set; } = [];
    public IReadOnlyList<FigureTile> TicketTiles { get; set; } = [];
    public IReadOnlyList<FigureTile> UserTiles { get; set; } = [];
    public IReadOnlyList<FigureTile> HealthTiles { get; set; } = [];
    public IReadOnlyList<ChartFigure> ModerationCharts { get; set; } = [];
    public IReadOnlyList<ChartFigure> TicketCharts { get; set; } = [];
    public IReadOnlyList<ChartFigure> UserCharts { get; set; } = [];

    public DateTimeOffset? ChartsReadAt { get; private set; }
    public bool ChartsStale { get; private set; }

    public void For(PortalActor actor)
    {
        Moderates = actor.Has(Permission.ModerateProducts);
        Triages = actor.Has(Permission.TriageTickets);
        Administers = actor.Has(Permission.ManageUsers);
    }

    public void Loaded() => Ready = true;

    /// <summary>What the prerender read, for the circuit to start from (no second read, no second "loading").</summary>
    public DashboardSnapshot? Snapshot() => !Ready ? null : new(Moderates, Triages, Administers, ModerationTiles, Reviewing,
        TicketTiles, UserTiles, HealthTiles, ModerationCharts, TicketCharts, UserCharts);

    /// <summary>Starts from the prerender's figures; false when there are none (the circuit reads them itself).</summary>
    public bool Restore(DashboardSnapshot? snapshot, DateTimeOffset now)
    {
        if (snapshot is null)
            return false;
        (Moderates, Triages, Administers) = (snapshot.Moderates, snapshot.Triages, snapshot.Administers);
        (ModerationTiles, Reviewing, TicketTiles, UserTiles, HealthTiles) =
            (snapshot.ModerationTiles, snapshot.Reviewing, snapshot.TicketTiles, snapshot.UserTiles, snapshot.HealthTiles);
        // one shared copy of each chart for every circuit showing it (decision 0052): this circuit's own is garbage at once
        (ModerationCharts, TicketCharts, UserCharts) =
            (ChartMarkup.Intern(snapshot.ModerationCharts), ChartMarkup.Intern(snapshot.TicketCharts), ChartMarkup.Intern(snapshot.UserCharts));
        ChartsRead(now);
        Ready = true;
        return true;
    }

    /// <summary>Whether a change may read the charts now (else they wait for the minute's tick).</summary>
    public bool ChartsDue(DateTimeOffset now) => ChartsReadAt is null || now - ChartsReadAt >= ChartInterval;

    public void ChartsRead(DateTimeOffset now)
    {
        ChartsReadAt = now;
        ChartsStale = false;
    }

    public void MarkChartsStale() => ChartsStale = true;

    /// <summary>The events that move a figure this viewer sees.</summary>
    public bool IsRelevant(ChangeEvent change) =>
        (Moderates && (change.Is(EntityTypes.Product) || change.EntityType == EntityTypes.Presence))
        || ((Triages || Administers) && change.Is(EntityTypes.Ticket))
        || (Administers && (change.Is(EntityTypes.User) || change.Is(EntityTypes.Role)));

    public string Greeting(string name, DateTimeOffset localNow) =>
        (localNow.Hour switch { < 12 => "Good morning", < 18 => "Good afternoon", _ => "Good evening" }) + ", " + name;
}

/// <summary>The dashboard as the prerender read it, persisted into the page for the circuit (<see cref="DashboardState.Snapshot"/>).</summary>
public sealed record DashboardSnapshot(bool Moderates, bool Triages, bool Administers,
    IReadOnlyList<FigureTile> ModerationTiles, IReadOnlyList<string> Reviewing, IReadOnlyList<FigureTile> TicketTiles,
    IReadOnlyList<FigureTile> UserTiles, IReadOnlyList<FigureTile> HealthTiles, IReadOnlyList<ChartFigure> ModerationCharts,
    IReadOnlyList<ChartFigure> TicketCharts, IReadOnlyList<ChartFigure> UserCharts);
