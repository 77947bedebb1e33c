namespace KyodoPortal.Web.Infrastructure.Forms;

/// <summary>
/// The one-time key of a creating form (partial <c>_FormOnce</c>): made when the form is shown,
/// kept when it is shown again after a refusal, and stored with what its first successful post
/// created (<see cref="FormSubmission"/>). Without JavaScript: the key travels in a hidden field.
/// </summary>
public static class FormOnce
{
    public const string FieldName = "FormOnce";

    /// <summary>The key the posted form carried; null when it carried none or not a key.</summary>
    public static Guid? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasFormContentType && Guid.TryParse(request.Form[FieldName].ToString(), out var key) ? key : null;
    }

    /// <summary>The key a form renders: the posted one when the form is shown again, else a new one.</summary>
    public static Guid KeyFor(HttpRequest request) => KeyOf(request) ?? Guid.NewGuid();
}
