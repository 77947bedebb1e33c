using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Posts to an action the page does not offer (a hidden button, a guessed URL) with the person's
/// own antiforgery token, taken from the sign-out form every signed-in page carries — so a test
/// proves the server refuses the action itself, not only that the button is missing.
/// </summary>
internal static class ForgedPost
{
    public static Task<HttpResponseMessage> SubmitAsync(PageClient client, IHtmlDocument page, string action, params (string Key, string Value)[] values)
    {
        var form = page.QuerySelector<IHtmlFormElement>("form#forged")
            ?? page.QuerySelector<IHtmlFormElement>("form[action='/account/logout']")
            ?? throw new InvalidOperationException("The page has no sign-out form to take the token from.");
        form.Id = "forged";
        form.SetAttribute("action", action);
        return client.SubmitAsync(page, "#forged", values);
    }
}
