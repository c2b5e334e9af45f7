namespace AdminPortal.Live;

/// <summary>
/// The portal's change feed: one singleton per instance. Services publish after commit; components subscribe
/// (best through <see cref="LiveComponentBase"/>) and reload what they show.
/// </summary>
/// <remarks>
/// Delivery: every subscriber of every instance whose filter accepts the event gets it exactly once, in publish
/// order, on the feed's dispatch loop (not on a renderer's thread: a component must call <c>InvokeAsync</c>).
/// Handlers run one after another, so keep them short: trigger a reload, don't query in the handler.
/// A handler's exception is logged and does not stop delivery to the others.
/// After the feed lost and regained its database connection it delivers <see cref="ChangeEvent.IsResync"/> to every
/// subscriber, whatever its filter: events may have been missed, reload everything shown.
/// </remarks>
public interface IChangeFeed
{
    /// <summary>This instance's id, stamped on what it publishes as <see cref="ChangeEvent.OriginInstance"/>.</summary>
    string InstanceId { get; }

    /// <summary>How many subscriptions are open on this instance (for leak checks and diagnostics).</summary>
    int SubscriberCount { get; }

    /// <summary>
    /// Whether other instances' events reach this one now: false while a PostgreSQL listener reconnects; always true
    /// in process, where there are no others.
    /// </summary>
    bool IsListening { get; }

    /// <summary>
    /// Publishes to every instance. Call it after the transaction committed. It does not wait for handlers. A failure
    /// to reach the database is logged, not thrown: the change is committed, and listeners resync on reconnect.
    /// </summary>
    Task PublishAsync(ChangeEvent change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="handler"/> for each event <paramref name="filter"/> accepts, and for resync signals.
    /// Dispose the result to stop (a component does so in its Dispose).
    /// </summary>
    IDisposable Subscribe(Func<ChangeEvent, bool> filter, Func<ChangeEvent, Task> handler);
}
