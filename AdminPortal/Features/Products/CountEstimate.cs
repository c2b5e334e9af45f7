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
