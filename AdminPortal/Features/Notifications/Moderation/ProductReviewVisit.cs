using AdminPortal.Data;
using AdminPortal.Data.Identity;
using AdminPortal.Features.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdminPortal.Features.Notifications.Moderation;

/// <summary>
/// Portal: a moderator opened a product's review page (catalog.product_review_visits), so they hear when someone
/// else decides it. One row per product and moderator; the dispatcher removes a product's rows once it has told them.
/// </summary>
public class ProductReviewVisit
{
    public required string ProductId { get; set; }
    public int UserId { get; set; }
    public PortalUser? User { get; set; }
    public DateTime OpenedAt { get; set; }
}

internal sealed class ProductReviewVisitConfiguration : IEntityTypeConfiguration<ProductReviewVisit>
{
    public void Configure(EntityTypeBuilder<ProductReviewVisit> v)
    {
        v.ToTable("product_review_visits", Schemas.Catalog);
        v.HasKey(x => new { x.ProductId, x.UserId });
        v.Property(x => x.ProductId).HasColumnType("varchar");
        v.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
        v.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        v.HasIndex(x => x.UserId);
    }
}
