using AdminPortal.Data;
using AdminPortal.Features.Chats;
using AdminPortal.Features.Products;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Features.Users.Platform;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Bench;

/// <summary>
/// The screens' list queries as LINQ (AsNoTracking + projection to the columns shown), written here because the
/// feature services (ProductQueryService, TicketQueryService, UserQueryService, MessageQueryService) are being
/// written on other branches. Each is one static function over a DbContext: swap in the real service's call when it
/// lands. <see cref="SqlQueries"/> holds the same shapes as SQL for the raw Npgsql side of the comparison.
/// </summary>
public static class ListQueries
{
    public const int PageSize = 50;

    public static readonly TicketStatus[] OpenStatuses =
        [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.AwaitingStudentResponse, TicketStatus.Forwarded, TicketStatus.Reopened];

    public sealed record ProductRow(string Id, string Title, Cause Cause, int VendorId, double SellingPrice, DateTime CreatedAt);
    public sealed record TicketRow(int Id, string? Title, TicketStatus Status, int? CategoryId, int? AssignedTo, DateTime? DueAt);
    public sealed record UserRow(int Id, string? Email, string? Name, PlatformUserStatus Status, DateTime CreatedAt);
    public sealed record MessageRow(Guid Id, int SenderId, string? Text, DateTime Timestamp, DateTime? HiddenAt);

    /// <summary>Moderation queue: suggestions, oldest first, OFFSET paging (MudDataGrid ServerData), optional cause filter.</summary>
    public static Task<List<ProductRow>> ProductsQueuePageAsync(PortalDbContext db, int offset, Cause? cause, CancellationToken ct = default)
    {
        var q = db.Set<Product>().AsNoTracking().Where(p => p.PublishingStatus == PublishingStatus.Suggestion);
        if (cause is not null)
            q = q.Where(p => p.Cause == cause);
        return q.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Skip(offset).Take(PageSize)
            .Select(p => new ProductRow(p.Id, p.Title, p.Cause, p.VendorId, p.SellingPrice, p.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>Tickets queue of a staff member scoped to one hostel: open statuses, most urgent first, optional category.</summary>
    public static Task<List<TicketRow>> TicketsQueuePageAsync(PortalDbContext db, int hostelId, int offset, int? categoryId, CancellationToken ct = default)
    {
        var q = db.Set<Ticket>().AsNoTracking().Where(t => t.HostelId == hostelId && OpenStatuses.Contains(t.Status));
        if (categoryId is not null)
            q = q.Where(t => t.CategoryId == categoryId);
        return q.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Skip(offset).Take(PageSize)
            .Select(t => new TicketRow(t.Id, t.Title, t.Status, t.CategoryId, t.AssignedTo, t.DueAt)).ToListAsync(ct);
    }

    /// <summary>Users list by id, optional status filter.</summary>
    public static Task<List<UserRow>> UsersPageAsync(PortalDbContext db, int offset, PlatformUserStatus? status, CancellationToken ct = default)
    {
        var q = db.Users.AsNoTracking();
        if (status is not null)
            q = q.Where(u => u.Status == status);
        return q.OrderBy(u => u.Id).Skip(offset).Take(PageSize)
            .Select(u => new UserRow(u.Id, u.Email, u.Name, u.Status, u.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>Users search: email or name contains the text (ILIKE '%text%').</summary>
    public static Task<List<UserRow>> UsersSearchAsync(PortalDbContext db, string text, CancellationToken ct = default)
    {
        var pattern = $"%{text}%";
        return db.Users.AsNoTracking()
            .Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.Name!, pattern))
            .OrderBy(u => u.Id).Take(PageSize)
            .Select(u => new UserRow(u.Id, u.Email, u.Name, u.Status, u.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>Products queue searched by title (ILIKE '%text%').</summary>
    public static Task<List<ProductRow>> ProductsSearchAsync(PortalDbContext db, string text, CancellationToken ct = default)
    {
        var pattern = $"%{text}%";
        return db.Set<Product>().AsNoTracking()
            .Where(p => p.PublishingStatus == PublishingStatus.Suggestion && EF.Functions.ILike(p.Title, pattern))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Take(PageSize)
            .Select(p => new ProductRow(p.Id, p.Title, p.Cause, p.VendorId, p.SellingPrice, p.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>A group's messages, newest first, by keyset: (timestamp, id) &lt; the cursor; optional sender filter.</summary>
    public static Task<List<MessageRow>> MessagesPageAsync(PortalDbContext db, Guid groupId, (DateTime Timestamp, Guid Id)? before,
        int? senderId, CancellationToken ct = default)
    {
        var q = db.Set<Message>().AsNoTracking().Where(m => m.GroupId == groupId);
        if (before is { } c)
            q = q.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.Timestamp, m.Id), ValueTuple.Create(c.Timestamp, c.Id)));
        if (senderId is not null)
            q = q.Where(m => m.SenderId == senderId);
        return q.OrderByDescending(m => m.Timestamp).ThenByDescending(m => m.Id).Take(PageSize)
            .Select(m => new MessageRow(m.Id, m.SenderId, m.Text, m.Timestamp, m.HiddenAt)).ToListAsync(ct);
    }
}
