using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Products;
using AdminPortal.Features.Team.List;
using AdminPortal.Features.Tickets;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using AdminPortal.Security.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Team;

public sealed record StaffRow(int Id, string Name, string? Email, string? Hostel, string Categories, int OpenLoad, int? MaxOpenLoad, bool Active)
{
    public string LoadText => MaxOpenLoad is { } max ? $"{OpenLoad} / {max}" : $"{OpenLoad} / no limit";
    public bool OverCapacity => MaxOpenLoad is { } max && OpenLoad >= max;
}

public sealed record StaffRowsPage(IReadOnlyList<StaffRow> Rows, CountEstimate Total);

public sealed record StaffCategoryLine(int CategoryId, string Name, int Priority, bool IsPrimary, bool CategoryActive);

public sealed record StaffChange(string ActorName, string Action, DateTime At, string? Reason);

public sealed record StaffDetails(int Id, int UserId, string Name, string? Email, int? HostelId, string? Hostel, bool Active,
    int? MaxOpenLoad, int OpenLoad, uint Version, IReadOnlyList<StaffCategoryLine> Categories, IReadOnlyList<StaffChange> History);

/// <summary>Reads for the staff list (a few hundred rows at most: the desk's people) and the staff page.</summary>
public sealed class StaffQueryService(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors)
{
    public async Task<StaffRowsPage> GetPageAsync(ClaimsPrincipal by, StaffListQuery q, CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageStaff, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = db.Set<Staff>().AsNoTracking();
        if (q.EffectiveSearch is { } text)
        {
            var pattern = ProductFilters.Contains(text);
            staff = staff.Where(s => EF.Functions.ILike(s.FullName, pattern, "\\") || EF.Functions.ILike(s.User!.Email!, pattern, "\\"));
        }
        if (q.HostelId is { } hostel)
            staff = staff.Where(s => s.HostelId == hostel);
        if (q.CategoryId is { } category)
            staff = staff.Where(s => db.Set<CategoryAssignment>().Any(a => a.StaffId == s.Id && a.CategoryId == category));
        if (q.State != StaffState.Any)
            staff = staff.Where(s => s.Active == (q.State == StaffState.Active));
        var active = TicketStatuses.Active;
        var rows = await staff.OrderBy(s => s.FullName).ThenBy(s => s.Id).Skip(q.Offset).Take(q.PageSize)
            .Select(s => new
            {
                s.Id, s.FullName, s.User!.Email, Hostel = s.Hostel!.Name, s.MaxOpenLoad, s.Active,
                Load = db.Set<Ticket>().Count(t => t.AssignedTo == s.Id && active.Contains(t.Status)),
                Categories = db.Set<CategoryAssignment>().Where(a => a.StaffId == s.Id).OrderBy(a => a.Category!.Position)
                    .ThenBy(a => a.Category!.Name).Select(a => a.Category!.Name).ToList(),
            })
            .ToListAsync(ct);
        var capped = await staff.Take(CountEstimate.ExactLimit + 1).CountAsync(ct);
        return new StaffRowsPage(
            rows.Select(r => new StaffRow(r.Id, r.FullName, r.Email, r.Hostel, string.Join(", ", r.Categories), r.Load, r.MaxOpenLoad, r.Active)).ToList(),
            capped <= CountEstimate.ExactLimit ? new CountEstimate(capped, CountKind.Exact) : new CountEstimate(CountEstimate.ExactLimit, CountKind.AtLeast));
    }

    public async Task<StaffDetails?> GetAsync(ClaimsPrincipal by, int id, CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageStaff, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = TicketStatuses.Active;
        var s = await db.Set<Staff>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.UserId, x.FullName, x.User!.Email, x.HostelId, Hostel = x.Hostel!.Name, x.Active, x.MaxOpenLoad, x.Version,
                Load = db.Set<Ticket>().Count(t => t.AssignedTo == x.Id && active.Contains(t.Status)),
            })
            .SingleOrDefaultAsync(ct);
        if (s is null)
            return null;
        var categories = await db.Set<CategoryAssignment>().AsNoTracking().Where(a => a.StaffId == id)
            .OrderBy(a => a.Priority).ThenBy(a => a.Category!.Position).ThenBy(a => a.Category!.Name)
            .Select(a => new StaffCategoryLine(a.CategoryId, a.Category!.Name, a.Priority, a.IsPrimary, a.Category.Active)).ToListAsync(ct);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var history = await db.Set<AuditLogEntry>().AsNoTracking().Where(a => a.EntityType == StaffProfiles.EntityType && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(10)
            .Select(a => new StaffChange(a.ActorName, a.Action, a.At, a.Reason)).ToListAsync(ct);
        return new StaffDetails(s.Id, s.UserId, s.FullName, s.Email, s.HostelId, s.Hostel, s.Active, s.MaxOpenLoad, s.Load, s.Version,
            categories, history);
    }
}
