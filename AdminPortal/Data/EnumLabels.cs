using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using NpgsqlTypes;

namespace AdminPortal.Data;

/// <summary>
/// Npgsql creates a mapped enum's labels in alphabetical order (npgsql/efcore.pg#3398). The seeds' order matters
/// (ORDER BY an enum sorts by label position), so each area declares its enums here, in C# declaration order.
/// </summary>
public static class EnumLabels
{
    public static void InDeclarationOrder<T>(IMutableModel model, string schema, string name) where T : struct, Enum
    {
        var labels = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(f => Convert.ToInt64(f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture))
            .Select(f => f.GetCustomAttribute<PgNameAttribute>()?.PgName ?? f.Name);
        model.SetAnnotation($"Npgsql:Enum:{schema}.{name}", string.Join(',', labels));
    }
}
