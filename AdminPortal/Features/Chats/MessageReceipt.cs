using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Chats;

/// <summary>Chat app delivered_to / read_by as rows: when one member received and read one message.</summary>
public class MessageReceipt
{
    public Guid MessageId { get; set; }
    public int UserId { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

internal sealed class MessageReceiptConfiguration : IEntityTypeConfiguration<MessageReceipt>
{
    public void Configure(EntityTypeBuilder<MessageReceipt> r)
    {
        r.ToTable("message_receipts", Schemas.Chat, t => t.HasCheckConstraint("ck_message_receipts_read_after_delivery",
            "read_at IS NULL OR (delivered_at IS NOT NULL AND read_at >= delivered_at)"));
        r.HasKey(x => new { x.MessageId, x.UserId });
        r.HasOne<Message>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => x.UserId);
    }
}
