using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace KyodoPortal.Domain.Common;

/// <summary>
/// The [Display] name of an enum value, so domain messages name states the way the UI does
/// (e.g. 「提出済み」). The web layer localizes its own labels; this is only for domain messages.
/// </summary>
internal static class EnumDisplay
{
    public static string DisplayName<TEnum>(this TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<DisplayAttribute>()?.Name ?? name;
    }
}
