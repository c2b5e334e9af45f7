using System.Text.RegularExpressions;
using AdminPortal.Security;

namespace AdminPortal.Features.Chats;

/// <summary>A piece of message text: plain text, a link (http/https only) or a search match.</summary>
public sealed record TextSegment(string Text, string? Href = null, bool Match = false);

/// <summary>
/// Splits message text into segments the components render as text nodes and &lt;a&gt; elements. Nothing here
/// produces HTML: Blazor escapes every segment, so a message holding &lt;script&gt; shows as those characters.
/// </summary>
public static partial class MessageText
{
    [GeneratedRegex(@"\bhttps?://[^\s<>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    public static IReadOnlyList<TextSegment> Links(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var segments = new List<TextSegment>();
        var at = 0;
        foreach (Match m in UrlPattern().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')');
            if (SafeLinks.Href(url) is not { } href)
                continue;
            if (m.Index > at)
                segments.Add(new TextSegment(text[at..m.Index]));
            segments.Add(new TextSegment(url, href));
            at = m.Index + url.Length;
        }
        if (at < text.Length)
            segments.Add(new TextSegment(text[at..]));
        return segments;
    }

    /// <summary>Splits around every case-insensitive occurrence of <paramref name="term"/>.</summary>
    public static IReadOnlyList<TextSegment> Highlight(string? text, string? term)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        if (string.IsNullOrWhiteSpace(term))
            return [new TextSegment(text)];
        term = term.Trim();
        var segments = new List<TextSegment>();
        var at = 0;
        while (at < text.Length)
        {
            var i = text.IndexOf(term, at, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
                break;
            if (i > at)
                segments.Add(new TextSegment(text[at..i]));
            segments.Add(new TextSegment(text.Substring(i, term.Length), Match: true));
            at = i + term.Length;
        }
        if (at < text.Length)
            segments.Add(new TextSegment(text[at..]));
        return segments;
    }

    public static string Initials(string name)
    {
        var parts = name.Split([' ', '.', '@', '_', '-'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => "?",
            1 => parts[0][..Math.Min(2, parts[0].Length)].ToUpperInvariant(),
            _ => $"{char.ToUpperInvariant(parts[0][0])}{char.ToUpperInvariant(parts[1][0])}",
        };
    }

    public static string Size(long? bytes) => bytes switch
    {
        null => "",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };
}
