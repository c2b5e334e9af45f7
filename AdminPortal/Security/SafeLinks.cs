namespace AdminPortal.Security;

/// <summary>
/// The one rule for every <c>href</c> and <c>src</c> whose value comes from data (vendors' product links and images,
/// message links, chat and ticket attachments, notification links): an absolute http(s) address of another site, or a
/// file under the portal's own media path (<see cref="MediaRoot"/>). Anything else (javascript:, data:, any other
/// same-site path such as an export, protocol-relative <c>//host</c>, backslashes, control characters, user names in
/// the address) is null, and the caller shows the text without a link. A test scans every .razor file for
/// <c>href="@</c>/<c>src="@</c> values that do not come from here (AdminPortal.Tests/Security/SafeLinksTests.cs).
/// </summary>
public static class SafeLinks
{
    /// <summary>Where the portal's own media are served (PortalPipeline, PrivateMedia).</summary>
    public const string MediaRoot = "/assets/";

    private const int MaxLength = 2048;

    /// <summary>The address to render, or null when it must not become a link or an image source.</summary>
    public static string? Href(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || !PlainCharacters(url))
            return null;
        if (url.StartsWith(MediaRoot, StringComparison.Ordinal))
            return IsMediaPath(url) ? url : null;
        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return null;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
               && uri.Host.Length > 0 && uri.UserInfo.Length == 0
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>Whether <paramref name="url"/> is one of the portal's own media files (the same rule as <see cref="Href"/>).</summary>
    public static bool IsMedia(string? url) => url is not null && url.StartsWith(MediaRoot, StringComparison.Ordinal) && Href(url) is not null;

    /// <summary>
    /// A page of the portal to navigate to (notification links): a path on this site ("/tickets/5"), never another
    /// site, a scheme, "//host" or a backslash. Null otherwise.
    /// </summary>
    public static string? PortalPage(string? link)
    {
        if (string.IsNullOrEmpty(link) || link.Length > MaxLength || !PlainCharacters(link) || link[0] != '/')
            return null;
        if (link.Length > 1 && link[1] is '/' or '\\')
            return null;
        var path = link.Split('?', '#')[0];
        var decoded = Uri.UnescapeDataString(path);
        return decoded.Contains("..", StringComparison.Ordinal) || decoded.Contains("//", StringComparison.Ordinal) || !PlainCharacters(decoded)
            ? null
            : link;
    }

    /// <summary>No control characters, no whitespace, no backslash (browsers read "\" as "/" in http addresses).</summary>
    private static bool PlainCharacters(string value)
    {
        foreach (var c in value)
        {
            if (c <= ' ' || c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\u200E' or '\u200F' or '\uFEFF'
                || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return false;
        }
        return true;
    }

    /// <summary>/assets/ then segments of letters, digits and - _ . ~ (and %XX for anything else but dots, slashes and
    /// control characters); no empty, "." or ".." segment, no query, no fragment.</summary>
    private static bool IsMediaPath(string url)
    {
        var rest = url[MediaRoot.Length..];
        if (rest.Length == 0)
            return false;
        foreach (var segment in rest.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
                return false;
            for (var i = 0; i < segment.Length; i++)
            {
                var c = segment[i];
                if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                    continue;
                if (c != '%' || i + 2 >= segment.Length || !char.IsAsciiHexDigit(segment[i + 1]) || !char.IsAsciiHexDigit(segment[i + 2]))
                    return false;
                var b = Convert.ToByte(segment.Substring(i + 1, 2), 16);
                if (b < 0x20 || b == 0x7F || b is (byte)'.' or (byte)'/' or (byte)'\\' or (byte)'%')
                    return false;
                i += 2;
            }
        }
        return true;
    }
}
