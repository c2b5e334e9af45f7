using System.Linq.Expressions;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// What one actor may see: an admin everything; a staff member the tickets of the hostels and categories their
/// scoped roles name, of the categories they are assigned to (within their own hostel when their staff profile has
/// one), and the tickets assigned to them. Every query and action of the feature starts here.
/// </summary>
public sealed record TicketScopeRules(
    bool All,
    int? StaffId,
    int? StaffHostelId,
    IReadOnlyList<int> HostelIds,
    IReadOnlyList<int> CategoryIds,
    IReadOnlyList<int> HostelBoundCategoryIds,
    IReadOnlyList<int> MyCategoryIds)
{
    /// <summary>
    /// The rules as branches, one per hostel, category or assignee, each an equality the queue's (x, status, due_at)
    /// indexes serve in due order (an "= ANY(array)" would not come out ordered).
    /// </summary>
    public IReadOnlyList<Expression<Func<Ticket, bool>>> Branches()
    {
        var branches = new List<Expression<Func<Ticket, bool>>>();
        foreach (var hostel in HostelIds)
            branches.Add(t => t.HostelId == hostel);
        foreach (var category in CategoryIds)
            branches.Add(t => t.CategoryId == category);
        if (StaffHostelId is { } staffHostel && !HostelIds.Contains(staffHostel))
            foreach (var category in HostelBoundCategoryIds.Except(CategoryIds))
                branches.Add(t => t.CategoryId == category && t.HostelId == staffHostel);
        if (StaffId is { } staffId)
            branches.Add(t => t.AssignedTo == staffId);
        return branches;
    }

    /// <summary>The rules as one predicate (for single-ticket reads and actions).</summary>
    public Expression<Func<Ticket, bool>> Predicate()
    {
        if (All)
            return _ => true;
        var hostels = HostelIds.ToArray();
        var categories = CategoryIds.ToArray();
        var bound = HostelBoundCategoryIds.ToArray();
        var staffHostel = StaffHostelId ?? -1;
        var staffId = StaffId ?? -1;
        return t => hostels.Contains(t.HostelId!.Value) || categories.Contains(t.CategoryId!.Value)
                    || (t.HostelId == staffHostel && bound.Contains(t.CategoryId!.Value)) || t.AssignedTo == staffId;
    }

    /// <summary>
    /// Whether some category would let this actor raise a ticket for a student of <paramref name="hostelId"/> (the
    /// category-wide scopes reach every hostel).
    /// </summary>
    public bool CanRaiseFor(int? hostelId) =>
        All || CategoryIds.Count > 0 || (hostelId is { } h && (HostelIds.Contains(h)
            || (h == StaffHostelId && HostelBoundCategoryIds.Count > 0)));

    public bool Covers(int? hostelId, int? categoryId, int? assignedTo) =>
        All || (hostelId is { } h && HostelIds.Contains(h)) || (categoryId is { } c && CategoryIds.Contains(c))
        || (hostelId is not null && hostelId == StaffHostelId && categoryId is { } b && HostelBoundCategoryIds.Contains(b))
        || (assignedTo is not null && assignedTo == StaffId);
}

public sealed class TicketScope(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<TicketScopeRules> ForAsync(PortalActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ForAsync(db, actor, ct);
    }

    public static async Task<TicketScopeRules> ForAsync(PortalDbContext db, PortalActor actor, CancellationToken ct = default)
    {
        // the staff row and its categories in one round trip (every scoped read starts here)
        var staff = await db.Set<Staff>().AsNoTracking().Where(s => s.UserId == actor.Id)
            .Select(s => new { s.Id, s.HostelId, Categories = db.Set<CategoryAssignment>().Where(a => a.StaffId == s.Id).Select(a => a.CategoryId).ToList() })
            .SingleOrDefaultAsync(ct);
        List<int> assigned = staff?.Categories ?? [];
        var roleCategories = actor.ScopeIds(PortalRoles.Staff, ScopeDomains.Category);
        var everywhere = staff is { HostelId: null } ? assigned : [];
        var bound = staff is { HostelId: not null } ? assigned : [];
        return new TicketScopeRules(actor.IsAdmin, staff?.Id, staff?.HostelId,
            actor.ScopeIds(PortalRoles.Staff, ScopeDomains.Hostel),
            roleCategories.Union(everywhere).ToList(), bound,
            roleCategories.Union(assigned).ToList());
    }
}
