using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Guidelines;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>A measure's text, place and class as a form binds it: the measure form's and the review's next-period text (修正 / 追加).</summary>
public class MeasureTextInput
{
    [Display(Name = "施策名")]
    public string? Title { get; set; }

    [Display(Name = "説明")]
    public string? Description { get; set; }

    [Display(Name = "分野")]
    public int? AreaId { get; set; }

    [Display(Name = "項目")]
    public int? SubAreaId { get; set; }

    [Display(Name = "分類")]
    public int? ClassificationId { get; set; }

    [Display(Name = "重点施策")]
    public bool IsPriority { get; set; }

    /// <summary>The draft with the guideline's parts the ids name (null for an id not in it: the domain refuses with the reason).</summary>
    public MeasureDraft ToDraft(Guideline guideline, IReadOnlyList<int> departmentIds)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        return new(
            Title ?? string.Empty,
            Description,
            guideline.Areas.FirstOrDefault(a => a.Id == AreaId),
            SubAreaId is { } sub ? guideline.Areas.SelectMany(a => a.SubAreas).FirstOrDefault(s => s.Id == sub) : null,
            guideline.Classifications.FirstOrDefault(c => c.Id == ClassificationId),
            IsPriority,
            departmentIds);
    }

    public MeasureFieldsModel Fields(string prefix, Guideline guideline, bool required) =>
        new(prefix, guideline, Title, AreaId, SubAreaId, ClassificationId, IsPriority, required);

    /// <summary>The review's next text, or the measure's own when none is written yet (a revision starts from it).</summary>
    public static MeasureTextInput From(MeasureReview review) => review.NextTitle is not null || review.Measure is not { } measure
        ? new() { Title = review.NextTitle, Description = review.NextDescription, AreaId = review.NextAreaId, SubAreaId = review.NextSubAreaId, ClassificationId = review.NextClassificationId, IsPriority = review.NextIsPriority }
        : new() { Title = measure.Title, Description = measure.Description, AreaId = measure.AreaId, SubAreaId = measure.SubAreaId, ClassificationId = measure.ClassificationId, IsPriority = measure.IsPriority };
}

public sealed class MeasureTextInputValidator : AbstractValidator<MeasureTextInput>
{
    public MeasureTextInputValidator()
    {
        RuleFor(x => x.Title).MaximumLength(GuidelineMeasure.TitleMaxLength);
        RuleFor(x => x.Description).MaximumLength(GuidelineMeasure.DescriptionMaxLength);
    }
}

/// <summary>実施状況・効果・必要性: the judgement of the period.</summary>
public sealed class AssessmentInput
{
    [Display(Name = "実施状況")]
    public ReviewImplementation? Implementation { get; set; }

    [Display(Name = "効果")]
    public MeasureEffectiveness? Effectiveness { get; set; }

    [Display(Name = "必要性")]
    public ReviewNecessity? Necessity { get; set; }

    [Display(Name = "実施結果・評価")]
    public string? Results { get; set; }

    public int Version { get; set; }

    public static AssessmentInput From(MeasureReview review) => new()
    {
        Implementation = review.Implementation,
        Effectiveness = review.Effectiveness,
        Necessity = review.Necessity,
        Results = review.Results,
        Version = review.Version,
    };
}

public sealed class AssessmentInputValidator : AbstractValidator<AssessmentInput>
{
    public AssessmentInputValidator()
    {
        RuleFor(x => x.Implementation).IsInEnum();
        RuleFor(x => x.Effectiveness).IsInEnum();
        RuleFor(x => x.Necessity).IsInEnum();
        RuleFor(x => x.Results).MaximumLength(MeasureReview.TextMaxLength);
    }
}

/// <summary>事務局案: the proposal, its reasons and the next period's text.</summary>
public sealed class ProposalInput
{
    [Display(Name = "事務局案")]
    public MeasureDecision? Choice { get; set; }

    [Display(Name = "理由")]
    public string? Reasons { get; set; }

    public MeasureTextInput Next { get; set; } = new();

    public int Version { get; set; }

    public static ProposalInput From(MeasureReview review) => new()
    {
        Choice = review.Proposal,
        Reasons = review.ProposalReasons,
        Next = MeasureTextInput.From(review),
        Version = review.Version,
    };
}

public sealed class ProposalInputValidator : AbstractValidator<ProposalInput>
{
    public ProposalInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Choice).NotNull().WithMessage(_ => localizer["事務局案を選んでください。"]).IsInEnum();
        RuleFor(x => x.Reasons).MaximumLength(MeasureReview.TextMaxLength);
        RuleFor(x => x.Next).SetValidator(new MeasureTextInputValidator());
        When(x => x.Choice is MeasureDecision.Revise or MeasureDecision.Add, () =>
        {
            RuleFor(x => x.Next.Title).NotEmpty().WithMessage(_ => localizer["次の期の施策名を入力してください。"]).OverridePropertyName("Next.Title");
            RuleFor(x => x.Next.AreaId).NotNull().WithMessage(_ => localizer["施策の分野を選んでください。"]).OverridePropertyName("Next.AreaId");
            RuleFor(x => x.Next.ClassificationId).NotNull().WithMessage(_ => localizer["施策の分類を選んでください。"]).OverridePropertyName("Next.ClassificationId");
        });
    }
}

/// <summary>委員の意見.</summary>
public sealed class OpinionInput
{
    [Display(Name = "意見")]
    public string? Text { get; set; }
}

public sealed class OpinionInputValidator : AbstractValidator<OpinionInput>
{
    public OpinionInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage(_ => localizer["意見を入力してください。"]).MaximumLength(MeasureReview.TextMaxLength);
    }
}

/// <summary>決定: the final decision and its note.</summary>
public sealed class DecisionInput
{
    [Display(Name = "決定")]
    public MeasureDecision? Choice { get; set; }

    [Display(Name = "決定の理由・付記")]
    public string? Note { get; set; }

    public int Version { get; set; }
}

public sealed class DecisionInputValidator : AbstractValidator<DecisionInput>
{
    public DecisionInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Choice).NotNull().WithMessage(_ => localizer["決定を選んでください。"]).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(MeasureReview.TextMaxLength);
    }
}

/// <summary>追加: a new measure proposed for the next period.</summary>
public sealed class AdditionInput
{
    public MeasureTextInput Next { get; set; } = new();

    [Display(Name = "理由")]
    public string? Reasons { get; set; }
}

public sealed class AdditionInputValidator : AbstractValidator<AdditionInput>
{
    public AdditionInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Next.Title).NotEmpty().WithMessage(_ => localizer["次の期の施策名を入力してください。"]).MaximumLength(GuidelineMeasure.TitleMaxLength).OverridePropertyName("Next.Title");
        RuleFor(x => x.Next.AreaId).NotNull().WithMessage(_ => localizer["施策の分野を選んでください。"]).OverridePropertyName("Next.AreaId");
        RuleFor(x => x.Next.ClassificationId).NotNull().WithMessage(_ => localizer["施策の分類を選んでください。"]).OverridePropertyName("Next.ClassificationId");
        RuleFor(x => x.Next.Description).MaximumLength(GuidelineMeasure.DescriptionMaxLength).OverridePropertyName("Next.Description");
        RuleFor(x => x.Reasons).MaximumLength(MeasureReview.TextMaxLength);
    }
}
