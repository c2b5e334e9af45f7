using System.Text.Json;

namespace AdminPortal.Features.Audit.Log;

/// <summary>One field of a record's before/after: its value before and after (null: absent), and whether it changed.</summary>
public sealed record AuditField(string Name, string? Before, string? After)
{
    public bool Changed => Before != After;
}

/// <summary>
/// Reads a record's before and after (JSON objects, as <see cref="Security.Audit.AuditTrail"/> writes them) as a list
/// of fields, in the order they first appear, each with its value before and after: what a person reads as a diff.
/// Values that are not text are shown as compact JSON; anything that is not an object is one field named "value".
/// </summary>
public static class AuditDiff
{
    public const int MaxValueLength = 500;

    public static IReadOnlyList<AuditField> Of(string? before, string? after)
    {
        var b = Fields(before);
        var a = Fields(after);
        var names = b.Keys.Concat(a.Keys).Distinct(StringComparer.Ordinal);
        return [.. names.Select(n => new AuditField(n, b.GetValueOrDefault(n), a.GetValueOrDefault(n)))];
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
            return fields;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                fields["value"] = Text(doc.RootElement);
            else
                foreach (var p in doc.RootElement.EnumerateObject())
                    fields[p.Name] = Text(p.Value);
        }
        catch (JsonException)
        {
            fields["value"] = Bound(json);
        }
        return fields;
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => Bound(e.GetString() ?? ""),
        _ => Bound(e.GetRawText()),
    };

    private static string Bound(string s) => s.Length <= MaxValueLength ? s : s[..MaxValueLength] + "…";
}
