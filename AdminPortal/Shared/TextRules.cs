using System.Linq.Expressions;
using System.Text;
using AdminPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AdminPortal.Shared;

/// <summary>
/// The one rule for text a person types and the portal stores (issue 20, item 6): Unicode normalised (NFC) and
/// trimmed; NUL and every other control character refused (line breaks and tabs only in a multi-line field); a lone
/// surrogate (not text: PostgreSQL refuses it) refused; the length checked against the column it goes to. A service
/// declares one rule per field (a public static field, as with <see cref="ReasonRules"/>) and checks with it before it
/// opens a transaction; the page takes the same rule's <see cref="MaxLength"/>, so the page can never allow what the
/// service refuses. A refusal is <see cref="Outcome.Refused"/> naming the field, and nothing is stored.
/// </summary>
/// <param name="Field">The field a refusal names (the form's key for its message).</param>
/// <param name="Label">How the message names the field ("The title").</param>
/// <param name="MaxLength">The most characters stored (UTF-16 units: never more than the column's characters).</param>
public sealed record TextRule(string Field, string Label, int MaxLength, bool MultiLine = false, bool Required = false)
{
    /// <summary>The value as it is stored (normalised, trimmed, null when empty), or why it cannot be.</summary>
    public TextResult Check(string? value)
    {
        if (value is null || value.Length == 0)
            return Required ? new(null, $"{Label} cannot be empty.") : new(null, null);
        // checked trimmed (a pasted line break at the end is not a second line), before normalising (a lone
        // surrogate cannot be normalised)
        if (TextRules.CharacterProblem(value.Trim(), MultiLine) is { } problem)
            return new(null, $"{Label} {problem}");
        var text = TextRules.Normalize(value);
        if (text is null)
            return Required ? new(null, $"{Label} cannot be empty.") : new(null, null);
        if (text.Length > MaxLength)
            return new(null, $"{Label} is longer than {MaxLength} characters.");
        return new(text, null);
    }

    /// <summary>The refusal for <paramref name="value"/>, or null when it may be stored.</summary>
    public Outcome? Refusal(string? value) => Check(value).Problem is { } problem ? Outcome.Refused(problem, Field) : null;
}

/// <summary>A checked value: <see cref="Value"/> to store, or <see cref="Problem"/> to show on the field.</summary>
public readonly record struct TextResult(string? Value, string? Problem)
{
    public bool Ok => Problem is null;
}

public static class TextRules
{
    /// <summary>A rule whose limit is the column's own (the EF model's max length), capped at <paramref name="cap"/>
    /// (which an unbounded <c>text</c> column needs).</summary>
    public static TextRule For<TEntity>(Expression<Func<TEntity, string?>> column, string field, string label,
        int? cap = null, bool multiLine = false, bool required = false)
    {
        var max = ColumnLength(column) ?? cap
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{Name(column)} has no max length: give the rule a cap.");
        return new TextRule(field, label, cap is { } c ? Math.Min(c, max) : max, multiLine, required);
    }

    /// <summary>NFC, trimmed; null when nothing is left. (Text with a broken character is only trimmed: the rules refuse it.)</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        if (!HasBrokenCharacter(text))
        {
            try
            {
                if (!text.IsNormalized(NormalizationForm.FormC))
                    text = text.Normalize(NormalizationForm.FormC).Trim();
            }
            catch (ArgumentException)
            {
                // a noncharacter (U+FFFE, U+FFFF) cannot be normalised: the rules refuse it, so it is never stored
            }
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// Text that is only searched with, never stored (a search box, an autocomplete): control characters and broken
    /// characters dropped (PostgreSQL refuses NUL, and the driver a lone surrogate), NFC, trimmed; null when empty.
    /// </summary>
    public static string? Searchable(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                kept.Append(c).Append(value[++i]);
            else if (!char.IsSurrogate(c) && !char.IsControl(c) && c is not ('\uFFFE' or '\uFFFF'))
                kept.Append(c);
        }
        return Normalize(kept.ToString());
    }

    private static bool HasBrokenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }

    /// <summary>What is wrong with the characters of <paramref name="value"/> (to follow "The title"), or null.</summary>
    public static string? CharacterProblem(string value, bool multiLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return "contains a broken character (half of an emoji or symbol).";
            if (c is '\n' or '\r' or '\t')
            {
                if (!multiLine)
                    return "must be on one line.";
                continue;
            }
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
                return c == '\0' ? "contains a NUL character, which cannot be stored."
                    : $"contains an invisible control character (U+{(int)c:X4}), which cannot be stored.";
        }
        return null;
    }

    /// <summary>
    /// The text as it may be shown where a disguised name misleads (a name, a title): the right-to-left and
    /// left-to-right overrides, embeddings and isolates (U+202A to U+202E, U+2066 to U+2069) and the direction marks
    /// (U+200E, U+200F, U+061C), which make "Admin\u202Enimda" read as "Adminadmin", each shown as a visible mark such
    /// as [RLO]. Other text is returned as it is (Razor encodes it).
    /// </summary>
    public static string Visible(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.All(c => DirectionMark(c) is null))
            return value ?? "";
        var shown = new StringBuilder(value.Length + 8);
        foreach (var c in value)
            shown.Append(DirectionMark(c) is { } mark ? $"[{mark}]" : c.ToString());
        return shown.ToString();
    }

    /// <summary>Whether <paramref name="value"/> holds a character <see cref="Visible"/> would show.</summary>
    public static bool HasDirectionControls(string? value) => value?.Any(c => DirectionMark(c) is not null) == true;

    private static string? DirectionMark(char c) => c switch
    {
        '\u202A' => "LRE", '\u202B' => "RLE", '\u202C' => "PDF", '\u202D' => "LRO", '\u202E' => "RLO",
        '\u2066' => "LRI", '\u2067' => "RLI", '\u2068' => "FSI", '\u2069' => "PDI",
        '\u200E' => "LRM", '\u200F' => "RLM", '\u061C' => "ALM",
        _ => null,
    };

    /// <summary>The first refusal of several fields, in order; null when all may be stored.</summary>
    public static Outcome? FirstRefusal(params (TextRule Rule, string? Value)[] fields) =>
        fields.Select(f => f.Rule.Refusal(f.Value)).FirstOrDefault(r => r is not null);

    /// <summary>The column's max length in the portal's EF model (read once), or null for an unbounded column.</summary>
    public static int? ColumnLength<TEntity>(Expression<Func<TEntity, string?>> column) =>
        Model.Value.FindEntityType(typeof(TEntity))?.FindProperty(Name(column))?.GetMaxLength()
        ?? (Model.Value.FindEntityType(typeof(TEntity)) is null
            ? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the portal's model.") : null);

    private static string Name<TEntity>(Expression<Func<TEntity, string?>> column) =>
        column.Body is MemberExpression m ? m.Member.Name
        : throw new ArgumentException("Name a property: e => e.Title", nameof(column));

    private static readonly Lazy<IModel> Model = new(() =>
    {
        using var dataSource = DataSetup.BuildDataSource("Host=127.0.0.1;Database=model_only");
        var options = DataSetup.Configure(new DbContextOptionsBuilder<PortalDbContext>(), dataSource);
        using var db = new PortalDbContext((DbContextOptions<PortalDbContext>)options.Options);
        return db.Model;
    });
}
