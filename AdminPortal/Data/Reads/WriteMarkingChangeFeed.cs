using AdminPortal.Live;

namespace AdminPortal.Data.Reads;

/// <summary>
/// The change feed, with each user's published change marked in <see cref="RecentWrites"/> first. Every action
/// publishes after its commit and before it returns to the page that acted, so the page's next read already knows.
/// Registered only when a read-only connection string is configured.
/// </summary>
internal sealed class WriteMarkingChangeFeed(IChangeFeed inner, RecentWrites writes) : IChangeFeed
{
    public string InstanceId => inner.InstanceId;
    public int SubscriberCount => inner.SubscriberCount;
    public bool IsListening => inner.IsListening;

    public async Task PublishAsync(ChangeEvent change, CancellationToken cancellationToken = default)
    {
        if (change.ActorId is { } actor && change.EntityType is not (EntityTypes.Presence or EntityTypes.Feed))
            await writes.MarkAsync(actor, cancellationToken);
        await inner.PublishAsync(change, cancellationToken);
    }

    public IDisposable Subscribe(Func<ChangeEvent, bool> filter, Func<ChangeEvent, Task> handler) =>
        inner.Subscribe(filter, handler);
}
