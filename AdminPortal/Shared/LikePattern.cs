namespace AdminPortal.Shared;

/// <summary>
/// The one rule for LIKE/ILIKE searches: the term's own \, % and _ escaped, and the escape character named in every
/// call (<c>EF.Functions.ILike(column, pattern, LikePattern.EscapeCharacter)</c>): Npgsql writes <c>ESCAPE ''</c> when
/// none is given, and then the escapes would match only literal backslashes.
/// </summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    /// <summary>"%term%", the term matched literally.</summary>
    public static string Contains(string term) => "%" + Escape(term) + "%";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
