namespace AdminPortal.Features.Products;

/// <summary>The fields a moderator may correct before deciding.</summary>
public sealed record ProductEdits(string Title, string Description, Cause Cause, double Mrp, double SellingPrice)
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 5000;

    /// <summary>Above this a price is a typo (an extra zero or two), not a product.</summary>
    public const double MaxPrice = 10_000_000;

    public static ProductEdits From(Product p) => new(p.Title, p.Description, p.Cause, p.Mrp, p.SellingPrice);

    /// <summary>Field name -> message; empty when valid. The page shows each message on its field.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Title))
            errors[nameof(Title)] = "The title cannot be empty.";
        else if (Title.Trim().Length > TitleMaxLength)
            errors[nameof(Title)] = $"The title is longer than {TitleMaxLength} characters.";
        if (string.IsNullOrWhiteSpace(Description))
            errors[nameof(Description)] = "The description cannot be empty.";
        else if (Description.Length > DescriptionMaxLength)
            errors[nameof(Description)] = $"The description is longer than {DescriptionMaxLength} characters.";
        if (!Enum.IsDefined(Cause))
            errors[nameof(Cause)] = "Pick a cause.";
        if (PriceProblem(Mrp) is { } mrp)
            errors[nameof(Mrp)] = "MRP " + mrp;
        if (PriceProblem(SellingPrice) is { } sp)
            errors[nameof(SellingPrice)] = "The selling price " + sp;
        else if (!errors.ContainsKey(nameof(Mrp)) && SellingPrice > Mrp)
            errors[nameof(SellingPrice)] = $"The selling price cannot be above the MRP ({Mrp:N0}).";
        return errors;
    }

    private static string? PriceProblem(double price) =>
        double.IsNaN(price) || double.IsInfinity(price) ? "is not a number."
        : price <= 0 ? "must be above zero."
        : price > MaxPrice ? $"cannot be above {MaxPrice:N0}."
        : null;

    public ProductEdits Normalised() => this with { Title = Title.Trim(), Description = Description.Trim() };
}
