using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KyodoPortal.Web.Infrastructure.Lists;

/// <summary>
/// <c>&lt;th sort-key="title" sort="@Model.Query.Sort"&gt;事業名&lt;/th&gt;</c>: the header becomes a link that
/// sorts the list by that column (ascending first, descending when it is already ascending), keeping
/// the other query parameters (search, filters) and dropping <c>page</c>. The sorted column carries
/// <c>aria-sort</c>; its arrow is hidden from screen readers, which hear <c>aria-sort</c> instead.
/// </summary>
[HtmlTargetElement("th", Attributes = KeyAttribute)]
public sealed class SortHeaderTagHelper : TagHelper
{
    private const string KeyAttribute = "sort-key";

    [HtmlAttributeName(KeyAttribute)]
    public string Key { get; set; } = string.Empty;

    /// <summary>The list's current (resolved) order.</summary>
    [HtmlAttributeName("sort")]
    public ListSort? Sort { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sorted = Sort is not null && Sort.Key == Key;
        var nextDescending = sorted && !Sort!.Descending;
        if (sorted)
        {
            output.Attributes.SetAttribute("aria-sort", Sort!.Descending ? "descending" : "ascending");
        }

        var label = await output.GetChildContentAsync();
        var link = new TagBuilder("a");
        link.Attributes["href"] = Url(ViewContext.HttpContext.Request, Key, nextDescending);
        link.AddCssClass("sort-link");
        link.InnerHtml.AppendHtml(label);
        var arrow = new TagBuilder("span");
        arrow.Attributes["aria-hidden"] = "true";
        arrow.AddCssClass(sorted ? "sort-arrow" : "sort-arrow sort-arrow--none");
        arrow.InnerHtml.Append(!sorted ? "↕" : Sort!.Descending ? "▼" : "▲");
        link.InnerHtml.AppendHtml(arrow);
        output.Content.SetHtmlContent(link);
    }

    /// <summary>The current path and query with <c>sort</c>/<c>dir</c> replaced and <c>page</c> dropped.</summary>
    public static string Url(HttpRequest request, string key, bool descending)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query
            .Where(q => q.Key is not ("page" or "sort" or "dir"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("sort", key))
            .Append(new("dir", descending ? SortColumns.Desc : SortColumns.Asc));
        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
