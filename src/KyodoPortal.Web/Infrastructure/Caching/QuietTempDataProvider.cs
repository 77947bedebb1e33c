using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KyodoPortal.Web.Infrastructure.Caching;

/// <summary>
/// The framework's cookie TempData provider, except that a page which had no flash message to show
/// does not send a "delete the TempData cookie" header to a browser that has no such cookie. The layout
/// reads TempData on every page (<c>_Flash</c>), and that header on every response made every public
/// page uncacheable (a response that sets a cookie is never cached) for nothing.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if ((values is null || values.Count == 0) && !context.Request.Cookies.Keys.Any(IsTempDataCookie))
        {
            return;
        }

        inner.SaveTempData(context, values!);
    }

    // The cookie may be chunked (name, nameC1, nameC2…).
    private static bool IsTempDataCookie(string name) => name.StartsWith(CookieTempDataProvider.CookieName, StringComparison.Ordinal);
}
