using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Organizations;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Groups;

public sealed class GroupInput
{
    [Display(Name = "団体名")]
    public string? Name { get; set; }

    [Display(Name = "ふりがな")]
    public string? NameKana { get; set; }

    [Display(Name = "法人格")]
    public LegalForm? LegalForm { get; set; }

    [Display(Name = "代表者名")]
    public string? Representative { get; set; }

    [Display(Name = "活動地域")]
    public string? Area { get; set; }

    [Display(Name = "有効")]
    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public static GroupInput From(CitizenGroup group) => new()
    {
        Name = group.Name,
        NameKana = group.NameKana,
        LegalForm = group.LegalForm,
        Representative = group.Representative,
        Area = group.Area,
        IsActive = group.IsActive,
        Version = group.Version,
    };
}

public sealed class GroupInputValidator : AbstractValidator<GroupInput>
{
    public GroupInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CitizenGroup.NameMaxLength);
        RuleFor(x => x.NameKana).MaximumLength(CitizenGroup.KanaMaxLength)
            .Matches(@"^[\p{IsHiragana}\p{IsKatakana}ー・　 ]*$").WithMessage(_ => localizer["'{PropertyName}' はひらがな・カタカナで入力してください。"]);
        RuleFor(x => x.LegalForm).NotNull().IsInEnum();
        RuleFor(x => x.Representative).MaximumLength(CitizenGroup.RepresentativeMaxLength);
        RuleFor(x => x.Area).MaximumLength(CitizenGroup.AreaMaxLength);
    }
}
