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
            // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
            var stat = File.ReadAllText($"/proc/{p.Pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        });
        return new Cpu(own * MsPerTick, busy * MsPerTick);
    }
}

/// <summary>The portals' own delivery histogram (<c>LiveMetrics</c>, from <c>/_diagnostics/live</c>), summed over instances.</summary>
internal sealed record ServerDeliveries(double[] Bounds, long[] Counts)
{
    public long Total => Counts.Sum();

    public static ServerDeliveries From(IEnumerable<JsonElement> reports)
    {
        var bounds = LiveMetrics.BucketBoundsMs.Append(double.PositiveInfinity).ToArray();
        var counts = new long[bounds.Length];
        foreach (var report in reports)
            for (var i = 0; i < bounds.Length; i++)
                counts[i] += report.GetProperty("deliveries").GetProperty(LiveMetrics.BucketKey(i)).GetInt64();
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

/// <summary>Reads each instance's Development-only <c>/_diagnostics/live</c> as an admin.</summary>
internal sealed class LiveProbe(IBrowserContext admin) : IAsyncDisposable
{
    public async Task<JsonElement> ReadAsync(PortalProcess portal)
    {
        var response = await admin.APIRequest.GetAsync(new Uri(portal.BaseAddress, "/_diagnostics/live").ToString());
        if (!response.Ok)
            throw new InvalidOperationException($"GET /_diagnostics/live on {portal.BaseAddress}: {response.Status}");
        return (await response.JsonAsync())!.Value.Clone();
    }

    public async Task<Dictionary<PortalProcess, long>> CountAsync(IEnumerable<PortalProcess> portals, string key)
    {
        var counts = new Dictionary<PortalProcess, long>();
        foreach (var portal in portals)
            counts[portal] = (await ReadAsync(portal)).GetProperty(key).GetInt64();
        return counts;
    }

    public async Task<Dictionary<PortalProcess, double>> GcPauseAsync(IEnumerable<PortalProcess> portals)
    {
        var pauses = new Dictionary<PortalProcess, double>();
        foreach (var portal in portals)
            pauses[portal] = (await ReadAsync(portal)).GetProperty("gcPauseMs").GetDouble();
        return pauses;
    }

    public async Task<ServerDeliveries> DeliveriesAsync(IEnumerable<PortalProcess> portals)
    {
        var reports = new List<JsonElement>();
        foreach (var portal in portals)
            reports.Add(await ReadAsync(portal));
        return ServerDeliveries.From(reports);
    }

    public ValueTask DisposeAsync() => admin.DisposeAsync();
}
