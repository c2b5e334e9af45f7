using AdminPortal.Features.Operations;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// A background service that runs one pass at start and then every <see cref="IntervalSeconds"/> on the
/// <see cref="TimeProvider"/>'s clock; a failed pass is logged and the next one runs as planned. Each pass is recorded
/// with what it did (<see cref="Count"/>) in ops.worker_passes when a <see cref="WorkerPassLog"/> is given (/system).
/// </summary>
public abstract class PeriodicPass(TimeProvider clock, ILogger log, WorkerPassLog? passes = null) : BackgroundService
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

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

    /// <summary>Runs one pass and records it (what the loop does each tick; tests call it directly).</summary>
    public async Task<PassReport> RunPassAsync(CancellationToken ct = default)
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
        if (passes is not null)
            await passes.RecordAsync(report, ct);
        return report;
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, IntervalSeconds)), Clock);
        do
        {
            await RunPassAsync(stoppingToken);
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
