using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// Drives the site the way a browser without JavaScript does: GET a page, fill a form on it,
/// post it with the antiforgery token the page carries, read what comes back.
/// </summary>
public sealed class PageClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    public HttpClient Http { get; } = http;

    /// <summary>The browser's cookie jar (e.g. to replay a session cookie after sign-out).</summary>
    public CookieContainer Cookies { get; } = cookies;

    public string CookieHeader => Cookies.GetCookieHeader(Http.BaseAddress!);

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.GetAsync(url);
        return await ReadAsync(response, expected);
    }

    /// <summary>
    /// Posts <paramref name="values"/> to <paramref name="url"/> with the antiforgery token of
    /// <paramref name="tokenPage"/> (any form on it, e.g. the sign-out form): what a person could
    /// send without the button, so a test proves the server itself refuses the action.
    /// </summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(IHtmlDocument tokenPage, string url, params (string Key, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(tokenPage);
        var token = tokenPage.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on the page.");
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value))]);
        return await Http.PostAsync(url, content);
    }

    /// <summary>The box a one-way action's form carries (the app's Confirmation.FieldName).</summary>
    public const string ConfirmationField = "ConfirmIrreversible";

    /// <summary>
    /// Submits the form (selected by CSS, default the page's first form in main) with its current
    /// field values, overridden by <paramref name="values"/>. Repeated keys (checkbox groups) are
    /// given as several entries. A one-way action's confirmation box is ticked, as the person
    /// submitting it must; override <see cref="ConfirmationField"/> with "" to leave it unticked.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string formSelector, IEnumerable<KeyValuePair<string, string>> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {page.Url}.");
        var overrides = values.ToList();
        if (form.QuerySelector($"input[name={ConfirmationField}]") is not null && overrides.All(o => o.Key != ConfirmationField))
        {
            overrides.Add(new(ConfirmationField, "true"));
        }

        overrides.RemoveAll(o => o.Key == ConfirmationField && o.Value.Length == 0);
        var fields = FormFields(form).Where(f => f.Key != ConfirmationField && overrides.All(o => o.Key != f.Key)).Concat(overrides).ToList();
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? new Uri(page.Url).PathAndQuery : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(action, content);
    }

    public Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string formSelector, params (string Key, string Value)[] values) =>
        SubmitAsync(page, formSelector, values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));

    /// <summary>Posts and, when the app redirects (PRG), follows to the resulting page.</summary>
    public Task<IHtmlDocument> SubmitAndFollowAsync(IHtmlDocument page, string formSelector, params (string Key, string Value)[] values) =>
        SubmitAndFollowAsync(page, formSelector, values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));

    public async Task<IHtmlDocument> SubmitAndFollowAsync(IHtmlDocument page, string formSelector, IEnumerable<KeyValuePair<string, string>> values)
    {
        using var response = await SubmitAsync(page, formSelector, values);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found)
        {
            return await GetPageAsync(response.Headers.Location!.OriginalString);
        }

        return await ReadAsync(response, response.StatusCode);
    }

    /// <summary>Follows the link (selected by CSS) as a click would, and the redirect it answers with, if any.</summary>
    public async Task<IHtmlDocument> FollowLinkAsync(IHtmlDocument page, string linkSelector)
    {
        var href = page.QuerySelector<IHtmlAnchorElement>(linkSelector)?.GetAttribute("href")
            ?? throw new InvalidOperationException($"No link matches '{linkSelector}' on {page.Url}.");
        using var response = await Http.GetAsync(href);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found)
        {
            return await GetPageAsync(response.Headers.Location!.OriginalString);
        }

        return await ReadAsync(response, response.StatusCode);
    }

    public async Task SignInAsync(string email, string password)
    {
        var page = await GetPageAsync("/account/login");
        using var response = await SubmitAsync(page, "main form", ("Email", email), ("Password", password));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await ReadAsync(response, response.StatusCode);
            throw new InvalidOperationException($"Sign-in as {email} failed: {body.QuerySelector("[role=alert]")?.TextContent.Trim()}");
        }
    }

    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Expected {(int)expected} but got {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}: {html[..Math.Min(html.Length, 2000)]}");
        }

        var document = await Parser.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
        return (IHtmlDocument)document;
    }

    /// <summary>The name/value pairs a browser would send for the form as it stands.</summary>
    private static IEnumerable<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        yield return new(input.Name!, input.Value);
                    }

                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button"):
                    yield return new(input.Name!, input.Value);
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        yield return new(select.Name!, option.Value);
                    }

                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } textArea:
                    yield return new(textArea.Name!, textArea.Value);
                    break;
            }
        }
    }

    public void Dispose() => Http.Dispose();
}

public static class DocumentExtensions
{
    /// <summary>Visible text of the first match, whitespace collapsed, or null.</summary>
    public static string? Text(this IParentNode node, string selector) =>
        node.QuerySelector(selector)?.TextContent is { } text ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;

    public static IReadOnlyList<string> Texts(this IParentNode node, string selector) =>
        node.QuerySelectorAll(selector).Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
}
