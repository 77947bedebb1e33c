using KyodoPortal.Domain.Common;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Localization;

/// <summary>The [Display] name of an enum value, translated for the current UI culture.</summary>
public static class EnumLabels
{
    public static string Label<TEnum>(this IStringLocalizer localizer, TEnum value)
        where TEnum : struct, Enum
    {
        var display = EnumDisplay.AttributeName(value);
        return display is null ? value.ToString() : localizer[display];
    }
}
