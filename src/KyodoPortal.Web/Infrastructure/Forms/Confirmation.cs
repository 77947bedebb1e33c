using Microsoft.AspNetCore.Http;

namespace KyodoPortal.Web.Infrastructure.Forms;

/// <summary>
/// The confirmation a one-way action asks for (issue 13): a required checkbox in the form, checked
/// again by <see cref="FormCommands"/> so a POST without it is refused and nothing is saved. A
/// checkbox rather than a confirmation page because it works without JavaScript in one round trip,
/// and it lives outside each action's input so every one-way form carries it the same way.
/// </summary>
public static class Confirmation
{
    /// <summary>The form field the partial <c>_ConfirmIrreversible</c> renders (no prefix: one per form).</summary>
    public const string FieldName = "ConfirmIrreversible";

    public const string Label = "この操作は取り消せないことを確認しました";

    public const string Missing = "取り消せない操作です。「この操作は取り消せないことを確認しました」にチェックを入れてから、もう一度操作してください。";

    /// <summary>Whether the posted form carries the ticked box.</summary>
    public static bool IsGiven(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasFormContentType
            && string.Equals(request.Form[FieldName].ToString(), "true", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// The model of the partial <c>_ConfirmIrreversible</c>: what cannot be undone (localized), and
/// whether the box shows the refusal itself (false where one page holds several such forms and the
/// page shows the refusal beside the form that failed).
/// </summary>
public sealed record ConfirmationBox(string WhatCannotBeUndone, bool ShowsError = true);
