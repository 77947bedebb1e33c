using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Screening;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.EvaluationAdmin;

/// <summary>The round's criteria; rows left entirely empty are ignored (the form offers a few spare rows).</summary>
public sealed class CriteriaInput
{
    public const int SpareRows = 3;

    public List<CriterionRowInput> Rows { get; set; } = [];

    public int Version { get; set; }

    public IEnumerable<CriterionRowInput> FilledRows => Rows.Where(row => !row.IsEmpty);

    public IEnumerable<EvaluationCriterionDraft> ToDrafts() =>
        FilledRows.Select(row => new EvaluationCriterionDraft(row.Category!.Value, row.Name ?? string.Empty, row.Weight ?? 0, row.MaxPoints ?? 0));

    public static CriteriaInput From(EvaluationRound round) => new()
    {
        Rows =
        [
            .. round.OrderedCriteria.Select(c => new CriterionRowInput { Category = c.Category, Name = c.Name, Weight = c.Weight, MaxPoints = c.MaxPoints }),
            .. Enumerable.Range(0, SpareRows).Select(_ => new CriterionRowInput()),
        ],
        Version = round.Version,
    };
}

public sealed class CriterionRowInput
{
    [Display(Name = "区分")]
    public EvaluationCategory? Category { get; set; }

    [Display(Name = "評価項目")]
    public string? Name { get; set; }

    [Display(Name = "重み")]
    public int? Weight { get; set; }

    [Display(Name = "満点")]
    public int? MaxPoints { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && Weight is null && MaxPoints is null;
}

public sealed class CriteriaInputValidator : AbstractValidator<CriteriaInput>
{
    public CriteriaInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Rows).Must(rows => rows.Count <= EvaluationCriterion.MaxCount + CriteriaInput.SpareRows);
        RuleFor(x => x.FilledRows).Must(rows => rows.Any())
            .WithName("Rows")
            .WithMessage(_ => localizer["評価項目を1つ以上設定してください。"]);
        RuleForEach(x => x.Rows).ChildRules(row =>
        {
            row.RuleFor(r => r.Category).NotNull().WithMessage(_ => localizer["区分を選んでください。"])
                .IsInEnum().WithMessage(_ => localizer["区分を選んでください。"])
                .When(r => !r.IsEmpty);
            row.RuleFor(r => r.Name).NotEmpty().MaximumLength(EvaluationCriterion.NameMaxLength).When(r => !r.IsEmpty);
            row.RuleFor(r => r.Weight).NotNull().InclusiveBetween(ScreeningCriterion.MinWeight, ScreeningCriterion.MaxWeight).When(r => !r.IsEmpty);
            row.RuleFor(r => r.MaxPoints).NotNull().InclusiveBetween(ScreeningCriterion.MinMaxPoints, ScreeningCriterion.MaxMaxPoints).When(r => !r.IsEmpty);
        });
    }
}

/// <summary>The coordinator recuses a committee member from the round, with the reason.</summary>
public sealed class EvaluationRecusalInput
{
    [Display(Name = "評価委員")]
    public string? MemberUserId { get; set; }

    [Display(Name = "除外の理由")]
    public string? Reason { get; set; }
}

public sealed class EvaluationRecusalInputValidator : AbstractValidator<EvaluationRecusalInput>
{
    public EvaluationRecusalInputValidator()
    {
        RuleFor(x => x.MemberUserId).NotEmpty();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ConflictDeclaration.ReasonMaxLength);
    }
}

/// <summary>総合評価: strengths, issues, the recommendation and, for 改善して継続, what must change.</summary>
public sealed class ConsolidationInput
{
    [Display(Name = "良かった点")]
    public string? Strengths { get; set; }

    [Display(Name = "課題")]
    public string? Issues { get; set; }

    [Display(Name = "今後の方向性")]
    public EvaluationRecommendation? Recommendation { get; set; }

    [Display(Name = "改善が必要な点")]
    public string? RequiredChanges { get; set; }

    public int Version { get; set; }

    public static ConsolidationInput From(EvaluationRound round) => new()
    {
        Strengths = round.Strengths,
        Issues = round.Issues,
        Recommendation = round.Recommendation,
        RequiredChanges = round.RequiredChanges,
        Version = round.Version,
    };
}

public sealed class ConsolidationInputValidator : AbstractValidator<ConsolidationInput>
{
    public ConsolidationInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Strengths).NotEmpty().MaximumLength(EvaluationRound.TextMaxLength);
        RuleFor(x => x.Issues).NotEmpty().MaximumLength(EvaluationRound.TextMaxLength);
        RuleFor(x => x.Recommendation).NotNull().IsInEnum()
            .WithMessage(_ => localizer["今後の方向性を選んでください。"]);
        RuleFor(x => x.RequiredChanges).MaximumLength(EvaluationRound.TextMaxLength);
        RuleFor(x => x.RequiredChanges).NotEmpty().When(x => x.Recommendation == EvaluationRecommendation.ContinueWithRevision)
            .WithMessage(_ => localizer["「改善して継続」とする場合は、改善が必要な点を入力してください。"]);
    }
}
