using AdminPortal.Data;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Team;

/// <summary>Where one open ticket goes when its assignee stops taking tickets: a staff member, or back to the queue.</summary>
public sealed record HandOffMove(int TicketId, int? ToStaffId, string? ToName);

/// <summary>How many of the person's open tickets go to whom (null name: nobody of the category can, back to the queue).</summary>
public sealed record HandOffLine(string? To, int Tickets);

public sealed record HandOffPlan(int OpenTickets, IReadOnlyList<HandOffLine> Lines)
{
    public int Unassigned => Lines.Where(l => l.To is null).Sum(l => l.Tickets);

    public static HandOffPlan Of(IReadOnlyList<HandOffMove> moves) => new(moves.Count,
        moves.GroupBy(m => m.ToName).Select(g => new HandOffLine(g.Key, g.Count()))
            .OrderBy(l => l.To is null).ThenByDescending(l => l.Tickets).ThenBy(l => l.To, StringComparer.Ordinal).ToList());
}

/// <summary>
/// The hand-off of a leaving (away or deactivated) staff member's open tickets, by the auto-assignment rules of
/// <see cref="AutoAssigner"/>: ticket by ticket in due order, each to whom the rules pick among the category's other
/// active staff, counting the tickets already handed out in this pass as their load. The preview and the hand-off run
/// the same code, so what was shown is what happens (unless the desk changed in between).
/// </summary>
public static class StaffHandOff
{
    public static async Task<IReadOnlyList<HandOffMove>> MovesAsync(PortalDbContext db, int staffId, CancellationToken ct)
    {
        var active = TicketStatuses.Active;
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => t.AssignedTo == staffId && active.Contains(t.Status))
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Select(t => new { t.Id, t.CategoryId, t.HostelId }).ToListAsync(ct);
        if (tickets.Count == 0)
            return [];
        var categories = tickets.Where(t => t.CategoryId != null).Select(t => t.CategoryId!.Value).Distinct().ToList();
        var rows = await db.Set<CategoryAssignment>().AsNoTracking()
            .Where(a => categories.Contains(a.CategoryId) && a.StaffId != staffId && a.Staff!.Active)
            .Select(a => new
            {
                a.CategoryId, a.Staff!.HostelId,
                Candidate = new AutoAssigner.Candidate(a.StaffId, a.Staff.UserId, a.Staff.FullName, a.IsPrimary, a.Priority,
                    db.Set<Ticket>().Count(t => t.AssignedTo == a.StaffId && active.Contains(t.Status)), a.Staff.MaxOpenLoad),
            })
            .ToListAsync(ct);
        var load = rows.GroupBy(r => r.Candidate.StaffId).ToDictionary(g => g.Key, g => g.First().Candidate.Load);
        var moves = new List<HandOffMove>(tickets.Count);
        foreach (var t in tickets)
        {
            var candidates = rows.Where(r => r.CategoryId == t.CategoryId && (r.HostelId == null || r.HostelId == t.HostelId))
                .Select(r => r.Candidate with { Load = load[r.Candidate.StaffId] }).ToList();
            var pick = AutoAssigner.Pick(candidates);
            if (pick is not null)
                load[pick.StaffId]++;
            moves.Add(new HandOffMove(t.Id, pick?.StaffId, pick?.Name));
        }
        return moves;
    }
}
