using System.Globalization;
using KyodoPortal.Domain.Common;
using KyodoPortal.Web.Infrastructure.Formatting;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Localization;

/// <summary>
/// Translates a <see cref="UserMessage"/> for the current UI culture: the template through the
/// resource (the Japanese text is the key), then each argument formatted for the reader — fiscal
/// years, dates and yen as <see cref="DisplayFormat"/> writes them, enum values by their translated
/// [Display] name, nested messages translated the same way.
/// </summary>
public static class UserMessageLocalizer
{
    public static string Localize(this IStringLocalizer localizer, UserMessage message)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(message);
        if (message.IsEmpty)
        {
            return string.Empty;
        }

        var template = localizer[message.Template].Value;
        return message.Arguments.Count == 0
            ? template
            : string.Format(CultureInfo.CurrentCulture, template, message.Arguments.Select(a => Argument(localizer, a)).ToArray());
    }

    /// <summary>The refusal of a domain rule, translated: one reason per line.</summary>
    public static string Localize(this IStringLocalizer localizer, DomainRuleException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return string.Join('\n', refusal.Reasons.Select(localizer.Localize));
    }

    private static object? Argument(IStringLocalizer localizer, object? argument) => argument switch
    {
        FiscalYear year => DisplayFormat.FiscalYear(year),
        DateOnly date => DisplayFormat.Date(date),
        Yen yen => DisplayFormat.Yen(yen.Amount),
        Enum value => localizer[UserMessage.DisplayNameOf(value)].Value,
        UserMessage message => localizer.Localize(message),
        _ => argument,
    };
}
