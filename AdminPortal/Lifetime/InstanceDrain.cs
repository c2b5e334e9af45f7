using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace AdminPortal.Lifetime;

/// <summary>Configuration <c>Lifetime</c> (decision 0042, docs/deploy.md "Rolling restarts").</summary>
public sealed class DrainOptions
{
    public const string Section = "Lifetime";

    /// <summary>
    /// How long, after SIGTERM, this instance keeps its open screens while they show "This server is restarting" and
    /// finish what they were doing; meanwhile it refuses new requests (503) so the load balancer sends them elsewhere.
    /// 0 closes them at once. Circuits cannot move between servers, so waiting longer only delays the restart.
    /// </summary>
    public double DrainSeconds { get; set; } = 3;

    public TimeSpan Drain => TimeSpan.FromSeconds(Math.Clamp(DrainSeconds, 0, 120));
}

/// <summary>
/// The one "this instance is stopping" signal: <see cref="IsDraining"/> turns true when the host is told to stop
/// (SIGTERM), the middleware then refuses new requests, <c>/healthz</c> answers Unhealthy, and every open screen's
/// <c>RestartNotice</c> (watching through <see cref="Watch"/>) shows it before SignalR closes the circuits.
/// </summary>
public sealed class InstanceDrain(IOptions<DrainOptions> options, ILogger<InstanceDrain> logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<Watcher> _screens = [];
    private int _draining;
    private int _hookedAfterConnections;

    public bool IsDraining => Volatile.Read(ref _draining) == 1;

    /// <summary>Screens watching now (tests, the log line).</summary>
    public int Watchers
    {
        get { lock (_gate) return _screens.Count; }
    }

    /// <summary>
    /// Calls <paramref name="onDraining"/> once when the drain starts (at once when it has started already); dispose
    /// to stop watching.
    /// </summary>
    public IDisposable Watch(Func<Task> onDraining)
    {
        var watcher = new Watcher(this, onDraining);
        lock (_gate)
        {
            if (!IsDraining)
            {
                _screens.Add(watcher);
                return watcher;
            }
        }
        _ = TellAsync(onDraining);
        return watcher;
    }

    /// <summary>
    /// Starts the drain (once; later calls return at once): refuse new work, tell the screens, then hold them for
    /// <see cref="DrainOptions.DrainSeconds"/> (no wait when no screen is open).
    /// </summary>
    public async Task DrainAsync()
    {
        if (Interlocked.Exchange(ref _draining, 1) == 1)
            return;
        Func<Task>[] screens;
        lock (_gate)
            screens = [.. _screens.Select(s => s.OnDraining)];
        var hold = options.Value.Drain;
        logger.LogWarning("Stopping: new requests are refused; {Screens} open screens are told this server is restarting and closed in {Seconds:F1} s",
            screens.Length, screens.Length == 0 ? 0 : hold.TotalSeconds);
        var told = Task.WhenAll(screens.Select(TellAsync));
        if (screens.Length == 0 || hold <= TimeSpan.Zero)
            return;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAny(told, Task.Delay(hold));
        var left = hold - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
            await Task.Delay(left);
    }

    /// <summary>
    /// Runs the drain on <paramref name="stopping"/> (<c>IHostApplicationLifetime.ApplicationStopping</c>). Its
    /// callbacks run last registered first, and SignalR registers the one that closes every connection when its
    /// connection manager is made (the first request to the hub): the registration made when the first circuit
    /// opens (<see cref="RunBeforeConnectionsClose"/>) therefore runs before it, while the screens can still be told.
    /// </summary>
    public void RunOnStopping(CancellationToken stopping) =>
        stopping.Register(static state => ((InstanceDrain)state!).DrainAsync().GetAwaiter().GetResult(), this);

    /// <summary><see cref="RunOnStopping"/> once, from the first circuit (<see cref="DrainCircuitHandler"/>).</summary>
    public void RunBeforeConnectionsClose(CancellationToken stopping)
    {
        if (Interlocked.Exchange(ref _hookedAfterConnections, 1) == 0)
            RunOnStopping(stopping);
    }

    private async Task TellAsync(Func<Task> onDraining)
    {
        try
        {
            await onDraining();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A screen could not be told that this server is restarting");
        }
    }

    private sealed class Watcher(InstanceDrain drain, Func<Task> onDraining) : IDisposable
    {
        public Func<Task> OnDraining { get; } = onDraining;

        public void Dispose()
        {
            lock (drain._gate)
                drain._screens.Remove(this);
        }
    }
}
