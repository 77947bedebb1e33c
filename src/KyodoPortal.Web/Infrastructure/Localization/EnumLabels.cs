using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Localization;

/// <summary>The [Display] name of an enum value, translated for the current UI culture.</summary>
public static class EnumLabels
{
    public static string Label<TEnum>(this IStringLocalizer localizer, TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var display = typeof(TEnum).GetField(name)?.GetCustomAttribute<DisplayAttribute>()?.Name;
        return display is null ? name : localizer[display];
    }
}
