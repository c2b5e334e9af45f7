using AdminPortal.Data.Identity;
using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Users.Platform;

/// <summary>Chat app profiles: display name, bio and avatar of a user.</summary>
public class Profile
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public string? DisplayName { get; set; }
    public string? Bio { get; set; }
    public string? AvatarUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> p)
    {
        p.ToTable("profiles", Schemas.Auth);
        p.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        p.Property(x => x.DisplayName).HasMaxLength(100);
        p.Property(x => x.Bio).HasMaxLength(500);
        p.Property(x => x.AvatarUrl).HasMaxLength(255);
        p.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        p.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        p.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
