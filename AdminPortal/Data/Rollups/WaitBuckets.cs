namespace AdminPortal.Data.Rollups;

/// <summary>
/// Durations kept as buckets on a geometric scale (each 1.5 times the last, from 5 minutes): bucket 0 is up to 5 min,
/// bucket k up to 5 x 1.5^k min, the last (24) everything over ~39 days. Medians and 90th percentiles read from them
/// are the upper bound of the bucket holding that rank: at most 50% above the true value, never below it.
/// The SQL twin is reporting.bucket_of (RollupSql).
/// </summary>
public static class WaitBuckets
{
    public const int Last = 24;

    public static short Of(TimeSpan duration)
    {
        var minutes = duration.TotalMinutes;
        return minutes <= 5 ? (short)0 : (short)Math.Min(Last, Math.Ceiling(Math.Log(minutes / 5) / Math.Log(1.5)));
    }

    /// <summary>The bucket's upper bound (the last bucket: its lower bound).</summary>
    public static TimeSpan Upper(int bucket) => TimeSpan.FromMinutes(5 * Math.Pow(1.5, Math.Min(bucket, Last - 1)));

    /// <summary>The value at rank <paramref name="fraction"/> (0.5: median) of counts per bucket; null when empty.</summary>
    public static TimeSpan? Percentile(IEnumerable<(short Bucket, int Count)> counts, double fraction)
    {
        var sorted = counts.Where(c => c.Count > 0).OrderBy(c => c.Bucket).ToList();
        var total = sorted.Sum(c => (long)c.Count);
        if (total == 0)
            return null;
        var rank = Math.Max(1, (long)Math.Ceiling(total * fraction));
        long seen = 0;
        foreach (var (bucket, count) in sorted)
        {
            seen += count;
            if (seen >= rank)
                return Upper(bucket);
        }
        return Upper(sorted[^1].Bucket);
    }
}
