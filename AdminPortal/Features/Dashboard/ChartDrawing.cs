using System.Globalization;
using System.Net;
using System.Text;

namespace AdminPortal.Features.Dashboard;

/// <summary>
/// A chart's drawing as one static SVG string: grouped bars, stacked bars or lines, a y axis with four steps, the
/// labels along the x axis (every <c>step</c>-th, the table keeps them all) and a legend. Each bar and point carries
/// a <c>&lt;title&gt;</c> with its value, which the browser shows on hover without a round trip.
/// Why not MudChart (decision 0044): MudChart renders each bar as an element with its own event handlers for its
/// tooltip; on the dashboard the three charts cost about 250 KB of server memory each per open circuit (measured
/// with the circuit bench: 1,443 KB per idle dashboard with them, 697 KB without). One markup string is two frames.
/// Every text from data (labels, series names) is HTML-encoded here; colours come from the theme's CSS variables
/// (<c>.chart-s0</c> ... in app.css), so the drawing follows the light and dark themes.
/// </summary>
public static class ChartDrawing
{
    private const double Width = 650, Height = 250, Left = 48, Right = 12, Top = 12, Bottom = 28;
    private const int Colours = 6;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Svg(ChartFigure chart)
    {
        var labels = chart.Labels;
        var series = chart.Series;
        var n = labels.Count;
        var stacked = chart.Kind == "stacked";
        var line = chart.Kind == "line";
        var max = n == 0 ? 0 : stacked
            ? Enumerable.Range(0, n).Max(i => series.Sum(s => Math.Max(0, At(s, i))))
            : series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        var (top, tick) = Axis(max);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Y(double v) => Top + plotH - (top <= 0 ? 0 : Math.Max(0, v) / top * plotH);
        var slot = n == 0 ? plotW : plotW / n;
        double Centre(int i) => Left + slot * (i + 0.5);

        var svg = new StringBuilder(4096);
        svg.Append(Inv, $"<svg class=\"chart-svg\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" focusable=\"false\">");
        // y axis: round steps from 0 to the ceiling, with their gridlines
        var steps = tick <= 0 ? 1 : (int)Math.Round(top / tick);
        for (var k = 0; k <= steps; k++)
        {
            var value = tick * k;
            var y = Y(value);
            svg.Append(Inv, $"<line class=\"chart-grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\"/>");
            svg.Append(Inv, $"<text class=\"chart-tick\" x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Value(value)}</text>");
        }
        // x labels: every step-th, as many as fit
        var step = Math.Max(1, (int)Math.Ceiling(n / 8.0));
        for (var i = 0; i < n; i += step)
            svg.Append(Inv, $"<text class=\"chart-tick\" x=\"{F(Centre(i))}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Encode(Fit(labels[i], slot * step))}</text>");

        if (line)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var points = string.Join(' ', Enumerable.Range(0, n).Select(i => $"{F(Centre(i))},{F(Y(At(series[s], i)))}"));
                svg.Append(Inv, $"<polyline class=\"chart-line chart-s{s % Colours}\" points=\"{points}\"/>");
                for (var i = 0; i < n; i++)
                    svg.Append(Inv, $"<circle class=\"chart-point chart-s{s % Colours}\" cx=\"{F(Centre(i))}\" cy=\"{F(Y(At(series[s], i)))}\" r=\"3\">{Title(labels[i], series[s], i, chart.Unit)}</circle>");
            }
        }
        else
        {
            var barSlot = slot * 0.7;
            for (var i = 0; i < n; i++)
            {
                var x0 = Left + slot * i + (slot - barSlot) / 2;
                var below = 0.0;
                for (var s = 0; s < series.Count; s++)
                {
                    var value = Math.Max(0, At(series[s], i));
                    if (value == 0)
                        continue;
                    double x, w, yTop, yBottom;
                    if (stacked)
                    {
                        (x, w) = (x0, barSlot);
                        (yBottom, yTop) = (Y(below), Y(below + value));
                        below += value;
                    }
                    else
                    {
                        w = barSlot / Math.Max(1, series.Count);
                        x = x0 + w * s;
                        (yBottom, yTop) = (Y(0), Y(value));
                    }
                    svg.Append(Inv, $"<rect class=\"chart-bar chart-s{s % Colours}\" x=\"{F(x)}\" y=\"{F(yTop)}\" width=\"{F(Math.Max(1, w - 1))}\" height=\"{F(Math.Max(0.5, yBottom - yTop))}\">{Title(labels[i], series[s], i, chart.Unit)}</rect>");
                }
            }
        }
        svg.Append("</svg>");
        if (series.Count > 1 || chart.Kind != "bar")
        {
            svg.Append("<ul class=\"chart-legend\">");
            for (var s = 0; s < series.Count; s++)
                svg.Append(Inv, $"<li><span class=\"chart-swatch chart-s{s % Colours}\"></span>{Encode(series[s].Name)}</li>");
            svg.Append("</ul>");
        }
        return svg.ToString();
    }

    /// <summary>The chart's caption and its drawing (hidden from screen readers), or "nothing to show", as markup.</summary>
    public static string Head(ChartFigure chart) =>
        $"<figcaption class=\"dash-chart-title\">{Encode(chart.Title)}</figcaption>" + (chart.IsEmpty
            ? "<p class=\"mud-typography mud-typography-body2 dash-chart-empty\">Nothing to show yet for this period.</p>"
            : $"<div class=\"dash-chart-drawing\" aria-hidden=\"true\">{Svg(chart)}</div>");

    /// <summary>The table alternative as markup: labels down the rows, a column per series, every value.</summary>
    public static string Table(ChartFigure chart)
    {
        var html = new StringBuilder(4096);
        html.Append(Inv, $"<table class=\"dash-table\"><caption class=\"visually-hidden\">{Encode(chart.Title)}</caption><thead><tr><th scope=\"col\"></th>");
        foreach (var s in chart.Series)
            html.Append(Inv, $"<th scope=\"col\">{Encode(s.Name)}</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            html.Append(Inv, $"<tr><th scope=\"row\">{Encode(chart.Labels[i])}</th>");
            foreach (var s in chart.Series)
                html.Append(Inv, $"<td>{Encode(Value(At(s, i), chart.Unit))}</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>
    /// The y axis for values up to <paramref name="max"/>: a round step (1, 2, 5 × 10^k, or 2.5 × 10^k from 25 up) of at least a quarter
    /// of the largest value, and the top, the first multiple of the step at or above it: at most four steps, each
    /// labelled with a round figure. (0, 0) for an empty chart.
    /// </summary>
    public static (double Top, double Step) Axis(double max)
    {
        if (max <= 0)
            return (0, 0);
        var quarter = max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(quarter)));
        // 2.5 only from 25 up: a count's axis stays in whole numbers
        var step = new[] { 1, 2, 2.5, 5, 10 }.Where(f => f != 2.5 || magnitude >= 10).Select(f => f * magnitude)
            .First(f => f >= quarter * (1 - 1e-9));
        return (step * Math.Ceiling(max / step - 1e-9), step);
    }

    /// <summary>
    /// A label cut to what fits under its bars, with an ellipsis: about 10 units a character, the width at the phone's
    /// larger ticks (16 units, app.css), so labels do not run into each other on either screen.
    /// </summary>
    private static string Fit(string label, double room)
    {
        var chars = Math.Max(3, (int)(room / 10));
        return label.Length <= chars ? label : label[..(chars - 1)].TrimEnd() + "…";
    }

    private static double At(ChartLine s, int i) => i < s.Values.Length ? s.Values[i] : 0;

    private static string Title(string label, ChartLine s, int i, string unit) =>
        $"<title>{Encode(label)} · {Encode(s.Name)}: {Encode(Value(At(s, i), unit))}</title>";

    /// <summary>A figure as the drawing's hover and the chart's table both show it: one decimal at most, then the unit.</summary>
    public static string Value(double v, string unit = "") => v.ToString("0.#", Inv) + unit;

    private static string F(double v) => v.ToString("0.##", Inv);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
