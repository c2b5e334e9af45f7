using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets.Queue;

public sealed record SavedViewItem(int Id, string Name, string Query, bool Mine);

/// <summary>The queue's saved views: the shared defaults, views others share, and the user's own.</summary>
public sealed class SavedViews(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors, TimeProvider clock)
{
    public async Task<IReadOnlyList<SavedViewItem>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SavedView>().AsNoTracking()
            .Where(v => v.OwnerId == null || v.OwnerId == actor.Id || v.IsShared)
            .OrderBy(v => v.OwnerId != null).ThenBy(v => v.Name)
            .Select(v => new SavedViewItem(v.Id, v.Name, v.Query, v.OwnerId == actor.Id)).ToListAsync(ct);
    }

    public async Task<SavedViewItem> SaveAsync(ClaimsPrincipal user, string name, TicketFilter filter, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 120)
            throw new TicketValidationException("Name the view (at most 120 characters).", "name");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<SavedView>().AnyAsync(v => v.OwnerId == actor.Id && v.Name == name, ct))
            throw new TicketValidationException("You already have a view of that name.", "name");
        var view = new SavedView
        {
            OwnerId = actor.Id, Name = name, Query = filter.ToQueryString(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(view);
        await db.SaveChangesAsync(ct);
        return new SavedViewItem(view.Id, view.Name, view.Query, true);
    }

    public async Task DeleteAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var actor = await actors.RequireAsync(user, Permission.TriageTickets, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<SavedView>().Where(v => v.Id == id && v.OwnerId == actor.Id).ExecuteDeleteAsync(ct);
    }
}
