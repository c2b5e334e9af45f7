using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Data.Reads;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users.Platform;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users.List;

public sealed record UserRow(int Id, string? Name, string Email, string? Phone, PlatformUserStatus Status,
    PlatformType Platform, IReadOnlyList<string> Roles, DateTime CreatedAt, DateTime? LastLoginAt, DateTime? DeletedAt,
    bool LockedOut);

/// <summary>A page of users; <see cref="Total"/> stops at <see cref="UserListQuery.MaxDepth"/> + 1 (then read "10,000+").</summary>
public sealed record UserListPage(IReadOnlyList<UserRow> Rows, int Total)
{
    public bool TotalIsCapped => Total > UserListQuery.MaxDepth;
}

/// <summary>Reads for the users list: one page of users, the role names to filter by.</summary>
public sealed class UserQueryService(ReadDbContextFactory reads, ActorResolver actors, TimeProvider clock)
{
    /// <param name="afterChange">A reload after a change event: from the primary (decision 0041).</param>
    public async Task<UserListPage> ListAsync(ClaimsPrincipal by, UserListQuery query, bool afterChange = false,
        CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageUsers, ct);
        await using var db = await reads.CreateDbContextAsync(by, afterChange, ct);
        var filtered = query.Apply(db);
        var now = clock.GetUtcNow();
        var rows = await filtered.Skip(query.Offset).Take(query.Size)
            .Select(u => new UserRow(u.Id, u.Name, u.Email!,
                u.PhoneNumber ?? (u.ContactNumber == null ? null : u.ContactNumberCountryCode + " " + u.ContactNumber),
                u.Status, u.RegistrationPlatform,
                u.Roles.OrderBy(r => r.Role!.Name).Select(r => r.Role!.Name).Distinct().ToList(),
                u.CreatedAt, u.LastLoginAt, u.DeletedAt, u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(ct);
        // A page that is not full is the last one: it gives the total without a count (a search's matches, read once
        // instead of twice, decision 0038; the rule the other lists use). Otherwise capped: an exact count of 100,000
        // users read them all on every page (20+ ms); the pager stops there anyway.
        var total = CountEstimate.FromShortPage(query.Offset, query.Size, rows.Count) is { } shortPage
            ? (int)shortPage.Value
            : await filtered.Take(UserListQuery.MaxDepth + 1).CountAsync(ct);
        return new UserListPage(rows, total);
    }

    public async Task<IReadOnlyList<string>> RoleNamesAsync(ClaimsPrincipal by, CancellationToken ct = default)
    {
        await actors.RequireAsync(by, Permission.ManageUsers, ct);
        await using var db = await reads.CreateDbContextAsync(by, ct);
        return await db.PortalRoles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name).ToListAsync(ct);
    }
}
