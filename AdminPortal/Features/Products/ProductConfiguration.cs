using AdminPortal.Data;
using AdminPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Products;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> p)
    {
        EnumLabels.InDeclarationOrder<Cause>(p.Metadata.Model, Schemas.Catalog, "causes_enum");
        EnumLabels.InDeclarationOrder<PublishingStatus>(p.Metadata.Model, Schemas.Catalog, "publishing_status_enum");
        p.ToTable("products", Schemas.Catalog, t => t.HasCheckConstraint("ck_products_id_prefix", "id LIKE 'IM\\_%'"));
        p.Property(x => x.Id).HasColumnType("varchar");
        p.Property(x => x.Images).AsJsonArray("json");
        p.Property(x => x.PublishingStatus).HasDefaultValue(PublishingStatus.Draft).ValueGeneratedNever();
        p.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        p.Property(x => x.UpdatedAt).HasDefaultValueSql("now()");
        p.Property(x => x.Version).IsRowVersion();
        p.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.NoAction);
        // the seed's recommended indexes
        p.HasIndex(x => x.VendorId).HasDatabaseName("idx_products_vendor_id");
        p.HasIndex(x => x.Cause).HasDatabaseName("idx_products_cause");
        p.HasIndex(x => x.PublishingStatus).HasDatabaseName("idx_products_publishing_status");
        p.HasIndex(x => x.CreatedAt).HasDatabaseName("idx_products_created_at");
        // the moderation queue: one status, oldest first, keyset on (created_at, id)
        p.HasIndex(x => new { x.PublishingStatus, x.CreatedAt, x.Id }).HasDatabaseName("idx_products_queue");
        // title search (ILIKE '%...%')
        p.HasIndex(x => x.Title).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("idx_products_title_trgm");
    }
}
