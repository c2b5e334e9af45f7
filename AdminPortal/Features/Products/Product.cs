namespace AdminPortal.Features.Products;

/// <summary>Deed-O products: a vendor's product, moderated through <see cref="PublishingStatus"/>.</summary>
public class Product
{
    /// <summary>"IM_" followed by a generated suffix (<see cref="ProductIds"/>); Deed-O makes it in code too.</summary>
    public required string Id { get; set; }
    public Cause Cause { get; set; }
    public double Mrp { get; set; }
    public double SellingPrice { get; set; }
    public int VendorId { get; set; }

    /// <summary>Deed-O images json: image URLs, first is the cover.</summary>
    public List<string> Images { get; set; } = [];
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string ProductUrl { get; set; }
    public PublishingStatus PublishingStatus { get; set; } = PublishingStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Deed-O remark: the moderator's note (a rejection reason, for example).</summary>
    public string? Remark { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }
}
