using Bogus;

namespace AdminPortal.Data.Demo;

/// <summary>
/// The demo's time line (decision 0022): everything is placed before the anchor, the seeding clock's now (to the
/// second), over <see cref="Days"/> days with a weekly rhythm (weekdays busier than weekends) and a slight rise
/// towards today. Given the same anchor and Bogus seed, the same times come out.
/// </summary>
public sealed class DemoHistory
{
    public const int Days = 90;

    /// <summary>Relative volume per UTC weekday (Sunday first): weekdays full, Saturday about half, Sunday a third.</summary>
    private static readonly double[] WeekdayWeight = [0.35, 1.0, 1.05, 1.0, 0.95, 0.9, 0.5];

    private readonly double[] _cumulative;

    public DemoHistory(DateTime anchor)
    {
        Anchor = anchor;
        Today = anchor.Date;
        var weights = new double[Days];
        for (var d = 0; d < Days; d++)
        {
            var day = Today.AddDays(-d);
            // today counts only its hours so far
            var share = d == 0 ? Math.Max(0.05, (anchor - Today).TotalHours / 24) : 1.0;
            weights[d] = WeekdayWeight[(int)day.DayOfWeek] * (1.0 - 0.3 * d / Days) * share;
        }
        _cumulative = new double[Days];
        var sum = weights.Sum();
        var run = 0.0;
        for (var d = 0; d < Days; d++)
            _cumulative[d] = run += weights[d] / sum;
    }

    public DateTime Anchor { get; }

    /// <summary>The anchor's UTC day (midnight).</summary>
    public DateTime Today { get; }

    /// <summary>The seeding clock's now, to the second: the anchor every demo part places its rows before.</summary>
    public static DateTime AnchorOf(TimeProvider clock)
    {
        var t = clock.GetUtcNow().UtcDateTime;
        return new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    public static DemoHistory Of(TimeProvider clock) => new(AnchorOf(clock));

    /// <summary>How many days back (0 = today) the quantile <paramref name="q"/> (0..1) of the history falls on.</summary>
    public int DaysBack(double q)
    {
        var i = Array.BinarySearch(_cumulative, q);
        return Math.Min(Days - 1, i < 0 ? ~i : i);
    }

    /// <summary>A moment of the history (busier on weekdays and in waking hours), before the anchor.</summary>
    public DateTime Pick(Randomizer r) => At(r.Double(), r.Double());

    /// <summary>A moment from two numbers in 0..1 (the large load's arithmetic uses this too, without Bogus).</summary>
    public DateTime At(double dayQuantile, double timeOfDay)
    {
        var back = DaysBack(dayQuantile);
        var day = Today.AddDays(-back);
        // 07:00 to 23:00 UTC mostly: a campus and a marketplace are awake then
        var minutes = 7 * 60 + timeOfDay * 16 * 60;
        var t = day.AddMinutes(minutes);
        if (t >= Anchor)
            t = day.AddMinutes((Anchor - day).TotalMinutes * timeOfDay);
        return new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    /// <summary>
    /// The moment at quantile <paramref name="q"/> of the history, going back: 0 is the anchor, 1 the start, 90 days
    /// before. Monotonic (a larger q is never later), so the large load's rows keep their time order by row number.
    /// </summary>
    public DateTime Back(double q)
    {
        var back = DaysBack(q);
        var lo = back == 0 ? 0 : _cumulative[back - 1];
        var within = Math.Clamp((q - lo) / Math.Max(1e-12, _cumulative[back] - lo), 0, 1);
        var day = Today.AddDays(-back);
        var (start, end) = (day.AddHours(7), day.AddHours(23));
        if (end > Anchor) end = Anchor;
        if (start >= end) start = day;
        var t = end.AddTicks(-(long)((end - start).Ticks * within));
        return new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    /// <summary>A moment within the last <paramref name="hours"/> hours before the anchor.</summary>
    public DateTime Recent(Randomizer r, double minHours, double maxHours)
    {
        var t = Anchor.AddHours(-r.Double(minHours, maxHours));
        return new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
