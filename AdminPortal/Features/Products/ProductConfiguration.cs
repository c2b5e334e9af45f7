using AdminPortal.Data.Identity;
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
        // a vendor's products in queue order: the vendor filter, and the vendor sort's inner side
        p.HasIndex(x => new { x.VendorId, x.PublishingStatus, x.CreatedAt, x.Id }).HasDatabaseName("idx_products_vendor_id");
        p.HasIndex(x => x.Cause).HasDatabaseName("idx_products_cause");
        p.HasIndex(x => x.PublishingStatus).HasDatabaseName("idx_products_publishing_status");
        p.HasIndex(x => x.CreatedAt).HasDatabaseName("idx_products_created_at");
        // the moderation queue: one status, oldest first, keyset on (created_at, id)
        p.HasIndex(x => new { x.PublishingStatus, x.CreatedAt, x.Id }).HasDatabaseName("idx_products_queue");
        // one per filter or sort the queue offers with a status tab: the page's ids and the capped count come from the
        // index alone (index-only scans), at any depth the pager allows
        p.HasIndex(x => new { x.PublishingStatus, x.Cause, x.CreatedAt, x.Id }).HasDatabaseName("idx_products_queue_cause");
        p.HasIndex(x => new { x.PublishingStatus, x.SellingPrice, x.CreatedAt, x.Id }).HasDatabaseName("idx_products_queue_price");
        p.HasIndex(x => new { x.PublishingStatus, x.Title, x.CreatedAt, x.Id }).HasDatabaseName("idx_products_queue_title");
        // title search (ILIKE '%...%')
        p.HasIndex(x => x.Title).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("idx_products_title_trgm");
        // the suggestion tab's search: a tenth of the table, so the bitmap rechecks a tenth of the candidates
        p.HasIndex(x => x.Title, "idx_products_suggestion_title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops")
            .HasFilter("publishing_status = 'suggestion'").HasDatabaseName("idx_products_suggestion_title_trgm");
        p.HasIndex(x => x.Description, "idx_products_suggestion_description_trgm").HasMethod("gin").HasOperators("gin_trgm_ops")
            .HasFilter("publishing_status = 'suggestion'").HasDatabaseName("idx_products_suggestion_description_trgm");
    }
}
