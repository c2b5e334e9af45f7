using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Tickets.Model;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> c)
    {
        c.ToTable("comments", Schemas.Helpdesk);
        c.Property(x => x.IsInternal).HasDefaultValue(false)
            .HasComment("Portal: true = internal note for staff, false = reply the student sees");
        c.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        c.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
        c.HasIndex(x => new { x.TicketId, x.CreatedAt });
        c.HasIndex(x => x.AuthorId);
    }
}

internal sealed class ActivityLogConfiguration : IEntityTypeConfiguration<ActivityLog>
{
    public void Configure(EntityTypeBuilder<ActivityLog> a)
    {
        a.ToTable("activity_logs", Schemas.Helpdesk);
        a.Property(x => x.Action).HasMaxLength(64);
        a.Property(x => x.Details).HasColumnType("jsonb");
        a.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        a.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne(x => x.Actor).WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.SetNull);
        a.HasIndex(x => new { x.TicketId, x.CreatedAt });
        a.HasIndex(x => x.ActorId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> o)
    {
        o.ToTable("outbox", Schemas.Helpdesk);
        o.Property(x => x.EventType).HasMaxLength(100);
        o.Property(x => x.Payload).HasColumnType("jsonb");
        o.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        o.Property(x => x.Attempts).HasDefaultValue(0);
        // The dispatcher reads only pending rows, oldest first.
        o.HasIndex(x => x.CreatedAt, "idx_outbox_unprocessed").HasDatabaseName("idx_outbox_unprocessed").HasFilter("processed_at IS NULL");
    }
}

internal sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> n)
    {
        // One table for SST-Resolve notification_settings and the chat app's notification_preferences (seeds README).
        n.ToTable("notification_settings", Schemas.Auth);
        n.Property(x => x.EmailEnabled).HasDefaultValue(true).HasSentinel(true);
        n.Property(x => x.SlackEnabled).HasDefaultValue(true).HasSentinel(true);
        n.Property(x => x.InAppEnabled).HasDefaultValue(true).HasSentinel(true);
        n.Property(x => x.PushEnabled).HasDefaultValue(true).HasSentinel(true);
        n.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        n.Property(x => x.Preferences).HasColumnType("jsonb");
        n.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        n.HasIndex(x => x.UserId).IsUnique();
    }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> v)
    {
        v.ToTable("saved_views", Schemas.Helpdesk);
        v.Property(x => x.Name).HasMaxLength(120);
        v.Property(x => x.Query).HasMaxLength(2000);
        v.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        v.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        v.HasIndex(x => new { x.OwnerId, x.Name }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class PortalNotificationConfiguration : IEntityTypeConfiguration<PortalNotification>
{
    public void Configure(EntityTypeBuilder<PortalNotification> n)
    {
        n.ToTable("portal_notifications", Schemas.Helpdesk);
        n.Property(x => x.Kind).HasMaxLength(64);
        n.Property(x => x.Title).HasMaxLength(255);
        n.Property(x => x.Link).HasMaxLength(512);
        n.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        n.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        n.HasIndex(x => new { x.UserId, x.ReadAt });
        n.HasIndex(x => new { x.UserId, x.CreatedAt, x.Id });   // the centre's keyset, newest first (issue 18)
    }
}
