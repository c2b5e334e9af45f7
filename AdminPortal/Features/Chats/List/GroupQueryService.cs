using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Products;
using AdminPortal.Security;
using AdminPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Chats.List;

/// <summary>
/// One row of the group list: the group's metadata, when its last message was sent and how many there are
/// (<see cref="MessageCount"/> capped at <see cref="GroupQueryService.CountCap"/>). Nothing from any message (text,
/// attachment, hidden or not): that is behind the reason gate (docs/decisions/0015-chat-list-before-the-gate.md).
/// </summary>
public sealed record GroupRow(Guid Id, string Name, ConversationType Type, string? ProductId, string? ProductTitle,
    int MemberCount, DateTime? LastMessageAt, int MessageCount);

public sealed record GroupListPage(IReadOnlyList<GroupRow> Rows, int Total);

public sealed record Pick(string Id, string Label);

/// <summary>Lists groups and the filters' choices. Group metadata only: messages need a reason (<see cref="ChatAccess"/>).</summary>
public sealed class GroupQueryService(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors)
{
    /// <summary>
    /// The list counts at most this many messages per group: counting a 1.2-million-message group on every render
    /// would scan its whole index, while a count under LIMIT reads at most this many index entries ("1000+").
    /// </summary>
    public const int CountCap = 1000;

    /// <summary>One page of the groups the query matches, most recent activity first.</summary>
    public async Task<GroupListPage> ListAsync(ClaimsPrincipal principal, ChatListQuery filter, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.BrowseChats, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<ChatGroup>().AsNoTracking();
        if (TextRules.Searchable(filter.Search) is { } search)
        {
            var pattern = LikePattern.Contains(search);
            q = q.Where(g => EF.Functions.ILike(g.Name, pattern, LikePattern.EscapeCharacter));
        }
        if (!string.IsNullOrWhiteSpace(filter.ProductId))
            q = q.Where(g => g.ProductId == filter.ProductId);
        if (filter.MemberId is { } member)
            q = q.Where(g => g.Members.Contains(member));   // members @> ARRAY[id]: the GIN index
        if (filter.Type is { } type)
            q = q.Where(g => g.Type == type);
        if (filter.ActiveFrom is { } from)
        {
            var start = Utc(from);
            q = q.Where(g => g.LastMessageAt >= start);
        }
        if (filter.ActiveTo is { } to)
        {
            var end = Utc(to).AddDays(1);
            q = q.Where(g => g.LastMessageAt < end);
        }
        var total = await q.CountAsync(ct);
        // the page's ids first: PostgreSQL computes the select list's subqueries for every row an OFFSET skips
        var pageIds = ByActivity(q).Skip(filter.Offset).Take(ChatListQuery.PageSize).Select(g => g.Id);
        var rows = await ByActivity(db.Set<ChatGroup>().AsNoTracking().Where(g => pageIds.Contains(g.Id)))
            .Select(g => new
            {
                g.Id, g.Name, g.Type, g.ProductId,
                ProductTitle = db.Set<Product>().Where(p => p.Id == g.ProductId).Select(p => p.Title).FirstOrDefault(),
                MemberCount = g.Members.Length,
                g.LastMessageAt,
                Count = db.Set<Message>().Where(m => m.GroupId == g.Id).Take(CountCap + 1).Count(),
            })
            .ToListAsync(ct);
        return new GroupListPage(rows.Select(r => new GroupRow(r.Id, r.Name, r.Type, r.ProductId, r.ProductTitle,
            r.MemberCount, r.LastMessageAt, r.Count))
            .ToList(), total);
    }

    /// <summary>Users for the member filter's autocomplete (name or email): for those who browse chats.</summary>
    public async Task<IReadOnlyList<Pick>> FindUsersAsync(ClaimsPrincipal principal, string? term, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.BrowseChats, ct);
        term = TextRules.Searchable(term);
        if (term is null || term.Length < 2)
            return [];
        var pattern = LikePattern.Contains(term);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.DeletedAt == null && (EF.Functions.ILike(u.Name!, pattern, LikePattern.EscapeCharacter) || EF.Functions.ILike(u.Email!, pattern, LikePattern.EscapeCharacter)))
            .OrderBy(u => u.Name).Take(10)
            .Select(u => new Pick(u.Id.ToString(), (u.Name ?? u.Email) + " · " + u.Email))
            .ToListAsync(ct);
    }

    /// <summary>Products for the product filter's autocomplete (title, trigram index).</summary>
    public async Task<IReadOnlyList<Pick>> FindProductsAsync(ClaimsPrincipal principal, string? term, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.BrowseChats, ct);
        if (TextRules.Searchable(term) is not { Length: >= 2 } t)
            return [];
        var pattern = LikePattern.Contains(t);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Product>().AsNoTracking()
            .Where(p => p.Id == t || EF.Functions.ILike(p.Title, pattern, LikePattern.EscapeCharacter))
            .OrderBy(p => p.Title).Take(10)
            .Select(p => new Pick(p.Id, p.Title)).ToListAsync(ct);
    }

    /// <summary>The label of a filter value taken from the URL.</summary>
    public async Task<Pick?> UserAsync(ClaimsPrincipal principal, int id, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.BrowseChats, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new Pick(u.Id.ToString(), (u.Name ?? u.Email) + " · " + u.Email)).FirstOrDefaultAsync(ct);
    }

    public async Task<Pick?> ProductAsync(ClaimsPrincipal principal, string id, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.BrowseChats, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Product>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new Pick(p.Id, p.Title)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Most recent activity first, groups without messages last (idx_groups_activity, idx_groups_type_activity).</summary>
    private static IOrderedQueryable<ChatGroup> ByActivity(IQueryable<ChatGroup> q) =>
        q.OrderByDescending(g => g.LastMessageAt != null).ThenByDescending(g => g.LastMessageAt).ThenBy(g => g.Id);

    private static DateTime Utc(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
