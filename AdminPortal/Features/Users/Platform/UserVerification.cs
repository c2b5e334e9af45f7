using AdminPortal.Data.Identity;
using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Users.Platform;

/// <summary>Deed-O user_verifications: an OTP sent for a login or a registration.</summary>
public class UserVerification
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public required string OtpCode { get; set; }
    public required string VerificationSource { get; set; }
    public PlatformType ActionPlatform { get; set; }
    public VerificationAction Action { get; set; }
    public bool Verified { get; set; }
    public DateTime ExpireAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class UserVerificationConfiguration : IEntityTypeConfiguration<UserVerification>
{
    public void Configure(EntityTypeBuilder<UserVerification> v)
    {
        v.ToTable("user_verifications", Schemas.Auth);
        v.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        v.Property(x => x.OtpCode).HasColumnType("varchar");
        v.Property(x => x.VerificationSource).HasColumnType("varchar");
        v.Property(x => x.Verified).HasDefaultValue(false).ValueGeneratedNever();
        v.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        v.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        v.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // Deed-O's existing composite index
        v.HasIndex(x => new { x.Id, x.UserId, x.OtpCode }).HasDatabaseName("user_verifications_id_user_id_otp_code_index");
        v.HasIndex(x => x.UserId);
    }
}
