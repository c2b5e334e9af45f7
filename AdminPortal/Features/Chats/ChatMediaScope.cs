using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Chats;

/// <summary>
/// A chat attachment (/assets/chat/...) only for someone who opened, with a reason, a group holding a message that
/// attaches it, within <see cref="OpenFor"/>. The reason gate's grant lives in the circuit (<see cref="ChatAccess"/>),
/// which a request for a file cannot see; its audit record ("chat.open", who, which group, when) is what it leaves.
/// </summary>
public sealed class ChatMediaScope(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, TimeProvider clock) : IMediaScope
{
    /// <summary>How long an audited opening lets its reader fetch the group's files (a working day).</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromHours(12);

    public string Area => "chat";

    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string mediaPath, CancellationToken ct)
    {
        PortalActor actor;
        try
        {
            actor = await actors.RequireAsync(user, Permission.BrowseChats, ct);
        }
        catch (AccessDeniedException)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime - OpenFor;
        var opened = (await db.Set<AuditLogEntry>().AsNoTracking()
                .Where(a => a.ActorId == actor.Id && a.Action == ChatAccess.OpenAction && a.EntityType == ChatAccess.EntityTypeName && a.At >= since)
                .Select(a => a.EntityId).Distinct().Take(200).ToListAsync(ct))
            .Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        if (opened.Count == 0)
            return false;
        var attachment = JsonSerializer.Serialize(new[] { new { url = mediaPath } }, JsonColumn.Options);
        return await db.Database.SqlQuery<bool>(
                $"SELECT EXISTS (SELECT 1 FROM chat.messages WHERE group_id = ANY({opened.ToArray()}) AND attachments @> {attachment}::jsonb) AS \"Value\"")
            .SingleAsync(ct);
    }
}
