using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Tickets;

/// <summary>
/// Who gets a new (or forwarded) ticket of a category: the primary assignee when active and below their load limit;
/// otherwise the active staff member of the category with the least open load, ties by priority (lower first), then
/// by id. Staff bound to another hostel are not asked.
/// </summary>
public static class AutoAssigner
{
    public sealed record Candidate(int StaffId, int UserId, string Name, bool IsPrimary, int Priority, int Load, int? MaxLoad)
    {
        public bool HasRoom => MaxLoad is null || Load < MaxLoad;
    }

    public static async Task<Candidate?> PickAsync(PortalDbContext db, int categoryId, int? hostelId, CancellationToken ct = default)
    {
        var active = TicketStatuses.Active;
        var candidates = await db.Set<CategoryAssignment>().AsNoTracking()
            .Where(a => a.CategoryId == categoryId && a.Staff!.Active
                        && (a.Staff.HostelId == null || a.Staff.HostelId == hostelId))
            .Select(a => new Candidate(a.StaffId, a.Staff!.UserId, a.Staff.FullName, a.IsPrimary, a.Priority,
                db.Set<Ticket>().Count(t => t.AssignedTo == a.StaffId && active.Contains(t.Status)), a.Staff.MaxOpenLoad))
            .ToListAsync(ct);
        return Pick(candidates);
    }

    public static Candidate? Pick(IReadOnlyList<Candidate> candidates) =>
        candidates.Where(c => c.IsPrimary && c.HasRoom).OrderBy(c => c.Priority).ThenBy(c => c.StaffId).FirstOrDefault()
        ?? candidates.OrderByDescending(c => c.HasRoom).ThenBy(c => c.Load).ThenBy(c => c.Priority).ThenBy(c => c.StaffId)
            .FirstOrDefault();
}
