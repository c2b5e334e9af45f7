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
}
