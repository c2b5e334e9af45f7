using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Chats;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> m)
    {
        m.ToTable("messages", Schemas.Chat, t => t.HasCheckConstraint("ck_messages_hidden",
            "(hidden_at IS NULL) = (hidden_reason IS NULL)"));
        m.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        m.Property(x => x.Attachments).AsJsonArray("jsonb").HasDefaultValueSql("'[]'::jsonb").ValueGeneratedNever();
        m.Property(x => x.ReadBy).HasDefaultValueSql("'{}'::integer[]");
        m.Property(x => x.Timestamp).HasDefaultValueSql("now()");
        m.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.SenderId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne<ChatGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.NoAction);
        m.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.HiddenBy).OnDelete(DeleteBehavior.SetNull);
        // keyset paging of one group, newest first; also serves the seed's idx_messages_group_id (its prefix)
        m.HasIndex(x => new { x.GroupId, x.Timestamp, x.Id }).IsDescending(false, true, true)
            .HasDatabaseName("idx_messages_group_keyset");
        m.HasIndex(x => x.SenderId).HasDatabaseName("idx_messages_sender_id");
        // No index on timestamp alone (the seed schema's idx_messages_timestamp): on the large data the planner walked
        // it backwards for a big, quiet group's newest page (8.8M rows filtered, 5 s) instead of the keyset index.
        // See docs/decisions/0005-no-global-messages-timestamp-index.md.
        m.HasIndex(x => x.HiddenAt).HasFilter("hidden_at IS NOT NULL").HasDatabaseName("idx_messages_hidden");
    }
}
