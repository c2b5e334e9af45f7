using System.Security.Claims;

namespace AdminPortal.Security;

/// <summary>
/// The per-item check of one media area (<c>/assets/{Area}/...</c>), registered by the feature that owns the items:
/// may this person see the thing the file belongs to? Asked by <see cref="PrivateMedia"/> after the area's permission.
/// </summary>
public interface IMediaScope
{
    /// <summary>The first path segment under /assets ("tickets", "chat").</summary>
    string Area { get; }

    /// <summary>Whether <paramref name="user"/> may see the item(s) that reference <paramref name="mediaPath"/>
    /// ("/assets/tickets/x.svg"); false when no item they may see references it.</summary>
    Task<bool> AllowsAsync(ClaimsPrincipal user, string mediaPath, CancellationToken ct);
}
