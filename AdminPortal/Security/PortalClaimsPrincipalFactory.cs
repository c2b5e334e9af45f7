using AdminPortal.Data.Identity;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Security;

/// <summary>Derives role and scope claims from the scoped user_roles rows, the source of truth.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<PortalDbContext> dbFactory)
    : UserClaimsPrincipalFactory<PortalUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var grants = await db.UserRoles.AsNoTracking()
            .Where(r => r.UserId == user.Id)
            .Select(r => new { Role = r.Role!.Name, r.Domain, r.Scope })
            .ToListAsync();
        foreach (var role in grants.Select(g => g.Role).Distinct())
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        foreach (var g in grants.Where(g => g.Domain is not null && g.Scope is not null))
            identity.AddClaim(new Claim(ScopeClaims.Type, ScopeClaims.Format(g.Role, g.Domain!, g.Scope!)));
        if (!string.IsNullOrEmpty(user.Name))
            identity.AddClaim(new Claim(ScopeClaims.NameType, user.Name));
        return identity;
    }
}
