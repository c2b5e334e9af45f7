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
    public void A_bar_chart_draws_a_bar_for_each_value_with_its_value_on_hover_and_no_event_handler()
    {
        var chart = new ChartFigure("decisions", "Decisions", ["1 Nov", "2 Nov"],
            [new ChartLine("Approved", [3, 0]), new ChartLine("Rejected", [1, 2])], "bar", " h");
        var cut = Render<FigureChart>(p => p.Add(c => c.Chart, chart));

        var bars = cut.FindAll(".dash-chart-drawing rect.chart-bar");
        Assert.Equal(3, bars.Count);   // a zero draws nothing
        Assert.Equal(["1 Nov · Approved: 3 h", "1 Nov · Rejected: 1 h", "2 Nov · Rejected: 2 h"],
            bars.Select(b => b.QuerySelector("title")!.TextContent));
        // the taller value, the taller bar; the y axis's ceiling is the next round figure over the largest value
        double Height(int i) => double.Parse(bars[i].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Height(0) > Height(2) && Height(2) > Height(1));
        Assert.Equal(["0", "1", "2", "3"], cut.FindAll("text.chart-tick[text-anchor=end]").Select(t => t.TextContent));
        Assert.Equal(["Approved", "Rejected"], cut.FindAll(".chart-legend li").Select(l => l.TextContent));
        Assert.DoesNotContain("blazor:on", cut.Find(".dash-chart-drawing").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stacked_chart_puts_each_series_on_the_one_below_and_a_line_chart_draws_a_point_per_label()
    {
        var stacked = Render<FigureChart>(p => p.Add(c => c.Chart,
            new ChartFigure("s", "Stacked", ["1 Nov"], [new ChartLine("A", [3]), new ChartLine("B", [1])], "stacked")));
        var bars = stacked.FindAll("rect.chart-bar");
        double At(int i, string a) => double.Parse(bars[i].GetAttribute(a)!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, bars.Count);
        Assert.Equal(At(0, "x"), At(1, "x"));
        Assert.Equal(At(0, "y"), At(1, "y") + At(1, "height"), 2);

        var line = Render<FigureChart>(p => p.Add(c => c.Chart,
            new ChartFigure("l", "Line", ["1 Nov", "2 Nov", "3 Nov"], [new ChartLine("Created", [3, 0, 5])], "line")));
        Assert.Equal(3, line.Find("polyline.chart-line").GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(3, line.FindAll("circle.chart-point").Count);
    }

    [Fact]
    public void A_label_or_series_name_from_the_data_is_text_in_the_drawing_never_markup()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var cut = Render<FigureChart>(p => p.Add(c => c.Chart,
            new ChartFigure("h", "Hostile", [hostile], [new ChartLine(hostile, [1]), new ChartLine("B", [2])], "bar")));
        var drawing = cut.Find(".dash-chart-drawing");
        Assert.Empty(drawing.QuerySelectorAll("script, img"));
        Assert.Contains(drawing.QuerySelectorAll("text.chart-tick"), t => t.TextContent == hostile);
        Assert.Equal(hostile + " · " + hostile + ": 1", drawing.QuerySelector("rect title")!.TextContent);
        Assert.Contains(drawing.QuerySelectorAll(".chart-legend li"), l => l.TextContent == hostile);
    }

    [Fact]
    public void A_label_series_name_or_title_from_the_data_is_text_in_the_table_and_caption_never_markup()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var cut = Render<FigureChart>(p => p.Add(c => c.Chart,
            new ChartFigure("h" + Guid.NewGuid().ToString("N"), hostile, [hostile], [new ChartLine(hostile, [1])], "bar", hostile)));
        Assert.Empty(cut.FindAll("script, img"));
        Assert.Equal(hostile, cut.Find("figcaption").TextContent);
        Assert.Equal(hostile, cut.Find("tbody th").TextContent);
        Assert.Equal("1" + hostile, cut.Find("tbody td").TextContent);
        Assert.Equal(hostile, cut.FindAll("thead th")[1].TextContent);
        Assert.Equal(hostile + ", table", cut.Find(".dash-table-wrap").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_same_chart_on_many_circuits_is_one_shared_copy_and_a_changed_chart_is_drawn_anew()
    {
        var key = "shared-" + Guid.NewGuid().ToString("N");   // the map is the process's: a key no other test uses
        ChartFigure Make(double last) => new(key, "Decisions", ["1 Nov", "2 Nov"], [new ChartLine("Approved", [3, last])]);
        var first = Make(1);
        var second = Make(1);   // another circuit's copy, as its prerender's JSON brought it

        Assert.Same(first, Assert.Single(ChartMarkup.Intern([first])));
        Assert.Same(first, Assert.Single(ChartMarkup.Intern([second])));
        var changed = Make(2);
        Assert.Same(changed, Assert.Single(ChartMarkup.Intern([changed])));

        var a = Render<FigureChart>(p => p.Add(c => c.Chart, first));
        var b = Render<FigureChart>(p => p.Add(c => c.Chart, second));
        Assert.Equal(a.Markup, b.Markup);
        var redrawn = Render<FigureChart>(p => p.Add(c => c.Chart, changed));
        Assert.Equal(["1 Nov|3", "2 Nov|2"], redrawn.FindAll("tbody tr").Select(r => string.Join("|", r.Children.Select(x => x.TextContent))));
        Assert.Equal($"chart-{key}", redrawn.Find("figure").GetAttribute("data-testid"));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0.4, 0.4, 0.1)]
    [InlineData(3, 3, 1)]
    [InlineData(5, 6, 2)]
    [InlineData(10, 10, 5)]
    [InlineData(15, 15, 5)]
    [InlineData(100, 100, 25)]
    [InlineData(20, 20, 5)]
    [InlineData(23, 30, 10)]
    [InlineData(101, 150, 50)]
    [InlineData(33690, 40000, 10000)]
    public void The_y_axis_climbs_in_at_most_four_round_steps_to_the_first_step_over_the_largest_value(double max, double top, double step)
    {
        var axis = ChartDrawing.Axis(max);
        Assert.Equal(top, axis.Top, 6);
        Assert.Equal(step, axis.Step, 6);
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
