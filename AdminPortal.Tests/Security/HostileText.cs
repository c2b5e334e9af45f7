using FsCheck;
using FsCheck.Fluent;

namespace AdminPortal.Tests.Security;

/// <summary>
/// Hostile text for the property-based input tests: a fixed catalogue (every kind the issue names, so each run covers
/// all of them) and FsCheck generators that mix its pieces with ordinary text, repeat them past a column's length and
/// put them where trimming does not reach.
/// </summary>
internal static class HostileText
{
    public static readonly IReadOnlyList<string> Catalogue =
    [
        "",
        " ",
        "\t\r\n",
        new string('a', 10_000),
        string.Concat(Enumerable.Repeat("Ünïcödé 😀 ", 1_000)),
        "\0",
        "name\0with NUL",
        "bell\a",
        "escape\u001b[31mred",
        "back\bspace",
        "delete\u007f",
        "c1 \u0085 \u009b control",
        "form\ffeed",
        "vertical\vtab",
        "two\nlines",
        "windows\r\nlines",
        "x\ud800",                 // a lone high surrogate
        "\udc00y",                 // a lone low surrogate
        "\uFFFE\uFFFF",
        "Asha \u202Enimda\u202C",  // right-to-left override
        "\u2067Admin\u2069 isolate",
        "zero\u200Bwidth \uFEFFbom",
        "😀",
        "👩‍👩‍👧‍👦 family",
        "e\u0301 decomposed",
        "'; DROP TABLE helpdesk.tickets; --",
        "' OR '1'='1",
        "Robert'); DELETE FROM auth.users; --",
        "%_\\ like wildcards",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(document.cookie)",
        "\"><svg onload=alert(1)>",
        "{{7*7}} ${7*7} @(7*7)",
        "a@b.co",
        "+91 98765 43210",
        "+1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7",
        "Reasonable text, as a person would type it.",
    ];

    /// <summary>One piece: from the catalogue, or ordinary text (so valid values turn up too).</summary>
    private static Gen<string> Piece() =>
        Gen.OneOf(
            Gen.Elements(Catalogue.Where(c => c.Length < 100).ToArray()),
            Gen.Elements("Leaking tap", "Room 214", "moderator", "reason enough", "x", "Ünïcödé", "😀", "  "),
            Gen.Elements(Enumerable.Range(0, 0x20).Select(c => ((char)c).ToString())
                .Concat(["\u202E", "\u2066", "\u200F", "\ud800", "\udfff", "\0"]).ToArray()));

    /// <summary>Two to five pieces in a row, sometimes repeated past 300 characters.</summary>
    public static Gen<string> Mixtures() =>
        from count in Gen.Choose(1, 5)
        from pieces in Gen.ListOf(Piece(), count)
        from repeat in Gen.Frequency((4, Gen.Constant(1)), (1, Gen.Choose(20, 400)))
        select string.Concat(Enumerable.Repeat(string.Concat(pieces), repeat));

    /// <summary>The value as a failure message shows it: escaped, and cut.</summary>
    public static string Show(string value)
    {
        var escaped = string.Concat(value.Take(60).Select(c => char.IsControl(c) || char.IsSurrogate(c) || c is >= '\u2000' and <= '\u206F' or '\uFEFF'
            ? $"\\u{(int)c:X4}" : c.ToString()));
        return $"\"{escaped}{(value.Length > 60 ? "…" : "")}\" ({value.Length} chars)";
    }
}
