using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Chats;

/// <summary>Chat app notification_preferences: one row per user, channels as columns, per-type switches as JSON.</summary>
public class NotificationPreference
{
    public int UserId { get; set; }
    public bool InApp { get; set; } = true;
    public bool Email { get; set; } = true;
    public bool Push { get; set; } = true;

    /// <summary>Chat app types: {"message": true, "friend_request": false, "system": true, ...}.</summary>
    public required JsonDocument Types { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> p)
    {
        p.ToTable("notification_preferences", Schemas.Chat);
        p.HasKey(x => x.UserId);
        p.Property(x => x.InApp).HasDefaultValue(true).ValueGeneratedNever();
        p.Property(x => x.Email).HasDefaultValue(true).ValueGeneratedNever();
        p.Property(x => x.Push).HasDefaultValue(true).ValueGeneratedNever();
        p.Property(x => x.Types).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        p.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        p.HasOne<PortalUser>().WithOne().HasForeignKey<NotificationPreference>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
