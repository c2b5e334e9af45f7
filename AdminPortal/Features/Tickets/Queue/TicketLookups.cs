using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets.Queue;

/// <summary>One choice of a picker; <paramref name="Active"/> false: kept for filtering, offered for nothing new.</summary>
public sealed record Option(int Id, string Name, int? ParentId = null, bool Active = true);

/// <param name="LadderDepth">The highest level any category's escalation ladder reaches (the escalation filter's levels).</param>
public sealed record TicketLookupData(IReadOnlyList<Option> Categories, IReadOnlyList<Option> Subcategories,
    IReadOnlyList<Option> Hostels, IReadOnlyList<Option> Staff, int LadderDepth = 0);

/// <summary>
/// The small master lists the filters offer (categories, subcategories, hostels, staff): for those who triage tickets or
/// manage categories only (staff names and the helpdesk's structure are not for every portal role).
/// </summary>
public sealed class TicketLookups(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors)
{
    public async Task<TicketLookupData> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var actor = await actors.ResolveAsync(user, ct);
        if (!actor.Has(Permission.TriageTickets))
            actor.Require(Permission.ManageCategories);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new TicketLookupData(
            await db.Set<Category>().AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
                .Select(c => new Option(c.Id, c.Name, null, c.Active)).ToListAsync(ct),
            await db.Set<Subcategory>().AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
                .Select(s => new Option(s.Id, s.Name, s.CategoryId, s.Active)).ToListAsync(ct),
            await db.Set<Hostel>().AsNoTracking().OrderBy(h => h.Name).Select(h => new Option(h.Id, h.Name, null)).ToListAsync(ct),
            await db.Set<Staff>().AsNoTracking().Where(s => s.Active).OrderBy(s => s.FullName).Select(s => new Option(s.Id, s.FullName, null)).ToListAsync(ct),
            await db.Set<CategoryEscalationRung>().MaxAsync(r => (int?)r.Level, ct) ?? 0);
    }
}
