using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Dashboard;

/// <summary>
/// One drawing per distinct chart for the whole process (decision 0052). Every moderator's dashboard shows the same
/// three moderation charts, and each circuit used to draw its own copy: the SVG string, ~500 frames of table in a
/// component's two render-tree buffers, the figures deserialized from the prerender. Here a chart's caption and drawing
/// and its table (<see cref="ChartDrawing.Head"/>, <see cref="ChartDrawing.Table"/>) are made once per distinct content
/// and shared as markup; <see cref="Intern"/> hands a circuit the shared copy of the figures, so its own is garbage at
/// once. The few elements around them stay frames, so an open "Show as a table" stays open when the chart changes.
/// </summary>
public static class ChartMarkup
{
    /// <summary>Distinct charts kept; past it the map starts again (charts in use stay reachable through their figures).</summary>
    public const int MaxShared = 128;

    private static readonly ConcurrentDictionary<string, Drawn> ByContent = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<ChartFigure, Drawn> ByFigure = new();

    private sealed record Drawn(ChartFigure Figure, string TestId, string Head, string TableLabel, string Table);

    /// <summary>
    /// The chart as <c>FigureChart</c> shows it: a figure with the caption and drawing, and the table under "Show as
    /// a table". A lookup by reference on every render; drawn only for content not seen before.
    /// </summary>
    public static RenderFragment Render(ChartFigure chart) => builder =>
    {
        var drawn = ByFigure.GetValue(chart, Shared);
        builder.OpenElement(0, "figure");
        builder.AddAttribute(1, "class", "dash-chart");
        builder.AddAttribute(2, "data-testid", drawn.TestId);
        builder.AddMarkupContent(3, drawn.Head);
        builder.OpenElement(4, "details");
        builder.AddAttribute(5, "class", "dash-chart-table");
        builder.OpenElement(6, "summary");
        builder.AddContent(7, "Show as a table");
        builder.CloseElement();
        builder.OpenElement(8, "div");
        builder.AddAttribute(9, "class", "dash-table-wrap");
        builder.AddAttribute(10, "tabindex", "0");
        builder.AddAttribute(11, "role", "region");
        builder.AddAttribute(12, "aria-label", drawn.TableLabel);
        builder.AddMarkupContent(13, drawn.Table);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>The shared copy of each chart with the same content (the first one seen).</summary>
    public static IReadOnlyList<ChartFigure> Intern(IReadOnlyList<ChartFigure> charts) =>
        charts.Count == 0 ? charts : charts.Select(c => ByFigure.GetValue(c, Shared).Figure).ToList();

    private static Drawn Shared(ChartFigure chart)
    {
        if (ByContent.Count >= MaxShared)
            ByContent.Clear();
        return ByContent.GetOrAdd(Content(chart), static (_, c) =>
            new Drawn(c, $"chart-{c.Key}", ChartDrawing.Head(c), $"{c.Title}, table", ChartDrawing.Table(c)), chart);
    }

    /// <summary>Everything the markup is made of, as a key: each text with its length before it, so no two charts meet.</summary>
    private static string Content(ChartFigure chart)
    {
        var key = new StringBuilder(1024);
        void Add(string text) => key.Append(text.Length).Append(':').Append(text);
        Add(chart.Key);
        Add(chart.Title);
        Add(chart.Kind);
        Add(chart.Unit);
        key.Append(chart.Labels.Count).Append('L');
        foreach (var label in chart.Labels)
            Add(label);
        foreach (var series in chart.Series)
        {
            Add(series.Name);
            key.Append(series.Values.Length).Append('V');
            foreach (var v in series.Values)
                key.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append(';');
        }
        return key.ToString();
    }
}
