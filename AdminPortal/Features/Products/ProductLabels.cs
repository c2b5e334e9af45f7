using System.Globalization;

namespace AdminPortal.Features.Products;

/// <summary>How products' values read on screen.</summary>
public static class ProductLabels
{
    private static readonly CultureInfo India = CultureInfo.GetCultureInfo("en-IN");

    public static string Of(Cause cause) => cause switch
    {
        Cause.GriefCare => "Grief care",
        Cause.SustainableFashion => "Sustainable fashion",
        Cause.SustainableTourism => "Sustainable tourism",
        Cause.IntangibleCultureAndHeritage => "Culture and heritage",
        _ => "Food and agriculture",
    };

    public static string Of(PublishingStatus status) => status.ToString().ToLowerInvariant();

    public static string Money(double amount) => "₹" + amount.ToString("N0", India);

    public static string Discount(double mrp, double price) =>
        mrp > 0 && price <= mrp ? ((mrp - price) / mrp).ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "0%";

    /// <summary>"3 d 4 h", "5 h", "12 min": how long a suggestion has waited.</summary>
    public static string Waiting(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{(int)span.TotalDays} d {span.Hours} h",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours} h",
        _ => $"{Math.Max(0, (int)span.TotalMinutes)} min",
    };
}
