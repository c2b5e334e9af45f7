using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Data.Identity;

/// <summary>The SST-Resolve columns of auth.users (applied beside <see cref="PortalUserConfiguration"/>).</summary>
internal sealed class PortalUserHelpdeskConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> user)
    {
        user.Property(u => u.ClerkId).HasMaxLength(255).HasComment("SST-Resolve users.clerk_id and Venta users.clerkId; NULL for non-Clerk users");
        user.HasIndex(u => u.ClerkId).IsUnique().HasDatabaseName("users_clerk_id_unique");
        // SST-Resolve users.phone varchar(30) is Identity's own phone_number: one phone column, not two.
        user.Property(u => u.PhoneNumber).HasMaxLength(30).HasComment("SST-Resolve users.phone; Identity PhoneNumber");
    }
}
