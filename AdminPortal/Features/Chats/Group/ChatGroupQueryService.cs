using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Products;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Chats.Group;

public sealed record ProductCard(string Id, string Title, string? Image, double Mrp, double SellingPrice, string? VendorName);

public sealed record GroupMember(int Id, string Name, string Role, bool Online);

public sealed record GroupHeader(Guid Id, string Name, ConversationType Type, ProductCard? Product,
    IReadOnlyList<GroupMember> Members, DateTime? LastMessageAt);

/// <summary>What the group page shows beside the messages: the group, its product, its members. No messages.</summary>
public sealed class ChatGroupQueryService(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors)
{
    /// <summary>The group's header; null when there is no such group.</summary>
    public async Task<GroupHeader?> HeaderAsync(ClaimsPrincipal principal, Guid groupId, CancellationToken ct = default)
    {
        await actors.RequireAsync(principal, Permission.BrowseChats, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var g = await db.Set<ChatGroup>().AsNoTracking().Where(x => x.Id == groupId)
            .Select(x => new { x.Id, x.Name, x.Type, x.ProductId, x.Members, x.CreatedBy, x.LastMessageAt })
            .SingleOrDefaultAsync(ct);
        if (g is null)
            return null;
        var product = g.ProductId is null ? null : await db.Set<Product>().AsNoTracking().Where(p => p.Id == g.ProductId)
            .Select(p => new
            {
                p.Id, p.Title, p.Images, p.Mrp, p.SellingPrice, p.VendorId,
                Vendor = db.Users.Where(u => u.Id == p.VendorId).Select(u => u.Name ?? u.Email).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        var members = await db.Users.AsNoTracking().Where(u => g.Members.Contains(u.Id))
            .OrderBy(u => u.Name).Select(u => new { u.Id, Name = u.Name ?? u.Email ?? "unknown", u.IsOnline })
            .ToListAsync(ct);
        return new GroupHeader(g.Id, g.Name, g.Type,
            product is null ? null : new ProductCard(product.Id, product.Title, product.Images.FirstOrDefault(),
                product.Mrp, product.SellingPrice, product.Vendor),
            members.Select(m => new GroupMember(m.Id, m.Name,
                    m.Id == product?.VendorId ? "Vendor" : m.Id == g.CreatedBy ? "Creator" : "Member", m.IsOnline == true))
                .OrderBy(m => m.Role == "Member").ThenBy(m => m.Name).ToList(),
            g.LastMessageAt);
    }
}
