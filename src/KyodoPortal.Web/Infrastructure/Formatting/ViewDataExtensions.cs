using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KyodoPortal.Web.Infrastructure.Formatting;

public static class ViewDataExtensions
{
    /// <summary>The proposal section a page edits, for the section navigation.</summary>
    public static string Section(this ViewDataDictionary viewData) => viewData["Section"] as string ?? "Details";
}
