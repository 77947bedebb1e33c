using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Projects;

namespace KyodoPortal.Web.Features.Continuation;

/// <summary>What the continuation decision form binds.</summary>
public sealed class ContinuationDecisionInput
{
    [Display(Name = "決定")]
    public ContinuationOutcome? Outcome { get; set; }

    [Display(Name = "延長する年数")]
    public int? ExtendByYears { get; set; }

    [Display(Name = "決定の理由")]
    public string? Reasons { get; set; }

    [Display(Name = "上限を超える特例とする")]
    public bool Exception { get; set; }

    [Display(Name = "特例の理由")]
    public string? ExceptionReason { get; set; }

    [Display(Name = "決定日")]
    public DateOnly? DecidedOn { get; set; }

    public int Version { get; set; }

    /// <summary>The draft for the domain; call only after validation passed.</summary>
    public ContinuationDecisionDraft ToDraft() =>
        new(Outcome!.Value, Outcome == ContinuationOutcome.Extend ? ExtendByYears : null, Reasons, Exception, Exception ? ExceptionReason : null, DecidedOn);
}

public sealed class ContinuationDecisionInputValidator : AbstractValidator<ContinuationDecisionInput>
{
    public ContinuationDecisionInputValidator()
    {
        RuleFor(x => x.Outcome).NotNull().IsInEnum();
        RuleFor(x => x.ExtendByYears).NotNull().InclusiveBetween(1, ContinuationDecision.MaxExtensionYears).When(x => x.Outcome == ContinuationOutcome.Extend);
        RuleFor(x => x.Reasons).NotEmpty().MaximumLength(ContinuationDecision.ReasonsMaxLength);
        RuleFor(x => x.ExceptionReason).NotEmpty().When(x => x.Exception).MaximumLength(ContinuationDecision.ExceptionReasonMaxLength);
        RuleFor(x => x.DecidedOn).NotNull();
    }
}

/// <summary>What the closing form binds.</summary>
public sealed class ProjectClosureInput
{
    [Display(Name = "成果の区分")]
    public ProjectOutcome? Outcome { get; set; }

    [Display(Name = "最終的な成果のまとめ")]
    public string? Summary { get; set; }

    [Display(Name = "教訓")]
    public string? Lessons { get; set; }

    [Display(Name = "終了日")]
    public DateOnly? ClosedOn { get; set; }

    [Display(Name = "途中終了の理由")]
    public string? EarlyEndReason { get; set; }

    public int Version { get; set; }

    /// <summary>The draft for the domain; call only after validation passed.</summary>
    public ProjectClosureDraft ToDraft() => new(Outcome!.Value, Summary, Lessons, ClosedOn!.Value, EarlyEndReason);
}

public sealed class ProjectClosureInputValidator : AbstractValidator<ProjectClosureInput>
{
    public ProjectClosureInputValidator()
    {
        RuleFor(x => x.Outcome).NotNull().IsInEnum();
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(ProjectClosure.SummaryMaxLength);
        RuleFor(x => x.Lessons).NotEmpty().MaximumLength(ProjectClosure.LessonsMaxLength);
        RuleFor(x => x.ClosedOn).NotNull();
        RuleFor(x => x.EarlyEndReason).NotEmpty().When(x => x.Outcome == ProjectOutcome.EndedEarly).MaximumLength(ProjectClosure.EarlyEndReasonMaxLength);
    }
}
