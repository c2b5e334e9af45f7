using AdminPortal.Features.Dashboard;
using AdminPortal.Live;
using AdminPortal.Security;
using AdminPortal.Tests.Infrastructure;
using Bunit;

namespace AdminPortal.Tests.Features.Dashboard;

/// <summary>The tiles, the chart's table alternative, and the dashboard's state (which changes move what, and when).</summary>
public sealed class DashboardComponentTests : MudBunitContext
{
    [Fact]
    public void A_tile_with_a_list_is_a_link_to_it_and_one_without_is_plain_text()
    {
        var cut = Render<FigureTiles>(p => p.Add(t => t.Label, "Ticket figures").Add(t => t.Tiles,
        [
            new FigureTile("overdue", "Overdue", "23", "/tickets?overdue=true"),
            new FigureTile("mine-today", "My decisions today", "4", "/products?status=all&decided=today", "products, UTC day"),
            new FigureTile("plain", "A figure no list shows", "7", Note: "UTC day"),
        ]));

        var link = cut.Find("a[data-testid=tile-overdue]");
        Assert.Equal("/tickets?overdue=true", link.GetAttribute("href"));
        Assert.Equal("23", link.QuerySelector("[data-testid=tile-value]")!.TextContent);
        Assert.Contains("Overdue", link.TextContent);
        Assert.Equal("/products?status=all&decided=today", cut.Find("a[data-testid=tile-mine-today]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("a[data-testid=tile-plain]"));
        Assert.Contains("UTC day", cut.Find("[data-testid=tile-plain]").TextContent);
        Assert.Equal("Ticket figures", cut.Find("ul").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_tile_shows_its_new_value_when_the_figures_change()
    {
        var cut = Render<FigureTiles>(p => p.Add(t => t.Label, "Moderation").Add(t => t.Tiles, [new FigureTile("waiting", "Suggestions waiting", "30", "/products")]));
        cut.Render(p => p.Add(t => t.Label, "Moderation").Add(t => t.Tiles, [new FigureTile("waiting", "Suggestions waiting", "29", "/products")]));
        Assert.Equal("29", cut.Find("[data-testid=tile-waiting] [data-testid=tile-value]").TextContent);
    }

    [Fact]
    public void A_chart_carries_a_table_with_every_label_and_value_and_hides_the_drawing_from_screen_readers()
    {
        var chart = new ChartFigure("created-resolved", "Created and resolved", ["1 Nov", "2 Nov", "3 Nov"],
            [new ChartLine("Created", [3, 0, 5]), new ChartLine("Resolved", [1, 2, 0])], "line");
        var cut = Render<FigureChart>(p => p.Add(c => c.Chart, chart));

        Assert.Equal("true", cut.Find(".dash-chart-drawing").GetAttribute("aria-hidden"));
        Assert.Equal("Created and resolved", cut.Find("figcaption").TextContent);
        var rows = cut.FindAll("tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent))).ToList();
        Assert.Equal(["1 Nov|3|1", "2 Nov|0|2", "3 Nov|5|0"], rows);
        Assert.Equal(["", "Created", "Resolved"], cut.FindAll("thead th").Select(h => h.TextContent));
        Assert.Equal("0", cut.Find(".dash-table-wrap").GetAttribute("tabindex"));
    }

    [Fact]
    public void An_empty_chart_says_so_and_still_has_its_table()
    {
        var cut = Render<FigureChart>(p => p.Add(c => c.Chart,
            new ChartFigure("x", "Decisions", ["1 Nov"], [new ChartLine("Approved", [0])], "stacked")));
        Assert.Contains("Nothing to show yet", cut.Markup);
        Assert.Empty(cut.FindAll(".dash-chart-drawing"));
        Assert.Single(cut.FindAll("tbody tr"));
    }

    [Fact]
    public void The_state_follows_the_viewers_permissions_and_reads_charts_at_most_once_a_minute()
    {
        var state = new DashboardState();
        state.For(new PortalActor(1, "Sana", new HashSet<string> { PortalRoles.Staff }, []));
        Assert.True(state.Triages);
        Assert.False(state.Moderates);
        Assert.True(state.IsRelevant(new ChangeEvent(EntityTypes.Ticket, "1", ChangeActions.Updated)));
        Assert.False(state.IsRelevant(new ChangeEvent(EntityTypes.Product, "IM_1", ChangeActions.Approved)));

        var now = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.True(state.ChartsDue(now));
        state.ChartsRead(now);
        Assert.False(state.ChartsDue(now.AddSeconds(59)));
        state.MarkChartsStale();
        Assert.True(state.ChartsStale);
        Assert.True(state.ChartsDue(now.AddMinutes(1)));
        state.ChartsRead(now.AddMinutes(1));
        Assert.False(state.ChartsStale);
    }

    [Fact]
    public void The_prerendered_state_comes_back_whole_through_the_persisted_json()
    {
        var state = new DashboardState();
        Assert.Null(state.Snapshot());   // nothing read yet: nothing to persist, the circuit reads itself
        state.For(new PortalActor(1, "Sana", new HashSet<string> { PortalRoles.Staff }, []));
        state.TicketTiles = [new FigureTile("overdue", "Overdue", "23", "/tickets?overdue=true", "note")];
        state.TicketCharts = [new ChartFigure("created-resolved", "Created and resolved", ["1 Nov", "2 Nov"],
            [new ChartLine("Created", [3, 0]), new ChartLine("Resolved", [1, 2])], "line")];
        state.Loaded();

        var json = System.Text.Json.JsonSerializer.Serialize(state.Snapshot());
        var circuit = new DashboardState();
        var now = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.True(circuit.Restore(System.Text.Json.JsonSerializer.Deserialize<DashboardSnapshot>(json), now));

        Assert.True(circuit.Ready);
        Assert.True(circuit.Triages);
        Assert.False(circuit.Moderates);
        Assert.Equal(state.TicketTiles, circuit.TicketTiles);
        var chart = Assert.Single(circuit.TicketCharts);
        Assert.Equal(["1 Nov", "2 Nov"], chart.Labels);
        Assert.Equal([1.0, 2.0], chart.Series[1].Values);
        Assert.False(circuit.ChartsDue(now.AddSeconds(30)));   // the prerender's charts count as just read
        Assert.False(new DashboardState().Restore(null, now));
    }
}
