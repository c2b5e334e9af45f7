using System.Diagnostics.Metrics;

namespace AdminPortal.Live;

/// <summary>
/// How long a change takes to reach the screens: from its publish (<see cref="ChangeEvent.At"/>, stamped by whichever
/// instance published it) to an open component having handled it on its circuit, its render included. Exported as
/// the histogram <c>adminportal.live.delivery.duration</c> on the meter <c>AdminPortal.Live</c> (dotnet-counters,
/// OpenTelemetry), and kept as cumulative bucket counts that <c>/_diagnostics/live</c> reports, so the benchmark can
/// read what the server did apart from what the browsers did.
/// </summary>
/// <remarks>Static, like the framework's own meters: every component records, and components are not built by DI
/// alone (bUnit, prerender).</remarks>
public static class LiveMetrics
{
    public const string MeterName = "AdminPortal.Live";

    /// <summary>Upper bounds of the buckets, in milliseconds; one more bucket counts everything above the last.</summary>
    public static readonly IReadOnlyList<double> BucketBoundsMs = [1, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000, 2000, 5000];

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Delivery = Meter.CreateHistogram(
        "adminportal.live.delivery.duration", unit: "ms",
        description: "From a change's publish to a component having handled it (and rendered) on its circuit",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BucketBoundsMs });

    private static readonly long[] Counts = new long[BucketBoundsMs.Count + 1];

    /// <summary>Records one delivery of <paramref name="change"/>, handled now.</summary>
    public static void RecordDelivered(ChangeEvent change) => Record((DateTimeOffset.UtcNow - change.At).TotalMilliseconds);

    internal static void Record(double milliseconds)
    {
        var ms = Math.Max(0, milliseconds);   // clocks of two instances on two machines may disagree a little
        Delivery.Record(ms);
        var bucket = 0;
        while (bucket < BucketBoundsMs.Count && ms > BucketBoundsMs[bucket])
            bucket++;
        Interlocked.Increment(ref Counts[bucket]);
    }

    /// <summary>Deliveries so far per bucket, keyed by upper bound ("le_20": at most 20 ms; "le_inf": the rest).</summary>
    public static IReadOnlyDictionary<string, long> Snapshot()
    {
        var snapshot = new Dictionary<string, long>();
        for (var i = 0; i < Counts.Length; i++)
            snapshot[BucketKey(i)] = Interlocked.Read(ref Counts[i]);
        return snapshot;
    }

    /// <summary>The key of bucket <paramref name="index"/> in <see cref="Snapshot"/>.</summary>
    public static string BucketKey(int index) => index < BucketBoundsMs.Count
        ? "le_" + BucketBoundsMs[index].ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "le_inf";
}
