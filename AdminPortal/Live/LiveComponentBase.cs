using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Live;

/// <summary>
/// Base for a component that shows data other people change: it subscribes to the change feed after the first
/// render, reloads (coalesced, on its own renderer) when a relevant event or a resync arrives, and unsubscribes when
/// disposed. Modelled on dotnet/eShop <c>OrdersRefreshOnStatusChange.razor</c>.
/// </summary>
/// <example><code>
/// @inherits LiveComponentBase
/// protected override bool IsRelevant(ChangeEvent e) => e.Is(EntityTypes.Ticket);
/// protected override Task ReloadAsync() => _grid.ReloadServerData();
/// </code></example>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private readonly ConcurrentQueue<ChangeEvent> _inbox = new();
    private int _draining;   // 1 while a pool thread drains _inbox
    private volatile bool _disposed;
    private IDisposable? _subscription;
    private CoalescingRefresher? _refresher;

    [Inject] protected IChangeFeed ChangeFeed { get; set; } = default!;
    [Inject] private ILogger<LiveComponentBase> Logger { get; set; } = default!;

    /// <summary>Which events this component cares about (resyncs always come through).</summary>
    protected abstract bool IsRelevant(ChangeEvent change);

    /// <summary>Reloads what the component shows; runs on the component's renderer, then it re-renders.</summary>
    protected abstract Task ReloadAsync();

    /// <summary>How long to gather a burst of events into one reload.</summary>
    protected virtual TimeSpan CoalesceWindow => TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// Called on the component's renderer for each relevant event (and resync). By default it asks for a coalesced
    /// reload; override to also say who did what (call base to keep the reload).
    /// </summary>
    protected virtual Task OnChangeAsync(ChangeEvent change)
    {
        RequestReload();
        return Task.CompletedTask;
    }

    /// <summary>Asks for a coalesced reload, e.g. after this component's own action.</summary>
    protected void RequestReload() => _refresher?.Trigger();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        if (!firstRender || _subscription is not null)
            return;
        _refresher = new CoalescingRefresher(() => InvokeAsync(ReloadAndRenderAsync), CoalesceWindow,
            onError: ex => Logger.LogError(ex, "Live reload of {Component} failed", GetType().Name));
        _subscription = ChangeFeed.Subscribe(IsRelevant, Post);
    }

    // On the feed's loop: queue the event and return. This component's events are handled in order, on the thread
    // pool: a busy circuit never holds up the others, and the circuits of one instance render on all its cores
    // instead of one after another on the feed's loop.
    private Task Post(ChangeEvent change)
    {
        _inbox.Enqueue(change);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static self => _ = self.DrainAsync(), this, preferLocal: false);
        return Task.CompletedTask;
    }

    private async Task DrainAsync()
    {
        do
        {
            while (_inbox.TryDequeue(out var change))
                await DispatchAsync(change);
            Volatile.Write(ref _draining, 0);
            // an event queued after the last TryDequeue but before the reset found _draining = 1: take it now
        } while (!_inbox.IsEmpty && Interlocked.CompareExchange(ref _draining, 1, 0) == 0);
    }

    private async Task DispatchAsync(ChangeEvent change)
    {
        if (_disposed)
            return;
        try
        {
            await InvokeAsync(() => OnChangeAsync(change));
            if (!change.IsResync)
                LiveMetrics.RecordDelivered(change);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Logger.LogError(ex, "{Component} failed on {EntityType} {Action}", GetType().Name, change.EntityType,
                change.Action);
        }
    }

    private async Task ReloadAndRenderAsync()
    {
        await ReloadAsync();
        StateHasChanged();
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _refresher?.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>For derived components' own cleanup.</summary>
    protected virtual void Dispose(bool disposing) { }
}
