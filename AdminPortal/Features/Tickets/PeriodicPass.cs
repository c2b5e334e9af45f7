namespace AdminPortal.Features.Tickets;

/// <summary>
/// A background service that runs one pass at start and then every <see cref="IntervalSeconds"/> on the
/// <see cref="TimeProvider"/>'s clock; a failed pass is logged and the next one runs as planned.
/// </summary>
public abstract class PeriodicPass(TimeProvider clock, ILogger log) : BackgroundService
{
    /// <summary>The clock passes run on (a fake one in tests).</summary>
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Log { get; } = log;

    /// <summary>Seconds between passes (at least 1).</summary>
    protected abstract int IntervalSeconds { get; }

    /// <summary>The pass's name in the log ("Escalation").</summary>
    protected abstract string PassName { get; }

    protected abstract Task PassAsync(CancellationToken ct);

    /// <summary>When the last pass on this instance ended, and whether it failed (the admin's dashboard shows it).</summary>
    public DateTimeOffset? LastPassAt { get; private set; }

    public bool LastPassFailed { get; private set; }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, IntervalSeconds)), Clock);
        do
        {
            try
            {
                await PassAsync(stoppingToken);
                LastPassFailed = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.LogError(ex, "{Pass} pass failed", PassName);
                LastPassFailed = true;
            }
            LastPassAt = Clock.GetUtcNow();
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
