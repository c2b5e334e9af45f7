using AdminPortal.Data.Identity;
using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Users.Platform;

/// <summary>Chat app refresh_tokens: a user's sessions; the user detail lists and revokes them.</summary>
public class RefreshToken
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public required string Token { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool Revoked { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> t)
    {
        t.ToTable("refresh_tokens", Schemas.Auth);
        t.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        t.Property(x => x.Token).HasMaxLength(255);
        t.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        t.Property(x => x.Revoked).HasDefaultValue(false).ValueGeneratedNever();
        t.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        t.HasIndex(x => new { x.UserId, x.ExpiresAt });
    }
}
