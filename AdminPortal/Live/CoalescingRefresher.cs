namespace AdminPortal.Live;

/// <summary>
/// Turns a burst of triggers into few reloads: the first trigger waits <c>window</c>, then reloads once for all the
/// triggers that came meanwhile. At most one reload runs at a time; a trigger during a reload schedules exactly one
/// more after it. A component owns one and disposes it with itself.
/// </summary>
/// <example><code>
/// _refresher = new CoalescingRefresher(() => InvokeAsync(LoadAsync), TimeSpan.FromMilliseconds(150));
/// ... on each relevant event: _refresher.Trigger();
/// </code></example>
public sealed class CoalescingRefresher : IDisposable
{
    private readonly Func<Task> _reload;
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private readonly Action<Exception>? _onError;
    private readonly Lock _gate = new();
    private bool _scheduled;   // a reload is waiting for its window to end
    private bool _running;     // a reload is in flight
    private bool _again;       // a trigger came during the reload
    private bool _disposed;
    private ITimer? _timer;

    /// <param name="reload">The work to coalesce (for a component: <c>() => InvokeAsync(LoadAsync)</c>).</param>
    /// <param name="window">How long to gather triggers before reloading, e.g. 150 ms.</param>
    /// <param name="clock">The time source (a fake one in tests); the system clock by default.</param>
    /// <param name="onError">Called when a reload throws; the refresher keeps working either way.</param>
    public CoalescingRefresher(Func<Task> reload, TimeSpan window, TimeProvider? clock = null,
        Action<Exception>? onError = null)
    {
        _reload = reload;
        _window = window;
        _clock = clock ?? TimeProvider.System;
        _onError = onError;
    }

    /// <summary>How many reloads have started (for tests and diagnostics).</summary>
    public int ReloadCount { get; private set; }

    /// <summary>Whether a reload is in flight now.</summary>
    public bool IsReloading
    {
        get { lock (_gate) return _running; }
    }

    /// <summary>Asks for a reload; returns at once.</summary>
    public void Trigger()
    {
        lock (_gate)
        {
            if (_disposed || _scheduled)
                return;
            if (_running)
            {
                _again = true;
                return;
            }
            ScheduleLocked();
        }
    }

    private void ScheduleLocked()
    {
        _scheduled = true;
        _timer?.Dispose();
        _timer = _clock.CreateTimer(_ => _ = RunAsync(), null, _window, Timeout.InfiniteTimeSpan);
    }

    private async Task RunAsync()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _scheduled = false;
            _running = true;
            ReloadCount++;
        }
        try
        {
            await _reload();
        }
        catch (Exception ex)
        {
            _onError?.Invoke(ex);
        }
        finally
        {
            lock (_gate)
            {
                _running = false;
                if (_again && !_disposed)
                {
                    _again = false;
                    ScheduleLocked();
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
