using System.Globalization;
using System.Text.Json;
using AdminPortal.Live;
using Microsoft.Playwright;

namespace AdminPortal.Bench;

// What figure 5b reads besides the pages: CPU time from /proc, and each portal's own delivery figures.

/// <summary>CPU time read from /proc: the portals' own and the machine's busy time, in milliseconds.</summary>
internal readonly record struct Cpu(double PortalsMs, double MachineMs)
{
    private static readonly double MsPerTick = 1000.0 / 100;   // USER_HZ

    public static Cpu Read(IEnumerable<PortalProcess> portals)
    {
        if (!File.Exists("/proc/stat"))
            return default;
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(long.Parse).ToArray();
        var busy = ticks.Sum() - ticks[3] - ticks[4];   // all but idle and iowait
        var own = portals.Sum(p =>
        {
            var fields = ProcStat.Fields(p.Pid);
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);   // utime, stime
        });
        return new Cpu(own * MsPerTick, busy * MsPerTick);
    }
}

/// <summary>A process's <c>/proc/PID/stat</c>.</summary>
internal static class ProcStat
{
    /// <summary>
    /// The fields after the command's closing parenthesis (the command may hold spaces): [0] state, [1] parent id,
    /// [11] utime, [12] stime.
    /// </summary>
    public static string[] Fields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}

/// <summary>The portals' own delivery histogram (<c>LiveMetrics</c>, from <c>/_diagnostics/live</c>), summed over instances.</summary>
internal sealed record ServerDeliveries(double[] Bounds, long[] Counts)
{
    public long Total => Counts.Sum();

    /// <summary>From one report's <c>deliveries</c> (bucket key to count).</summary>
    public static ServerDeliveries From(JsonElement deliveries)
    {
        var bounds = LiveMetrics.BucketBoundsMs.Append(double.PositiveInfinity).ToArray();
        var counts = new long[bounds.Length];
        for (var i = 0; i < bounds.Length; i++)
            counts[i] = deliveries.GetProperty(LiveMetrics.BucketKey(i)).GetInt64();
        return new ServerDeliveries(bounds, counts);
    }

    public ServerDeliveries Minus(ServerDeliveries earlier) =>
        this with { Counts = Counts.Zip(earlier.Counts, (a, b) => a - b).ToArray() };

    public ServerDeliveries Plus(ServerDeliveries other) =>
        this with { Counts = Counts.Zip(other.Counts, (a, b) => a + b).ToArray() };

    /// <summary>Linear within the bucket the rank falls in, as Prometheus' histogram_quantile does.</summary>
    public double Percentile(double p)
    {
        var rank = p * Total;
        long below = 0;
        for (var i = 0; i < Counts.Length; i++)
        {
            if (Counts[i] > 0 && below + Counts[i] >= rank)
            {
                var lower = i == 0 ? 0 : Bounds[i - 1];
                return double.IsInfinity(Bounds[i]) ? lower : lower + (Bounds[i] - lower) * (rank - below) / Counts[i];
            }
            below += Counts[i];
        }
        return double.NaN;
    }
}

/// <summary>One portal's <c>/_diagnostics/live</c> at one moment.</summary>
internal sealed record LiveSnapshot(long Circuits, long Subscribers, double GcPauseMs, int PoolThreads,
    string LongestRecentGc, ServerDeliveries Deliveries)
{
    public static LiveSnapshot From(JsonElement report) => new(
        report.GetProperty("circuits").GetInt64(), report.GetProperty("subscribers").GetInt64(),
        report.GetProperty("gcPauseMs").GetDouble(), report.GetProperty("poolThreads").GetInt32(),
        report.GetProperty("longestRecentGc").GetString() ?? "", ServerDeliveries.From(report.GetProperty("deliveries")));
}

/// <summary>Reads each instance's Development-only <c>/_diagnostics/live</c> as an admin.</summary>
internal sealed class LiveProbe(IBrowserContext admin) : IAsyncDisposable
{
    /// <summary>One read per portal.</summary>
    public async Task<Dictionary<PortalProcess, LiveSnapshot>> ReadAsync(IEnumerable<PortalProcess> portals)
    {
        var snapshots = new Dictionary<PortalProcess, LiveSnapshot>();
        foreach (var portal in portals)
        {
            var response = await admin.APIRequest.GetAsync(new Uri(portal.BaseAddress, "/_diagnostics/live").ToString());
            if (!response.Ok)
                throw new InvalidOperationException($"GET /_diagnostics/live on {portal.BaseAddress}: {response.Status}");
            snapshots[portal] = LiveSnapshot.From((await response.JsonAsync())!.Value);
        }
        return snapshots;
    }

    public ValueTask DisposeAsync() => admin.DisposeAsync();
}
