namespace AdminPortal.Features.Chats;

/// <summary>ILIKE patterns of the chat screens: what the user typed, matched literally (% and _ are not wildcards).</summary>
internal static class ChatLike
{
    /// <summary>"%term%", with the term's own \, % and _ escaped (escape character: \).</summary>
    public static string Contains(string term) => "%" + Escape(term) + "%";

    public static string Escape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
