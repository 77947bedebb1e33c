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

    [Display(Name = "活動分野")]
    public List<int> FieldIds { get; set; } = [];

    [Display(Name = "設立年")]
    public int? FoundedYear { get; set; }

    [Display(Name = "会員数")]
    public int? MemberCount { get; set; }

    [Display(Name = "活動内容")]
    public string? Description { get; set; }

    [Display(Name = "提供できること（技術・資源）")]
    public string? Skills { get; set; }

    [Display(Name = "ウェブサイト")]
    public string? Website { get; set; }

    [Display(Name = "公開用メールアドレス")]
    public string? PublicEmail { get; set; }

    [Display(Name = "公開用電話番号")]
    public string? PublicPhone { get; set; }

    [Display(Name = "団体一覧に公開する")]
    public bool IsPublished { get; set; }

    [Display(Name = "有効")]
    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public GroupProfile ToProfile() =>
        new(FoundedYear, MemberCount, Description, Skills, Website, PublicEmail, PublicPhone, IsPublished, FieldIds);

    public static GroupInput From(CitizenGroup group) => new()
    {
        Name = group.Name,
        NameKana = group.NameKana,
        LegalForm = group.LegalForm,
        Representative = group.Representative,
        Area = group.Area,
        FieldIds = [.. group.Fields.Select(f => f.ActivityFieldId)],
        FoundedYear = group.FoundedYear,
        MemberCount = group.MemberCount,
        Description = group.Description,
        Skills = group.Skills,
        Website = group.Website,
        PublicEmail = group.PublicEmail,
        PublicPhone = group.PublicPhone,
        IsPublished = group.IsPublished,
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
        RuleFor(x => x.FieldIds).Must(ids => ids.Count <= 20);
        RuleFor(x => x.FoundedYear).InclusiveBetween(1800, 2200);
        RuleFor(x => x.MemberCount).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.Description).MaximumLength(CitizenGroup.DescriptionMaxLength);
        RuleFor(x => x.Skills).MaximumLength(CitizenGroup.SkillsMaxLength);
        RuleFor(x => x.Website).MaximumLength(CitizenGroup.ContactMaxLength)
            .Must(BeAnHttpUrl).WithMessage(_ => localizer["'{PropertyName}' は http:// または https:// で始まるアドレスを入力してください。"]);
        RuleFor(x => x.PublicEmail).MaximumLength(CitizenGroup.ContactMaxLength).EmailAddress();
        RuleFor(x => x.PublicPhone).MaximumLength(CitizenGroup.ContactMaxLength).Matches(@"^[0-9０-９\-－() +]*$");
    }

    private static bool BeAnHttpUrl(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
