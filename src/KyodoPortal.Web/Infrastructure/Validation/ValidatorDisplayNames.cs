using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Validation;

/// <summary>
/// FluentValidation names a field in its messages by the property's [Display] name, translated
/// like the form labels, so "'部署名' を入力してください。" matches the label next to it.
/// Its built-in messages follow CurrentUICulture (Japanese and English both ship with it).
/// </summary>
public static class ValidatorDisplayNames
{
    public static void Configure(IStringLocalizer localizer) =>
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member?.GetCustomAttribute<DisplayAttribute>()?.Name is { } name ? localizer[name].Value : null;
}
