using AdminPortal.Data.Identity;
using AdminPortal.Data;
using AdminPortal.Features.Products;
using AdminPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Chats;

internal sealed class ChatGroupConfiguration : IEntityTypeConfiguration<ChatGroup>
{
    public void Configure(EntityTypeBuilder<ChatGroup> g)
    {
        EnumLabels.InDeclarationOrder<ConversationType>(g.Metadata.Model, Schemas.Chat, "conversation_types_enum");
        g.ToTable("groups", Schemas.Chat);
        g.Property(x => x.Id).HasDefaultValueSql("gen_random_uuid()");
        g.Property(x => x.Type).HasDefaultValue(ConversationType.Group).ValueGeneratedNever();
        g.Property(x => x.ProductId).HasColumnType("varchar");
        g.Property(x => x.Members).HasDefaultValueSql("'{}'::integer[]");
        g.Property(x => x.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        g.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        g.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        g.Property(x => x.Version).IsRowVersion();
        g.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.NoAction);
        // a deleted last message leaves the group without one (Deed-O gives no rule; NO ACTION would block deletes)
        g.HasOne<Message>().WithMany().HasForeignKey(x => x.LastMessageId).OnDelete(DeleteBehavior.SetNull);
        g.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.SetNull);
        g.HasIndex(x => x.ProductId).HasDatabaseName("idx_groups_product_id");
        g.HasIndex(x => x.Members).HasMethod("gin").HasDatabaseName("idx_groups_members");
        g.HasIndex(x => x.LastMessageAt).IsDescending().HasDatabaseName("idx_groups_last_message_at");
        // the list's name search (ILIKE '%text%'); its activity order is Data/SqlMigrations/ChatGroupsActivityOrder.cs
        g.HasIndex(x => x.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("idx_groups_name_trgm");
    }
}
