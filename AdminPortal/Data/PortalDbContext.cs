using AdminPortal.Data.Identity;
using AdminPortal.Features.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

/// <summary>
/// The portal's one database. Identity keeps only its user tables (roles are SST-Resolve's scoped user_roles, see
/// docs/decisions/0002-scoped-roles-are-the-source-of-truth.md); every area maps itself through its own
/// IEntityTypeConfiguration classes, picked up from this assembly.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityUserContext<PortalUser, int>(options), IDataProtectionKeyContext
{
    public DbSet<Role> PortalRoles => Set<Role>();
    public DbSet<UserRole> UserRoles => Set<UserRole>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys", Schemas.Auth);
    }
}
