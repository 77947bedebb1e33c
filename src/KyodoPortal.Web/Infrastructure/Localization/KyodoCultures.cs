using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace KyodoPortal.Web.Infrastructure.Localization;

/// <summary>Japanese by default, English second; the choice lives in the culture cookie.</summary>
public static class KyodoCultures
{
    public const string Japanese = "ja-JP";
    public const string English = "en";

    public static IReadOnlyList<CultureInfo> Supported { get; } = [CultureInfo.GetCultureInfo(Japanese), CultureInfo.GetCultureInfo(English)];

    public static bool IsJapanese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ja";

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Japanese),
            SupportedCultures = [.. Supported],
            SupportedUICultures = [.. Supported],
        };

        // Only the explicit choice counts: a browser's Accept-Language must not switch a Japanese
        // municipal site to English on its own.
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }
}
