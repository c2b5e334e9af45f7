using System.Collections.Concurrent;
using System.Globalization;
using AdminPortal.Live;
using AdminPortal.Security;

namespace AdminPortal.Features.Chats;

/// <summary>
/// The actors one circuit's <see cref="ChatAccess"/> verified in the last <see cref="ChatAccess.VerifiedFor"/>, so
/// scrolling through a chat does not read the roles again for every page. An entry is dropped at once when the live
/// feed reports a change to that user or to any role (and on a resync); otherwise it simply expires, which bounds a
/// change the feed did not carry (an edit straight in the database) to <see cref="ChatAccess.VerifiedFor"/>.
/// </summary>
internal sealed class VerifiedActors(IChangeFeed feed, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<int, (PortalActor Actor, DateTimeOffset Until)> _actors = new();
    private readonly ConcurrentDictionary<int, IDisposable> _watches = new();

    public PortalActor? Get(int actorId) =>
        _actors.TryGetValue(actorId, out var entry) && clock.GetUtcNow() < entry.Until ? entry.Actor : null;

    public void Remember(PortalActor actor, TimeSpan lifetime)
    {
        _watches.GetOrAdd(actor.Id, id =>
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            return feed.Subscribe(e => e.Is(EntityTypes.User, key) || e.Is(EntityTypes.Role), _ =>
            {
                _actors.Clear();
                return Task.CompletedTask;
            });
        });
        _actors[actor.Id] = (actor, clock.GetUtcNow() + lifetime);
    }

    public void Forget(int actorId) => _actors.TryRemove(actorId, out _);

    public void Dispose()
    {
        foreach (var watch in _watches.Values)
            watch.Dispose();
        _watches.Clear();
    }
}
