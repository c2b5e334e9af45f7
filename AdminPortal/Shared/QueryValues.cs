using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace AdminPortal.Shared;

/// <summary>
/// The one way to read and write URL state. Every number is clamped or refused, every enum must be a defined name
/// (never a number: "?status=9651" is not a status), every date is yyyy-MM-dd, text is trimmed and bounded. Nothing read
/// here throws: a bad value falls back to the default.
/// </summary>
public static class QueryValues
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Longest text kept from a URL value (search boxes, names).</summary>
    public const int MaxTextLength = 200;

    /// <summary>A number held to [min, max]; the fallback when unreadable.</summary>
    public static int Int(string? text, int fallback, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? Math.Clamp(v, min, max) : fallback;

    /// <summary>A number in [min, max], or null when missing, unreadable or out of range.</summary>
    public static int? OptionalInt(string? text, int min = 1, int max = int.MaxValue) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : null;

    /// <summary>A finite, non-negative decimal number up to <paramref name="max"/>, or null.</summary>
    public static double? Amount(string? text, double max = 1e12) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0 && v <= max
            ? v : null;

    /// <summary>One of the allowed values (page sizes), or the fallback.</summary>
    public static int OneOf(string? text, IReadOnlyCollection<int> allowed, int fallback) =>
        OptionalInt(text, int.MinValue) is { } v && allowed.Contains(v) ? v : fallback;

    /// <summary>A defined member of <typeparamref name="T"/> by name (any case), never by number; else null.</summary>
    public static T? Enum<T>(string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
            return null;
        var name = text.Trim().Replace("-", "").Replace("_", "");
        if (name.Length == 0 || char.IsDigit(name[0]) || name[0] is '-' or '+' || name.Contains(','))
            return null;   // a comma would OR two names into a third ("published,rejected" is Rejected's number)
        return System.Enum.TryParse<T>(name, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;
    }

    public static T Enum<T>(string? text, T fallback) where T : struct, Enum => Enum<T>(text) ?? fallback;

    /// <summary>A yyyy-MM-dd date, or null.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>"true"/"1"/"on" are true; anything else false.</summary>
    public static bool Flag(string? text) => text?.Trim().ToLowerInvariant() is "true" or "1" or "on" or "yes";

    /// <summary>Trimmed text without control characters, at most <paramref name="maxLength"/> long; null when empty.</summary>
    public static string? Text(string? text, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var clean = TextRules.Searchable(text) ?? "";
        if (clean.Length > maxLength)
            clean = (TextRules.Searchable(clean[..maxLength]) ?? "").TrimEnd();   // a cut emoji is dropped, not halved
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>A 1-based page, held to [1, lastPage].</summary>
    public static int Page(string? text, int lastPage) => Int(text, 1, 1, Math.Max(1, lastPage));

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>An enum member as it is written in URLs: its name in lower case.</summary>
    public static string Format<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The query string ("?a=1&amp;b=x", or "" when empty) of the pairs whose value is not null.</summary>
    public static string Build(params IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        var values = pairs.Where(p => !string.IsNullOrEmpty(p.Value)).ToList();
        return values.Count == 0 ? "" : QueryHelpers.AddQueryString("", values);
    }

    /// <summary>Reads a query string ("?a=1") into a lookup of first values (case-insensitive keys).</summary>
    public static IReadOnlyDictionary<string, string?> Parse(string? queryString) =>
        QueryHelpers.ParseQuery(queryString).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.FirstOrDefault(),
            StringComparer.OrdinalIgnoreCase);
}
