using System.Security.Claims;
using AdminPortal.Security;

namespace AdminPortal.Features.Dashboard;

/// <summary>
/// The dashboard's reads into a <see cref="DashboardState"/>: the sections the viewer's permissions give, then their
/// tiles and charts. Each figure service opens its own DbContext from the factory and checks the caller itself, so the
/// reads run side by side; the state's fields are set after each await, on the caller's context (the renderer's, on
/// the page). The page reads through it, and so does the warm-up at start (<see cref="DashboardWarmUp"/>): the same
/// calls, so the warm-up compiles exactly the queries the first visitor's page runs.
/// </summary>
public sealed class DashboardReader(ActorResolver actors, ModerationFigures moderation, TicketFigures tickets,
    AdminFigures admin, TimeProvider clock)
{
    /// <summary>Everything, for a first read (the prerender's, or the circuit's when the prerender met an outage).</summary>
    public async Task ReadAllAsync(DashboardState state, ClaimsPrincipal user)
    {
        state.For(await actors.ResolveAsync(user));
        await Task.WhenAll(ReadTilesAsync(state, user, afterChange: false), ReadChartsAsync(state, user));
        state.Loaded();
    }

    /// <param name="afterChange">A live change asked: every open dashboard asks at once, the moderation tiles share one
    /// read of the viewer's roles (<see cref="ActorResolver.ResolveSharedAsync"/>).</param>
    public async Task ReadTilesAsync(DashboardState state, ClaimsPrincipal user, bool afterChange)
    {
        var moderationTiles = state.Moderates ? moderation.TilesAsync(user, afterChange) : null;
        var ticketTiles = state.Triages ? tickets.TilesAsync(user, afterChange) : null;
        var userTiles = state.Administers ? admin.UserTilesAsync(user, afterChange) : null;
        var healthTiles = state.Administers ? admin.HealthTilesAsync(user) : null;
        await Task.WhenAll(new Task?[] { moderationTiles, ticketTiles, userTiles, healthTiles }.OfType<Task>());
        if (moderationTiles is not null)
            (state.ModerationTiles, state.Reviewing) = await moderationTiles;
        if (ticketTiles is not null)
            state.TicketTiles = await ticketTiles;
        if (userTiles is not null)
            state.UserTiles = await userTiles;
        if (healthTiles is not null)
            state.HealthTiles = await healthTiles;
    }

    public async Task ReadChartsAsync(DashboardState state, ClaimsPrincipal user)
    {
        var moderationCharts = state.Moderates ? moderation.ChartsAsync(user) : null;
        var ticketCharts = state.Triages ? tickets.ChartsAsync(user) : null;
        var userCharts = state.Administers ? admin.ChartsAsync(user) : null;
        await Task.WhenAll(new Task?[] { moderationCharts, ticketCharts, userCharts }.OfType<Task>());
        if (moderationCharts is not null)
            state.ModerationCharts = ChartMarkup.Intern(await moderationCharts);
        if (ticketCharts is not null)
            state.TicketCharts = ChartMarkup.Intern(await ticketCharts);
        if (userCharts is not null)
            state.UserCharts = ChartMarkup.Intern(await userCharts);
        state.ChartsRead(clock.GetUtcNow());
    }
}
