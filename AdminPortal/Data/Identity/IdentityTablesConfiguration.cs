using AdminPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Identity;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> user)
    {
        user.ToTable("users", Schemas.Auth);
        user.Property(u => u.Email).HasMaxLength(256).IsRequired();
        user.HasIndex(u => u.Email).IsUnique().HasDatabaseName("users_email_unique");
        // the user admin searches by any part of email, name or phone (ILIKE '%...%'): trigram indexes serve that
        user.HasIndex(u => u.Email, "idx_users_email_trgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("idx_users_email_trgm");
        user.HasIndex(u => u.Name, "idx_users_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("idx_users_name_trgm");
        user.HasIndex(u => u.PhoneNumber, "idx_users_phone_trgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("idx_users_phone_trgm");
        user.HasIndex(u => u.ContactNumber, "idx_users_contact_number").HasDatabaseName("idx_users_contact_number");
        user.HasIndex(u => u.CreatedAt, "idx_users_created_at").HasDatabaseName("idx_users_created_at");
        user.Property(u => u.Version).IsRowVersion();
        user.Property(u => u.CreatedAt).HasDefaultValueSql("now()");
        user.Property(u => u.UpdatedAt).HasDefaultValueSql("now()");
        user.HasMany(u => u.Roles).WithOne(r => r.User).HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdentityUserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> b) => b.ToTable("user_claims", Schemas.Auth);
}

internal sealed class IdentityUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> b)
    {
        b.ToTable("user_logins", Schemas.Auth);
        Unbounded(b, nameof(IdentityUserLogin<int>.LoginProvider), nameof(IdentityUserLogin<int>.ProviderKey));
    }

    /// <summary>
    /// Identity's schema version 2 and later (3 brings passkeys) bound the login and token keys at 128 characters; the
    /// tables keep the text columns they were made with.
    /// </summary>
    internal static void Unbounded<T>(EntityTypeBuilder<T> b, params string[] properties) where T : class
    {
        foreach (var property in properties)
            b.Property(property).Metadata.SetMaxLength(null);
    }
}

internal sealed class IdentityUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> b)
    {
        b.ToTable("user_tokens", Schemas.Auth);
        IdentityUserLoginConfiguration.Unbounded(b, nameof(IdentityUserToken<int>.LoginProvider), nameof(IdentityUserToken<int>.Name));
    }
}

internal sealed class IdentityUserPasskeyConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<int>>
{
    // Identity schema version 3, mapped here too so design time (no IdentityOptions there) builds the same model: the
    // credential id is the key, the credential's data (public key, sign count, name, transports) one jsonb column
    public void Configure(EntityTypeBuilder<IdentityUserPasskey<int>> b)
    {
        b.ToTable("user_passkeys", Schemas.Auth);
        b.HasKey(p => p.CredentialId);
        b.Property(p => p.CredentialId).HasMaxLength(1024);
        b.OwnsOne(p => p.Data).ToJson();
        b.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.UserId);
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> role)
    {
        role.ToTable("roles", Schemas.Auth);
        role.Property(r => r.Name).HasMaxLength(64);
        role.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<UserRole>
{
    public void Configure(EntityTypeBuilder<UserRole> ur)
    {
        ur.ToTable("user_roles", Schemas.Auth);
        ur.Property(r => r.Domain).HasMaxLength(64);
        ur.Property(r => r.Scope).HasMaxLength(128);
        ur.Property(r => r.Version).IsRowVersion();
        ur.HasOne(r => r.Role).WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
        // SST-Resolve: unique("unique_user_role_scope").on(user_id, role_id, domain, scope); NULLs count as equal,
        // so an unscoped role can be held once.
        ur.HasIndex(r => new { r.UserId, r.RoleId, r.Domain, r.Scope })
            .IsUnique().AreNullsDistinct(false).HasDatabaseName("unique_user_role_scope");
        ur.HasIndex(r => new { r.RoleId, r.Domain, r.Scope });
    }
}
