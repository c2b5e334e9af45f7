using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Users.Platform;

/// <summary>
/// The Deed-O and chat-app columns of auth.users. Defaults exist in the database for raw inserts; EF always sends
/// the property's value (ValueGeneratedNever), so an explicit 'inactive' or false is never replaced by the default.
/// </summary>
internal sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> user)
    {
        var model = user.Metadata.Model;
        EnumLabels.InDeclarationOrder<PlatformUserRole>(model, Schemas.Auth, "users_roles_enum");
        EnumLabels.InDeclarationOrder<PlatformUserStatus>(model, Schemas.Auth, "users_statuses_enum");
        EnumLabels.InDeclarationOrder<PlatformType>(model, Schemas.Auth, "platform_types_enum");
        EnumLabels.InDeclarationOrder<VerificationAction>(model, Schemas.Auth, "user_verification_actions_enum");
        user.Property(u => u.ContactNumberCountryCode).HasColumnType("varchar");
        user.Property(u => u.City).HasColumnType("varchar");
        user.Property(u => u.State).HasColumnType("varchar");
        user.Property(u => u.Country).HasColumnType("varchar");
        user.Property(u => u.Gender).HasColumnType("varchar");
        user.Property(u => u.PurposeCode).HasColumnType("varchar");
        user.Property(u => u.Nationality).HasColumnType("varchar");
        user.Property(u => u.Ethnicity).HasColumnType("varchar");
        user.Property(u => u.Qualification).HasColumnType("varchar");
        user.Property(u => u.Profession).HasColumnType("varchar");
        user.Property(u => u.Status).HasDefaultValue(PlatformUserStatus.NotVerified).ValueGeneratedNever();
        user.Property(u => u.RegistrationPlatform).HasDefaultValue(PlatformType.DeedO).ValueGeneratedNever();
        user.Property(u => u.PlatformRole).HasColumnName("role").HasDefaultValue(PlatformUserRole.User).ValueGeneratedNever();
        user.Property(u => u.IsOnline).HasDefaultValue(false).ValueGeneratedNever();
        user.Property(u => u.Username).HasMaxLength(50);
        user.HasIndex(u => u.Username).IsUnique().HasDatabaseName("users_username_unique");
        user.Property(u => u.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        user.Property(u => u.IsVerified).HasDefaultValue(false).ValueGeneratedNever();
        // the user admin filters by platform status and role
        user.HasIndex(u => new { u.Status, u.PlatformRole }).HasDatabaseName("idx_users_status_role");
    }
}
