using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using FluentValidation.Resources;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Infrastructure.Validation;

/// <summary>
/// FluentValidation's global settings. A field is named in messages by its [Display] name,
/// translated like the form label next to it. Built-in messages follow CurrentUICulture; the
/// Japanese ones it ships read like machine translation ("は空であってはなりません"), so the
/// common ones are replaced with the phrasing Japanese municipal forms use.
/// </summary>
public static class FluentValidationSetup
{
    private static readonly Dictionary<string, string> Japanese = new(StringComparer.Ordinal)
    {
        ["NotEmptyValidator"] = "'{PropertyName}' を入力してください。",
        ["NotNullValidator"] = "'{PropertyName}' を入力してください。",
        ["MaximumLengthValidator"] = "'{PropertyName}' は{MaxLength}文字以内で入力してください（現在{TotalLength}文字）。",
        ["MinimumLengthValidator"] = "'{PropertyName}' は{MinLength}文字以上で入力してください（現在{TotalLength}文字）。",
        ["LengthValidator"] = "'{PropertyName}' は{MinLength}文字以上{MaxLength}文字以内で入力してください（現在{TotalLength}文字）。",
        ["EmailValidator"] = "'{PropertyName}' の形式が正しくありません。",
        ["RegularExpressionValidator"] = "'{PropertyName}' の形式が正しくありません。",
        ["EnumValidator"] = "'{PropertyName}' の選択肢から選んでください。",
        ["InclusiveBetweenValidator"] = "'{PropertyName}' は{From}から{To}までの値を入力してください。",
        ["GreaterThanOrEqualValidator"] = "'{PropertyName}' は{ComparisonValue}以上の値を入力してください。",
        ["LessThanOrEqualValidator"] = "'{PropertyName}' は{ComparisonValue}以下の値を入力してください。",
    };

    public static void Configure(IStringLocalizer localizer)
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member?.GetCustomAttribute<DisplayAttribute>()?.Name is { } name ? localizer[name].Value : null;

        if (ValidatorOptions.Global.LanguageManager is LanguageManager languages)
        {
            foreach (var (key, message) in Japanese)
            {
                languages.AddTranslation("ja", key, message);
            }
        }
    }
}
