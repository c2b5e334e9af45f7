namespace AdminPortal.Features.Dashboard;

/// <summary>
/// One figure on the dashboard: "23 overdue". <paramref name="Href"/> opens the list that shows its rows, filtered
/// to the same count (null for a figure no list shows).
/// </summary>
public sealed record FigureTile(string Key, string Label, string Value, string? Href = null, string? Note = null);

/// <summary>One named series of a chart, a value per label.</summary>
public sealed record ChartLine(string Name, double[] Values);

/// <summary>
/// A chart and, from the same figures, its table alternative: labels down the rows, one column per series.
/// <paramref name="Kind"/> is "bar", "stacked" or "line"; <paramref name="Unit"/> follows each value in the table.
/// </summary>
public sealed record ChartFigure(string Key, string Title, IReadOnlyList<string> Labels, IReadOnlyList<ChartLine> Series,
    string Kind = "bar", string Unit = "")
{
    public bool IsEmpty => Series.All(s => s.Values.All(v => v == 0));
}

/// <summary>A section of the dashboard (moderation, tickets, the portal) with its tiles and charts.</summary>
public sealed record DashboardSection(string Key, string Title, IReadOnlyList<FigureTile> Tiles,
    IReadOnlyList<ChartFigure> Charts, IReadOnlyList<string>? People = null);

/// <summary>UTC days the rollups count in (decision 0020).</summary>
public static class DashboardDays
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The Monday of the week holding <paramref name="day"/> (ISO weeks).</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The last <paramref name="count"/> days, oldest first, ending today.</summary>
    public static IReadOnlyList<DateOnly> Last(DateOnly today, int count) =>
        Enumerable.Range(0, count).Select(i => today.AddDays(i - count + 1)).ToList();

    public static string Label(DateOnly day) => day.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalMinutes: < 90 } s => $"{Math.Ceiling(s.TotalMinutes):0} min",
        { TotalHours: < 48 } s => $"{s.TotalHours:0.#} h",
        { } s => $"{s.TotalDays:0.#} d",
    };

    public static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Percent(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
