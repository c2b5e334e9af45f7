namespace AdminPortal.Features.Products;

/// <summary>Who last changed a product, how and when (from audit.audit_log).</summary>
public sealed record ProductChange(string ActorName, string Action, DateTime At, string? Reason)
{
    public DateTimeOffset AtUtc => new(DateTime.SpecifyKind(At, DateTimeKind.Utc));

    /// <summary>"Asha approved this product." (when is shown beside it, in the viewer's zone: <see cref="AtUtc"/>).</summary>
    public string Describe() =>
        $"{ActorName} {ProductTransitions.PastTense(Action)} this product" +
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
