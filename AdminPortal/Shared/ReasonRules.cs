namespace AdminPortal.Shared;

/// <summary>
/// What a service accepts as a reason for an action: its length limits and the presets it offers. A service declares
/// its rules once (a public static field) and checks with them; the reason dialog takes the same object, so the page
/// can never allow what the service refuses.
/// </summary>
/// <param name="Missing">What to say when a required reason is missing (the default: "Give a reason.").</param>
public sealed record ReasonRules(int MinLength, int MaxLength, IReadOnlyList<string>? Presets = null, bool Required = true,
    string? Missing = null)
{
    public IReadOnlyList<string> PresetList => Presets ?? [];

    /// <summary>Why <paramref name="reason"/> is not acceptable, or null when it is.</summary>
    public string? Problem(string? reason)
    {
        var raw = reason?.Trim() ?? "";
        if (raw.Length == 0)
            return Required ? Missing ?? "Give a reason." : null;
        // the one text rule (TextRules): no NUL or other control character but line breaks, no broken character
        if (TextRules.CharacterProblem(raw, multiLine: true) is not null)
            return "The reason contains characters that cannot be stored.";
        var text = TextRules.Normalize(raw) ?? "";
        if (text.Length < MinLength)
            return $"Give a reason of at least {MinLength} characters.";
        if (text.Length > MaxLength)
            return $"Keep the reason under {MaxLength + 1} characters.";
        return null;
    }

    /// <summary>The presets picked (in the rules' order) and a reason of one's own, as one reason; null when none.</summary>
    public string? Combine(IEnumerable<string> picked, string? text)
    {
        var parts = PresetList.Where(picked.Contains).ToList();
        if (!string.IsNullOrWhiteSpace(text))
            parts.Add(text.Trim());
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>The reason as it is stored: NFC, trimmed, null when empty (<see cref="TextRules.Normalize"/>).</summary>
    public static string? Normalize(string? reason) => TextRules.Normalize(reason);
}
