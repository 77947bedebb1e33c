using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Surveys;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>What the survey form binds: title, purpose, answer period, method, audience, target count, anonymity.</summary>
public sealed class SurveyInput
{
    [Display(Name = "アンケート名")]
    public string? Title { get; set; }

    [Display(Name = "目的")]
    public string? Purpose { get; set; }

    [Display(Name = "回答期間の開始日")]
    public DateOnly? OpensOn { get; set; }

    [Display(Name = "回答期間の終了日")]
    public DateOnly? ClosesOn { get; set; }

    [Display(Name = "回答方法")]
    public SurveyMethod Method { get; set; } = SurveyMethod.Online;

    [Display(Name = "回答対象")]
    public SurveyAudienceKind AudienceKind { get; set; } = SurveyAudienceKind.AnySignedIn;

    /// <summary>Named accounts: their e-mail addresses, one a line.</summary>
    [Display(Name = "回答する人のメールアドレス")]
    public string? AudienceEmails { get; set; }

    /// <summary>Departments: the chosen departments' ids (checkboxes).</summary>
    [Display(Name = "回答する課")]
    public List<int> DepartmentIds { get; set; } = [];

    /// <summary>Groups: the chosen groups' ids (checkboxes).</summary>
    [Display(Name = "回答する団体")]
    public List<int> GroupIds { get; set; } = [];

    /// <summary>Part of a group's name, to find groups among many (the form's 「団体を検索」; not saved).</summary>
    [Display(Name = "団体名で検索")]
    public string? GroupQuery { get; set; }

    [Display(Name = "対象者数")]
    public int? TargetCount { get; set; }

    [Display(Name = "無記名（匿名）で回答を集める")]
    public bool IsAnonymous { get; set; }

    /// <summary>The guideline measure the survey serves (optional).</summary>
    [Display(Name = "関連する指針の施策")]
    public int? GuidelineMeasureId { get; set; }

    /// <summary>The collaboration project the survey serves (optional).</summary>
    [Display(Name = "関連する協働事業")]
    public int? ProjectId { get; set; }

    /// <summary>Part of a project's title, to find it among many (the form's 「事業を検索」; not saved).</summary>
    [Display(Name = "事業名で検索")]
    public string? ProjectQuery { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> Emails() =>
        (AudienceEmails ?? string.Empty).Split(['\n', '\r', ',', '、', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Call only after validation passed.</summary>
    public SurveyDraft ToDraft() => new(Title!, Purpose, OpensOn!.Value, ClosesOn!.Value, Method, AudienceKind, TargetCount, IsAnonymous, GuidelineMeasureId, ProjectId);

    public static SurveyInput From(Survey survey, IEnumerable<string> audienceEmails) => new()
    {
        Title = survey.Title,
        Purpose = survey.Purpose,
        OpensOn = survey.OpensOn,
        ClosesOn = survey.ClosesOn,
        Method = survey.Method,
        AudienceKind = survey.AudienceKind,
        AudienceEmails = string.Join('\n', audienceEmails),
        DepartmentIds = [.. survey.Audience.Where(a => a.DepartmentId is not null).Select(a => a.DepartmentId!.Value)],
        GroupIds = [.. survey.Audience.Where(a => a.CitizenGroupId is not null).Select(a => a.CitizenGroupId!.Value)],
        TargetCount = survey.TargetCount,
        IsAnonymous = survey.IsAnonymous,
        GuidelineMeasureId = survey.GuidelineMeasureId,
        ProjectId = survey.ProjectId,
        Version = survey.Version,
    };
}

public sealed class SurveyInputValidator : AbstractValidator<SurveyInput>
{
    public SurveyInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Survey.TitleMaxLength);
        RuleFor(x => x.Purpose).MaximumLength(Survey.PurposeMaxLength);
        RuleFor(x => x.OpensOn).NotNull();
        RuleFor(x => x.ClosesOn).NotNull();
        RuleFor(x => x.ClosesOn).GreaterThanOrEqualTo(x => x.OpensOn).When(x => x.OpensOn is not null && x.ClosesOn is not null)
            .WithMessage(_ => localizer["回答期間の終了日は開始日以降にしてください。"]);
        RuleFor(x => x.Method).IsInEnum();
        RuleFor(x => x.AudienceKind).IsInEnum();
        RuleFor(x => x.TargetCount).InclusiveBetween(1, 1_000_000);
        RuleFor(x => x.AudienceEmails).MaximumLength(20_000);
        RuleFor(x => x.AudienceEmails).NotEmpty().When(x => x.AudienceKind == SurveyAudienceKind.NamedAccounts)
            .WithMessage(_ => localizer["回答する人のメールアドレスを入力してください。"]);
        RuleFor(x => x.DepartmentIds).NotEmpty().When(x => x.AudienceKind == SurveyAudienceKind.Departments)
            .WithMessage(_ => localizer["回答する課を1つ以上選んでください。"]);
        RuleFor(x => x.GroupIds).NotEmpty().When(x => x.AudienceKind == SurveyAudienceKind.Groups)
            .WithMessage(_ => localizer["回答する団体を1つ以上選んでください。"]);
        RuleFor(x => x.IsAnonymous).Equal(true).When(x => x.AudienceKind == SurveyAudienceKind.AnyoneWithLink)
            .WithMessage(_ => localizer[Survey.LinkMustBeAnonymous]);
    }
}

/// <summary>What the question form binds: the options one a line (a rating scale's points in order).</summary>
public sealed class QuestionInput
{
    [Display(Name = "設問の種類")]
    public QuestionKind Kind { get; set; } = QuestionKind.SingleChoice;

    [Display(Name = "設問文")]
    public string? Text { get; set; }

    [Display(Name = "回答を必須にする")]
    public bool IsRequired { get; set; } = true;

    [Display(Name = "選択肢")]
    public string? OptionsText { get; set; }

    [Display(Name = "「その他」の選択肢")]
    public string? OtherLabel { get; set; }

    [Display(Name = "選べる数の上限")]
    public int? MaxChoices { get; set; }

    [Display(Name = "理由を記入してもらう")]
    public bool AsksReason { get; set; }

    [Display(Name = "理由欄の見出し")]
    public string? ReasonPrompt { get; set; }

    /// <summary>The survey's version (questions are part of the survey).</summary>
    public int Version { get; set; }

    public IReadOnlyList<string> Options() =>
        (OptionsText ?? string.Empty).Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public QuestionDraft ToDraft() => new(Kind, Text!, IsRequired, Kind == QuestionKind.FreeText ? [] : Options(), Kind == QuestionKind.FreeText ? null : OtherLabel, MaxChoices, AsksReason, ReasonPrompt);

    public static QuestionInput From(SurveyQuestion question, int surveyVersion) => new()
    {
        Kind = question.Kind,
        Text = question.Text,
        IsRequired = question.IsRequired,
        OptionsText = string.Join('\n', question.Options.Where(o => !o.IsOther).OrderBy(o => o.Number).Select(o => o.Label)),
        OtherLabel = question.Options.FirstOrDefault(o => o.IsOther)?.Label,
        MaxChoices = question.MaxChoices,
        AsksReason = question.AsksReason,
        ReasonPrompt = question.ReasonPrompt,
        Version = surveyVersion,
    };
}

public sealed class QuestionInputValidator : AbstractValidator<QuestionInput>
{
    public QuestionInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Text).NotEmpty().MaximumLength(SurveyQuestion.TextMaxLength);
        RuleFor(x => x.OptionsText).MaximumLength(SurveyQuestion.MaxOptions * (SurveyOption.LabelMaxLength + 2));
        RuleFor(x => x.OptionsText).Must(text => (text ?? string.Empty).Split('\n').All(line => line.Trim().Length <= SurveyOption.LabelMaxLength))
            .WithMessage(_ => localizer["選択肢は1つ200文字以内で入力してください。"]);
        RuleFor(x => x.OptionsText).NotEmpty().When(x => x.Kind != QuestionKind.FreeText)
            .WithMessage(_ => localizer["選択肢を1行に1つずつ入力してください。"]);
        RuleFor(x => x.OtherLabel).MaximumLength(SurveyOption.LabelMaxLength);
        RuleFor(x => x.MaxChoices).InclusiveBetween(1, SurveyQuestion.MaxOptions);
        RuleFor(x => x.ReasonPrompt).MaximumLength(SurveyQuestion.ReasonPromptMaxLength);
    }
}
