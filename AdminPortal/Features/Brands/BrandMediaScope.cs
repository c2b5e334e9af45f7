using System.Security.Claims;
using AdminPortal.Data;
using AdminPortal.Features.Creators;
using AdminPortal.Security;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Brands;

/// <summary>
/// A brand document (/assets/brands/...) only for someone who verifies brands, and only when a brand's incorporation,
/// GST or PAN document is that file: nothing else under the area is served.
/// </summary>
public sealed class BrandMediaScope(IDbContextFactory<PortalDbContext> dbFactory, ActorResolver actors) : IMediaScope
{
    public string Area => "brands";

    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string mediaPath, CancellationToken ct)
    {
        try
        {
            await actors.RequireAsync(user, Permission.VerifyBrands, ct);
        }
        catch (AccessDeniedException)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Brand>().AsNoTracking().AnyAsync(b =>
            b.IncorporationDocument == mediaPath || b.GstDocument == mediaPath || b.PanDocument == mediaPath, ct);
    }
}
