namespace AdminPortal.Features.Products;

/// <summary>One row of the queue.</summary>
public sealed record ProductRow(string Id, string Title, Cause Cause, int VendorId, string VendorName, double Mrp,
    double SellingPrice, PublishingStatus Status, DateTime SubmittedAt, string? Thumbnail, uint Version)
{
    /// <summary>Percent off the MRP, 0 when none.</summary>
    public double Discount => Mrp > 0 ? Math.Max(0, (Mrp - SellingPrice) / Mrp * 100) : 0;
}

public sealed record ProductPage(IReadOnlyList<ProductRow> Rows, CountEstimate Total);

/// <summary>A vendor for the filter's autocomplete.</summary>
public sealed record VendorOption(int Id, string Name, string? Email)
{
    public override string ToString() => Name;
}

/// <summary>Who last changed a product, how and when (from audit.audit_log).</summary>
public sealed record ProductChange(string ActorName, string Action, DateTime At, string? Reason)
{
    public string Describe() =>
        $"{ActorName} {ProductTransitions.PastTense(Action)} this product at {At:yyyy-MM-dd HH:mm} UTC" +
        (string.IsNullOrWhiteSpace(Reason) ? "." : $" (\"{Reason}\").");
}

public sealed record VendorSummary(int Id, string Name, string? Email, int Approved, int Rejected, int Waiting);

/// <summary>Everything the review page shows about one product.</summary>
public sealed record ProductDetails(string Id, string Title, string Description, Cause Cause, double Mrp,
    double SellingPrice, PublishingStatus Status, IReadOnlyList<string> Images, string ProductUrl, string? Remark,
    DateTime SubmittedAt, DateTime UpdatedAt, uint Version, VendorSummary Vendor, IReadOnlyList<ProductChange> History)
{
    public ProductEdits Edits => new(Title, Description, Cause, Mrp, SellingPrice);
}
