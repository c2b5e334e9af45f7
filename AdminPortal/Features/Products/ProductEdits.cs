using AdminPortal.Shared;

namespace AdminPortal.Features.Products;

/// <summary>The fields a moderator may correct before deciding.</summary>
public sealed record ProductEdits(string Title, string Description, Cause Cause, double Mrp, double SellingPrice)
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 5000;

    /// <summary>Above this a price is a typo (an extra zero or two), not a product.</summary>
    public const double MaxPrice = 10_000_000;

    // the text rules (TextRules): the columns are text, so the limits are the portal's own
    public static readonly TextRule TitleRule = TextRules.For<Product>(p => p.Title, nameof(Title), "The title", cap: TitleMaxLength, required: true);
    public static readonly TextRule DescriptionRule = TextRules.For<Product>(p => p.Description, nameof(Description), "The description",
        cap: DescriptionMaxLength, multiLine: true, required: true);

    public static ProductEdits From(Product p) => new(p.Title, p.Description, p.Cause, p.Mrp, p.SellingPrice);

    /// <summary>Field name -> message; empty when valid. The page shows each message on its field.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Title))
            errors[nameof(Title)] = "The title cannot be empty.";
        else if (TitleRule.Check(Title).Problem is { } title)
            errors[nameof(Title)] = title;
        if (string.IsNullOrWhiteSpace(Description))
            errors[nameof(Description)] = "The description cannot be empty.";
        else if (DescriptionRule.Check(Description).Problem is { } description)
            errors[nameof(Description)] = description;
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

    public ProductEdits Normalised() =>
        this with { Title = TextRules.Normalize(Title) ?? "", Description = TextRules.Normalize(Description) ?? "" };
}
