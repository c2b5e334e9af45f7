using System.Collections.Concurrent;
using System.Reflection;
using NpgsqlTypes;

namespace AdminPortal.Features.Users;

/// <summary>An enum value as the seeds spell it ("not-verified", "deed-o"), for screens, CSV and audit records.</summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of(Enum value) => Cache.GetOrAdd(value, v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<PgNameAttribute>()?.PgName ?? v.ToString());

    /// <summary>Parses the seed's spelling (or the C# name); null when it is neither.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Of(value), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        return null;
    }
}
