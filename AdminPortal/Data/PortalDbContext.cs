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

    /// <summary>Identity schema version 3: the passkey table (auth.user_passkeys), also at design time.</summary>
    protected override Version SchemaVersion => Microsoft.AspNetCore.Identity.IdentitySchemaVersions.Version3;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        ApplyConfigurationsInHistoricalOrder(builder);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys", Schemas.Auth);
    }

    /// <summary>
    /// The configurations in the order EF applies them (by full type name), with the identity types named as they were
    /// when the snapshot was made (AdminPortal.Features.Users): the order decides some foreign key names
    /// (fk_..._asp_net_users_...), and moving the types to Data/Identity must not rename constraints.
    /// </summary>
    private static void ApplyConfigurationsInHistoricalOrder(ModelBuilder builder)
    {
        var assembly = typeof(PortalDbContext).Assembly;
        var identity = typeof(PortalUser).Namespace!;
        var configurations = assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.GetInterfaces().Any(i =>
                i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
            .OrderBy(t => t.Namespace == identity ? "AdminPortal.Features.Users." + t.Name : t.FullName);
        foreach (var type in configurations)
            builder.ApplyConfigurationsFromAssembly(assembly, t => t == type);
    }
}
