using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdminPortal.Bench.CircuitClient;

namespace AdminPortal.Bench;

/// <summary>
/// Many headless circuits of one role on one page: opened at a bounded rate and concurrency until the count, the
/// time bound, the memory guard or the error budget stops it; closed with the disconnect beacon. The circuits take
/// the given signed-in sessions in turn (one session unless the bench signs in more: <c>--sessions</c>).
/// </summary>
public sealed class CircuitFleet(IReadOnlyList<PortalSession> sessions, string path, CircuitJournal journal) : IAsyncDisposable
{
    private readonly ConcurrentQueue<HeadlessCircuit> _open = new();

    public IReadOnlyCollection<HeadlessCircuit> Open => _open;

    /// <summary>How an opening went: opened, elapsed, the first error and how many were open then, each open's time.</summary>
    public sealed record Opening(int Opened, TimeSpan Elapsed, string? FirstError, int OpenAtFirstError,
        TimeSpan AtFirstError, int Errors, string? StoppedBecause, List<double> OpenMs)
    {
        public double PerSecond => Opened / Math.Max(0.001, Elapsed.TotalSeconds);
        public double PerSecondToFirstError => FirstError is null ? PerSecond : OpenAtFirstError / Math.Max(0.001, AtFirstError.TotalSeconds);
    }

    /// <param name="perSecond">0: as fast as <paramref name="concurrency"/> opens in flight allow.</param>
    /// <param name="stop">Asked before each open (the memory guard): a reason to stop, or null.</param>
    public async Task<Opening> OpenAsync(int count, int concurrency, double perSecond, int maxErrors, TimeSpan bound,
        Func<string?> stop, Action<int, TimeSpan>? progress = null)
    {
        var gate = new SemaphoreSlim(concurrency);
        var watch = Stopwatch.StartNew();
        var tasks = new List<Task>();
        var openMs = new ConcurrentBag<double>();
        string? firstError = null, stoppedBecause = null;
        int errors = 0, openAtFirst = 0;
        var atFirst = TimeSpan.Zero;
        var firstErrorLock = new object();
        for (var i = 0; i < count; i++)
        {
            if (Volatile.Read(ref errors) >= maxErrors)
            {
                stoppedBecause = $"{maxErrors} errors";
                break;
            }
            if (watch.Elapsed > bound)
            {
                stoppedBecause = $"time bound ({bound.TotalMinutes:F0} min)";
                break;
            }
            if (i % 50 == 0 && stop() is { } reason)
            {
                stoppedBecause = reason;
                break;
            }
            if (perSecond > 0 && TimeSpan.FromSeconds(i / perSecond) - watch.Elapsed is { Ticks: > 0 } wait)
                await Task.Delay(wait);
            await gate.WaitAsync();
            var session = sessions[i % sessions.Count];
            tasks.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var circuit = await HeadlessCircuit.OpenAsync(session, path, journal, TimeSpan.FromSeconds(60));
                    openMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    _open.Enqueue(circuit);
                    if (_open.Count % 250 == 0)
                        progress?.Invoke(_open.Count, watch.Elapsed);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref errors);
                    lock (firstErrorLock)
                    {
                        if (firstError is null)
                        {
                            firstError = $"{e.GetType().Name}: {e.Message}";
                            openAtFirst = _open.Count;
                            atFirst = watch.Elapsed;
                        }
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await Task.WhenAll(tasks);
        return new Opening(_open.Count, watch.Elapsed, firstError, openAtFirst, atFirst, errors, stoppedBecause, [.. openMs]);
    }

    public async ValueTask DisposeAsync()
    {
        var closing = new List<Task>();
        var gate = new SemaphoreSlim(32);
        while (_open.TryDequeue(out var circuit))
        {
            await gate.WaitAsync();
            closing.Add(Task.Run(async () =>
            {
                try { await circuit.DisposeAsync(); }
                finally { gate.Release(); }
            }));
        }
        await Task.WhenAll(closing);
    }
}

/// <summary>The portal process's memory: resident set from /proc, the managed heap after a full GC from the portal.</summary>
internal readonly record struct PortalMemory(double RssBytes, double HeapBytes)
{
    public static double RssOf(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024)
            .FirstOrDefault();

    /// <summary>Memory the machine can still give (MemAvailable), in bytes: the guard against crowding the others out.</summary>
    public static double MachineAvailable() =>
        File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024)
            .FirstOrDefault();

    /// <summary>GET /_diagnostics/memory (a full GC, then the heap size) as an admin; RSS read right after.</summary>
    public static async Task<PortalMemory> ReadAsync(PortalSession admin, PortalProcess portal)
    {
        using var doc = JsonDocument.Parse(await admin.Http.GetStringAsync("/_diagnostics/memory"));
        return new PortalMemory(RssOf(portal.Pid), doc.RootElement.GetProperty("managedHeapBytes").GetDouble());
    }
}
