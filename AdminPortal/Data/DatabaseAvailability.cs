using Npgsql;

namespace AdminPortal.Data;

/// <summary>
/// Whether this instance reaches its database now: the one state behind the "Reconnecting to the database…" banner.
/// Two sources feed it: the change feed's listening connection (lost and regained, <see cref="ListenerLost"/> and
/// <see cref="ListenerRestored"/>) and failed reads and writes (<see cref="ReportFailure"/>, from the DbContext's
/// interceptor and the screens' gates). After a failure a probe opens a fresh connection every second or two until
/// one answers; a listener that reconnects proves the same. On the way back the pool's connections, broken by the
/// restart, are dropped so the next reads do not fail on them.
/// </summary>
public sealed class DatabaseAvailability(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<DatabaseAvailability> logger)
    : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private bool _listenerDown;
    private bool _failing;
    private Task? _probe;

    /// <summary>First and longest wait between probes while the database is out of reach.</summary>
    public TimeSpan FirstProbeDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxProbeDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Raised (on the thread that changed it) when <see cref="IsAvailable"/> flips.</summary>
    public event Action? Changed;

    public bool IsAvailable
    {
        get { lock (_gate) return !_listenerDown && !_failing; }
    }

    /// <summary>Since when the database has been out of reach; null while it is available.</summary>
    public DateTimeOffset? DownSince { get; private set; }

    /// <summary>How often it went down and came back since the start (diagnostics, tests).</summary>
    public int Outages { get; private set; }

    /// <summary>
    /// Reports a failed database call; true when it was the database being out of reach (then the state is down until
    /// a probe or the listener gets through), false for any other failure (left to the caller).
    /// </summary>
    public bool ReportFailure(Exception exception)
    {
        if (!DatabaseFaults.IsUnavailable(exception))
            return false;
        Update(() => _failing = true);
        lock (_gate)
            if (_probe is null or { IsCompleted: true } && !_stop.IsCancellationRequested)
                _probe = Task.Run(() => ProbeAsync(_stop.Token));
        return true;
    }

    /// <summary>The change feed's listening connection broke: other instances' changes no longer arrive.</summary>
    public void ListenerLost() => Update(() => _listenerDown = true);

    /// <summary>The change feed listens again (it resyncs its subscribers): the database answers.</summary>
    public void ListenerRestored() => Update(() => (_listenerDown, _failing) = (false, false));

    /// <summary>Completes when <see cref="IsAvailable"/> equals <paramref name="available"/> (tests, the bench).</summary>
    public async Task WhenAsync(bool available, CancellationToken cancellationToken = default)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check() { if (IsAvailable == available) reached.TrySetResult(); }
        Changed += Check;
        try
        {
            Check();
            await reached.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Changed -= Check;
        }
    }

    private void Update(Action change)
    {
        bool before, after;
        lock (_gate)
        {
            before = !_listenerDown && !_failing;
            change();
            after = !_listenerDown && !_failing;
            if (before == after)
                return;
            if (after)
                Outages++;
            DownSince = after ? null : clock.GetUtcNow();
        }
        if (after)
        {
            dataSource.Clear();   // idle connections died with the server; busy ones are closed when returned
            logger.LogInformation("The database answers again");
        }
        else
            logger.LogWarning("The database is out of reach; screens show that they are reconnecting");
        Changed?.Invoke();
    }

    private async Task ProbeAsync(CancellationToken stop)
    {
        var delay = FirstProbeDelay;
        while (!stop.IsCancellationRequested)
        {
            lock (_gate)
                if (!_failing)
                    return;
            try
            {
                await Task.Delay(delay, stop);
                dataSource.Clear();   // a fresh physical connection, not a pooled one the restart broke
                await using var command = dataSource.CreateCommand("SELECT 1");
                command.CommandTimeout = 5;
                await command.ExecuteScalarAsync(stop);
                Update(() => _failing = false);
                return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex))
            {
                delay = TimeSpan.FromTicks(Math.Min(MaxProbeDelay.Ticks, delay.Ticks * 2));
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
