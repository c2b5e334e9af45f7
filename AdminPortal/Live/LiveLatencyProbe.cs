using System.Diagnostics;

namespace AdminPortal.Live;

/// <summary>Publish-to-handler latency of a change feed, for benchmarks (tests only check it runs).</summary>
public static class LiveLatencyProbe
{
    /// <summary>Latency figures in milliseconds; <see cref="SamplesMs"/> holds one per event, in order.</summary>
    public sealed record Result(string Transport, IReadOnlyList<double> SamplesMs)
    {
        public double P50 => Percentile(0.50);
        public double P95 => Percentile(0.95);

        private double Percentile(double p)
        {
            if (SamplesMs.Count == 0)
                return double.NaN;
            var sorted = SamplesMs.Order().ToArray();
            return sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
        }

        public override string ToString() => $"{Transport}: n={SamplesMs.Count} p50={P50:F3} ms p95={P95:F3} ms";
    }

    /// <summary>
    /// Publishes <paramref name="count"/> events one at a time and measures from before PublishAsync to the moment a
    /// subscriber's handler runs. The feed must be listening (for Postgres, await WhenListeningAsync first).
    /// </summary>
    public static async Task<Result> MeasureAsync(IChangeFeed feed, int count, TimeSpan? perEventTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var timeout = perEventTimeout ?? TimeSpan.FromSeconds(10);
        var probe = $"probe-{Guid.NewGuid():N}"[..14];
        var samples = new List<double>(count);
        TaskCompletionSource<long>? arrived = null;
        var expected = "";
        using var subscription = feed.Subscribe(e => e.EntityType == probe, e =>
        {
            if (e.EntityId == Volatile.Read(ref expected))
                Volatile.Read(ref arrived)?.TrySetResult(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        });
        for (var i = 0; i < count; i++)
        {
            var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Volatile.Write(ref arrived, tcs);
            Volatile.Write(ref expected, id);
            var start = Stopwatch.GetTimestamp();
            await feed.PublishAsync(new ChangeEvent(probe, id, ChangeActions.Updated), cancellationToken);
            var end = await tcs.Task.WaitAsync(timeout, cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
        }
        return new Result(feed.GetType().Name, samples);
    }
}
