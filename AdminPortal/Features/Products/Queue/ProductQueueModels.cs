namespace AdminPortal.Features.Products.Queue;

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
