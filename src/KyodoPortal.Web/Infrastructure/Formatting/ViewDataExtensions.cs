using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KyodoPortal.Web.Infrastructure.Formatting;

public static class ViewDataExtensions
{
    /// <summary>The proposal section a page edits, for the section navigation.</summary>
    public static string Section(this ViewDataDictionary viewData) => viewData["Section"] as string ?? "Details";
}

public static class TypedValueExtensions
{
    /// <summary>
    /// What a hand-written input shows: what the person typed when it could not be read (so a
    /// refused "1,2,3" or "１２００．５" stays in the field next to its message), else the model's value.
    /// </summary>
    public static string? Typed(this ViewDataDictionary viewData, string key, IFormattable? value, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        return viewData.ModelState[key] is { Errors.Count: > 0, AttemptedValue: { } attempted }
            ? attempted
            : value?.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }
}
