using AdminPortal.Features.Operations;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// A background service that runs one pass at start and then every <see cref="IntervalSeconds"/> on the
/// <see cref="TimeProvider"/>'s clock; a failed pass is logged and the next one runs as planned. Each pass is recorded
/// with what it did (<see cref="Count"/>) in ops.worker_passes when a <see cref="WorkerPassLog"/> is given (/system).
/// <see cref="Wake"/> runs the next pass now instead of at the next tick (the outbox dispatcher when an event was
/// written); wakes during a pass collapse into one more pass, and a woken pass that did nothing is not recorded.
/// </summary>
public abstract class PeriodicPass(TimeProvider clock, ILogger log, WorkerPassLog? passes = null) : BackgroundService
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly System.Threading.Channels.Channel<bool> _wake = System.Threading.Channels.Channel.CreateBounded<bool>(
        new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    /// <summary>The clock passes run on (a fake one in tests).</summary>
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Log { get; } = log;

    /// <summary>Seconds between passes (at least 1).</summary>
    protected abstract int IntervalSeconds { get; }

    /// <summary>The pass's name in the log and on /system ("Escalation").</summary>
    protected abstract string PassName { get; }

    /// <summary>The pass's name (<see cref="PassName"/>).</summary>
    public string Name => PassName;

    protected abstract Task PassAsync(CancellationToken ct);

    /// <summary>When the last pass on this instance ended, and whether it failed (the admin's dashboard shows it).</summary>
    public DateTimeOffset? LastPassAt { get; private set; }

    public bool LastPassFailed { get; private set; }

    /// <summary>Adds to what this pass did ("escalated", 3), for its record.</summary>
    protected void Count(string what, int how) => _counts[what] = _counts.GetValueOrDefault(what) + how;

    /// <summary>Asks for a pass now (the loop runs it as soon as the current one, if any, ends). Cheap, never blocks.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Runs one pass and records it (what the loop does each tick; tests call it directly).</summary>
    public Task<PassReport> RunPassAsync(CancellationToken ct = default) => RunPassAsync(recordIdle: true, ct);

    private async Task<PassReport> RunPassAsync(bool recordIdle, CancellationToken ct)
    {
        var started = Clock.GetUtcNow();
        _counts.Clear();
        string? error = null;
        try
        {
            await PassAsync(ct);
            LastPassFailed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "{Pass} pass failed", PassName);
            LastPassFailed = true;
            error = ex.Message;
        }
        LastPassAt = Clock.GetUtcNow();
        var report = new PassReport(PassName, started, LastPassAt.Value, TimeSpan.FromSeconds(Math.Max(1, IntervalSeconds)),
            new Dictionary<string, int>(_counts), error);
        if (passes is not null && (recordIdle || error is not null || report.Counts.Values.Any(v => v != 0)))
            await passes.RecordAsync(report, ct);
        return report;
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, IntervalSeconds)), Clock);
        await RunPassAsync(recordIdle: true, stoppingToken);
        Task<bool>? tick = null, woken = null;
        while (true)
        {
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            woken ??= _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(tick, woken) == tick)
            {
                if (!await tick)
                    return;
                tick = null;
                await RunPassAsync(recordIdle: true, stoppingToken);
            }
            else
            {
                await woken;   // throws when stopping
                woken = null;
                _wake.Reader.TryRead(out _);
                await RunPassAsync(recordIdle: false, stoppingToken);
            }
        }
    }
}
