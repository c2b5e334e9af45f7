using System.Security.Claims;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets;

/// <summary>A ticket photo (/assets/tickets/...) only for someone whose ticket scope holds a ticket that attaches it.</summary>
public sealed class TicketMediaScope(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors) : IMediaScope
{
    public string Area => "tickets";

    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string mediaPath, CancellationToken ct)
    {
        PortalActor actor;
        try
        {
            actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        }
        catch (AccessDeniedException)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await TicketScope.ForAsync(db, actor, ct);
        // attachments are [{"name", "url", "type"}] (or, in older rows, plain URL strings)
        var asObject = JsonSerializer.Serialize(new[] { new { url = mediaPath } });
        var asString = JsonSerializer.Serialize(new[] { mediaPath });
        return await db.Set<Ticket>().AsNoTracking().Where(rules.Predicate())
            .AnyAsync(t => t.Attachments != null
                           && (EF.Functions.JsonContains(t.Attachments, asObject) || EF.Functions.JsonContains(t.Attachments, asString)), ct);
    }
}
