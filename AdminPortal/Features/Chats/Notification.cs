using AdminPortal.Data.Identity;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Chats;

/// <summary>Chat app notifications: what a user was told about (a message, a friend request, the system).</summary>
public class Notification
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public required string Type { get; set; }
    public required JsonDocument Content { get; set; }

    /// <summary>Chat app related_to.type and related_to.id.</summary>
    public string? RelatedType { get; set; }

    public string? RelatedId { get; set; }
    public bool IsRead { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.ToTable("notifications", Schemas.Chat);
        n.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        n.Property(x => x.Type).HasMaxLength(50);
        n.Property(x => x.Content).HasColumnType("jsonb");
        n.Property(x => x.RelatedType).HasMaxLength(50);
        n.Property(x => x.RelatedId).HasMaxLength(64);
        n.Property(x => x.IsRead).HasDefaultValue(false).ValueGeneratedNever();
        n.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        n.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        n.HasIndex(x => new { x.UserId, x.CreatedAt }).IsDescending(false, true);
        n.HasIndex(x => x.UserId).HasFilter("NOT is_read").HasDatabaseName("idx_notifications_unread");
    }
}
