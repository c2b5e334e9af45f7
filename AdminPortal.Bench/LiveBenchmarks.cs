using AdminPortal.Data;
using AdminPortal.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdminPortal.Bench;

/// <summary>Figure 5 (partly): publish-to-handler latency of the change feed, in-process and over PostgreSQL NOTIFY.</summary>
public static class LiveBenchmarks
{
    public static async Task<List<Figure>> FeedLatencyAsync(BenchContext bench, int samples)
    {
        const string note = "publish to subscriber's handler, no browser render yet (commit-to-render in a browser is not measured)";
        var figures = new List<Figure>();
        await using (var inProcess = new InProcessChangeFeed(new LiveInstance(), TimeProvider.System, NullLogger<InProcessChangeFeed>.Instance))
        {
            var r = await LiveLatencyProbe.MeasureAsync(inProcess, samples);
            figures.Add(Figure.From("5. live updates", "in-process feed", "LiveLatencyProbe: PublishAsync to handler", r.SamplesMs, 50, note));
        }
        await using var database = new PortalDatabase(bench.ConnectionString, null);
        var keyRing = new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider();   // the two "instances" share it
        await using var publisher = new PostgresChangeFeed(database, bench.DataSource, new LiveInstance(), TimeProvider.System, NullLogger<PostgresChangeFeed>.Instance, keyRing);
        await using var listener = new PostgresChangeFeed(database, bench.DataSource, new LiveInstance(), TimeProvider.System, NullLogger<PostgresChangeFeed>.Instance, keyRing);
        await publisher.StartAsync(CancellationToken.None);
        await listener.StartAsync(CancellationToken.None);
        await publisher.WhenListeningAsync();
        await listener.WhenListeningAsync();
        var same = await LiveLatencyProbe.MeasureAsync(publisher, samples);
        figures.Add(Figure.From("5. live updates", "PostgreSQL feed, same instance", "LiveLatencyProbe over NOTIFY: publish to handler", same.SamplesMs, 50, note));
        var cross = await MeasureAcrossAsync(publisher, listener, samples);
        figures.Add(Figure.From("5. live updates", "PostgreSQL feed, across two instances", "publish on instance A to handler on instance B (two feeds, two connections)", cross, 50, note));
        await listener.StopAsync(CancellationToken.None);
        await publisher.StopAsync(CancellationToken.None);
        return figures;
    }

    private static async Task<List<double>> MeasureAcrossAsync(IChangeFeed publisher, IChangeFeed listener, int samples)
    {
        var result = new List<double>();
        var probe = $"xprobe-{Guid.NewGuid():N}"[..14];
        TaskCompletionSource<long>? arrived = null;
        var expected = "";
        using var sub = listener.Subscribe(e => e.EntityType == probe, e =>
        {
            if (e.EntityId == Volatile.Read(ref expected))
                Volatile.Read(ref arrived)?.TrySetResult(System.Diagnostics.Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        });
        for (var i = 0; i < samples; i++)
        {
            var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref arrived, tcs);
            Volatile.Write(ref expected, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            await publisher.PublishAsync(new ChangeEvent(probe, expected, ChangeActions.Updated));
            var end = await tcs.Task.WaitAsync(TimeSpan.FromSeconds(10));
            result.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
        }
        return result;
    }
}
