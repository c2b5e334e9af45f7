using System.Globalization;

namespace AdminPortal.Features.Products;

public enum CountKind { Exact, AtLeast, About }

/// <summary>
/// A count shown to a person: exact when small, "10,000+" or "about 1.2M" when an exact count would read a large part
/// of a large table.
/// </summary>
public sealed record CountEstimate(long Value, CountKind Kind)
{
    /// <summary>Exact counts stop here (the count reads at most one more row than this).</summary>
    public const int ExactLimit = 10_000;

    /// <summary>A capped count's result: exact up to <see cref="ExactLimit"/>, "10,000+" past it.</summary>
    public static CountEstimate FromCapped(int capped) =>
        capped <= ExactLimit ? new CountEstimate(capped, CountKind.Exact) : new CountEstimate(ExactLimit, CountKind.AtLeast);

    /// <summary>
    /// The total a page already tells, so no count is read: a short page that is not past the end holds the view's last
    /// rows (an empty first page: the view is empty). Null when the page is full or past the end.
    /// </summary>
    public static CountEstimate? FromShortPage(int offset, int pageSize, int rows) =>
        rows < pageSize && (rows > 0 || offset == 0) ? new CountEstimate(offset + rows, CountKind.Exact) : null;

    public override string ToString() => Kind switch
    {
        CountKind.Exact => Value.ToString("N0", CultureInfo.InvariantCulture),
        CountKind.AtLeast => Value.ToString("N0", CultureInfo.InvariantCulture) + "+",
        _ => "about " + Compact(Value),
    };

    private static string Compact(long n) => n switch
    {
        >= 1_000_000 => (n / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (n / 1_000d).ToString("0.#", CultureInfo.InvariantCulture) + "K",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
