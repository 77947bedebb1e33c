using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace KyodoPortal.Domain.Common;

/// <summary>
/// The [Display] name of an enum value, so domain messages name states the way the UI does
/// (e.g. 「提出済み」); the web layer localizes the same names for its labels. Read by reflection
/// once per enum type, not per call: pages name hundreds of values (a minutes page one per row),
/// and the attribute lookup was 5 % of that page's CPU (docs/performance.md).
/// </summary>
public static class EnumDisplay
{
    private static readonly ConcurrentDictionary<Enum, string?> Boxed = new();

    /// <summary>The [Display] name, or the value's own name when it has none.</summary>
    public static string DisplayName<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        AttributeName(value) ?? value.ToString();

    /// <summary>The [Display] name; null when the value has none (or is a combination of flags).</summary>
    public static string? AttributeName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : null;

    /// <summary>The same for a value whose type is known only at run time.</summary>
    public static string? AttributeName(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Boxed.GetOrAdd(value, static v => Read(v.GetType(), v.ToString()));
    }

    private static string? Read(Type type, string name) => type.GetField(name)?.GetCustomAttribute<DisplayAttribute>()?.Name;

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string?> ByValue = Enum.GetValues<TEnum>()
            .Distinct()
            .ToFrozenDictionary(value => value, value => Read(typeof(TEnum), value.ToString()));
    }
}
