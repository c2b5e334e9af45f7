using AdminPortal.Data.Identity;
using AdminPortal.Live;

namespace AdminPortal.Security;

/// <summary>The user checks that live reloads share (see <see cref="ActorResolver.RequireForReloadAsync"/>).</summary>
public sealed class ActorChecks(IChangeFeed feed, TimeProvider clock) : ISharedCache, IDisposable
{
    /// <summary>How long a shared check stands when no event says the user changed (roles edited outside the portal).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    public SharedReads<int, PortalActor> Actors { get; } = new(feed, e => e.Is(EntityTypes.User) || e.Is(EntityTypes.Role), MaxAge, clock);

    public void Invalidate() => Actors.Invalidate();

    public void Dispose() => Actors.Dispose();
}
