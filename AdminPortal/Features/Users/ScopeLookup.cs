using System.Globalization;
using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Tickets.Model;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Users;

public sealed record ScopeOption(int Id, string Name);

public sealed record ScopeOptions(IReadOnlyList<ScopeOption> Hostels, IReadOnlyList<ScopeOption> Categories)
{
    public IReadOnlyList<ScopeOption> Of(string? domain) => domain == ScopeDomains.Category ? Categories : Hostels;

    public string? NameOf(string? domain, string? scope) =>
        int.TryParse(scope, CultureInfo.InvariantCulture, out var id) ? Of(domain).FirstOrDefault(o => o.Id == id)?.Name : null;
}

/// <summary>The hostels and categories a Staff role can be scoped to (the role forms, the access report).</summary>
public sealed class ScopeLookup(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors)
{
    /// <summary>For those who manage users or roles (the pages that offer scopes).</summary>
    public async Task<ScopeOptions> ScopesAsync(ClaimsPrincipal by, CancellationToken ct = default)
    {
        var actor = await actors.ResolveAsync(by, ct);
        if (!actor.Has(Permission.ManageRoles))
            actor.Require(Permission.ManageUsers);
        return await ScopesAsync(ct);
    }

    /// <summary>Unchecked: for services that checked their caller already.</summary>
    internal async Task<ScopeOptions> ScopesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hostels = await db.Set<Hostel>().AsNoTracking().OrderBy(h => h.Name).Select(h => new ScopeOption(h.Id, h.Name)).ToListAsync(ct);
        var categories = await db.Set<Category>().AsNoTracking().OrderBy(c => c.Name).Select(c => new ScopeOption(c.Id, c.Name)).ToListAsync(ct);
        return new ScopeOptions(hostels, categories);
    }
}
