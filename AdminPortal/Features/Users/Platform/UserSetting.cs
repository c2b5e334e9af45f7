using AdminPortal.Data.Identity;
using System.Text.Json;
using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Users.Platform;

/// <summary>Chat app settings: one JSON value per user and key.</summary>
public class UserSetting
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public required string Key { get; set; }
    public required JsonDocument Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class UserSettingConfiguration : IEntityTypeConfiguration<UserSetting>
{
    public void Configure(EntityTypeBuilder<UserSetting> s)
    {
        s.ToTable("settings", Schemas.Auth);
        s.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        s.Property(x => x.Key).HasMaxLength(50);
        s.Property(x => x.Value).HasColumnType("jsonb");
        s.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        s.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => new { x.UserId, x.Key }).IsUnique().HasDatabaseName("settings_user_id_key_unique");
    }
}
