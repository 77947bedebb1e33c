using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace KyodoPortal.Web.Infrastructure.Localization;

/// <summary>Japanese by default, English second; the choice lives in the culture cookie.</summary>
public static class KyodoCultures
{
    public const string Japanese = "ja-JP";
    public const string English = "en";

    public static IReadOnlyList<CultureInfo> Supported { get; } = [CultureInfo.GetCultureInfo(Japanese), CultureInfo.GetCultureInfo(English)];

    /// <summary>
    /// Fails start-up when the runtime has no ICU data (invariant globalization): Japanese dates,
    /// eras and sorting would silently come out wrong.
    /// </summary>
    public static void EnsureAvailable()
    {
        try
        {
            _ = CultureInfo.GetCultureInfo(Japanese, predefinedOnly: true);
        }
        catch (CultureNotFoundException exception)
        {
            throw new InvalidOperationException("The ja-JP culture is unavailable: install ICU (libicu) and do not set DOTNET_SYSTEM_GLOBALIZATION_INVARIANT.", exception);
        }
    }

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
