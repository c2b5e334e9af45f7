using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Security;

public static class AdminAccounts
{
    /// <summary>Creates a user holding the unscoped Admin role (the roles table is filled if empty).</summary>
    public static async Task<IdentityResult> CreateAsync(UserManager<PortalUser> users,
        IDbContextFactory<PortalDbContext> dbFactory, string email, string password, string? name = null)
    {
        return await CreateWithRolesAsync(users, dbFactory, email, password, name, [(PortalRoles.Admin, null, null)]);
    }

    public static async Task<IdentityResult> CreateWithRolesAsync(UserManager<PortalUser> users,
        IDbContextFactory<PortalDbContext> dbFactory, string email, string password, string? name,
        IReadOnlyList<(string Role, string? Domain, string? Scope)> roles)
    {
        await EnsureRolesAsync(dbFactory);
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, Name = name };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            return result;
        await using var db = await dbFactory.CreateDbContextAsync();
        var ids = await db.PortalRoles.ToDictionaryAsync(r => r.Name, r => r.Id);
        db.UserRoles.AddRange(roles.Select(r => new UserRole { UserId = user.Id, RoleId = ids[r.Role], Domain = r.Domain, Scope = r.Scope }));
        await db.SaveChangesAsync();
        return result;
    }

    public static async Task EnsureRolesAsync(IDbContextFactory<PortalDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var existing = await db.PortalRoles.Select(r => r.Name).ToListAsync();
        foreach (var name in PortalRoles.All.Except(existing))
            db.PortalRoles.Add(new Role { Name = name, Description = RoleDescriptions.Of(name) });
        await db.SaveChangesAsync();
    }
}

public static class RoleDescriptions
{
    public static string Of(string role) => role switch
    {
        PortalRoles.Admin => "Manages users, roles, categories; sees everything",
        PortalRoles.Moderator => "Reviews product suggestions and browses group chats",
        PortalRoles.Staff => "Triages the tickets of their hostels and categories",
        _ => "Platform user; cannot sign in to the portal",
    };
}
