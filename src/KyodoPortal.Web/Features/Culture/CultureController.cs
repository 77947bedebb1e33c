using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Culture;

public sealed class CultureController(TimeProvider clock) : Controller
{
    /// <summary>
    /// The language switch in the footer: a plain link, so it works without JavaScript. A link, not a
    /// form: choosing the language of one's own pages changes no record, and a page without a form
    /// carries no antiforgery token, so the public pages can be cached (<c>PublicPageCache</c>).
    /// </summary>
    [HttpGet("/culture")]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        var chosen = KyodoCultures.Supported.FirstOrDefault(c => c.Name == culture)?.Name ?? KyodoCultures.Japanese;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
