using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Guidelines;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>What the measure form binds: the measure's text (<see cref="MeasureTextInput"/>), its departments and version.</summary>
public sealed class MeasureInput : MeasureTextInput
{
    [Display(Name = "担当課")]
    public List<int> DepartmentIds { get; set; } = [];

    public int Version { get; set; }

    /// <summary>The draft with the guideline's parts the ids name (null for an id not in it: the domain refuses with the reason).</summary>
    public MeasureDraft ToDraft(Guideline guideline) => ToDraft(guideline, DepartmentIds);

    public static MeasureInput From(GuidelineMeasure measure) => new()
    {
        Title = measure.Title,
        Description = measure.Description,
        AreaId = measure.AreaId,
        SubAreaId = measure.SubAreaId,
        ClassificationId = measure.ClassificationId,
        IsPriority = measure.IsPriority,
        DepartmentIds = [.. measure.Departments.Select(d => d.DepartmentId)],
        Version = measure.Version,
    };
}

public sealed class MeasureInputValidator : AbstractValidator<MeasureInput>
{
    public MeasureInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(GuidelineMeasure.TitleMaxLength);
        RuleFor(x => x.Description).MaximumLength(GuidelineMeasure.DescriptionMaxLength);
        RuleFor(x => x.AreaId).NotNull().WithMessage(_ => localizer["施策の分野を選んでください。"]);
        RuleFor(x => x.ClassificationId).NotNull().WithMessage(_ => localizer["施策の分類を選んでください。"]);
        RuleFor(x => x.DepartmentIds).NotEmpty().WithMessage(_ => localizer["担当課を一つ以上選んでください。"]);
    }
}

/// <summary>What the progress form binds: one fiscal year of a measure.</summary>
public sealed class ProgressInput
{
    [Display(Name = "進捗状況")]
    public MeasureProgressStatus? Status { get; set; }

    [Display(Name = "取組内容")]
    public string? Done { get; set; }

    [Display(Name = "実績")]
    public string? Figures { get; set; }

    [Display(Name = "実績値（数値）")]
    public decimal? FigureValue { get; set; }

    [Display(Name = "効果")]
    public MeasureEffectiveness? Effectiveness { get; set; }

    [Display(Name = "効果の理由")]
    public string? EffectivenessReasons { get; set; }

    public int Version { get; set; } = Infrastructure.Forms.FormCommands.NotYetCreated;

    /// <summary>Call only after validation passed.</summary>
    public ProgressEntry ToEntry() => new(Status!.Value, Done, Figures, FigureValue, Effectiveness, EffectivenessReasons);

    public static ProgressInput From(MeasureProgress progress) => new()
    {
        Status = progress.Status,
        Done = progress.Done,
        Figures = progress.Figures,
        FigureValue = progress.FigureValue,
        Effectiveness = progress.Effectiveness,
        EffectivenessReasons = progress.EffectivenessReasons,
        Version = progress.Version,
    };
}

public sealed class ProgressInputValidator : AbstractValidator<ProgressInput>
{
    public ProgressInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Status).NotNull().IsInEnum();
        RuleFor(x => x.Effectiveness).IsInEnum();
        RuleFor(x => x.Done).MaximumLength(MeasureProgress.TextMaxLength);
        RuleFor(x => x.Figures).MaximumLength(MeasureProgress.FiguresMaxLength);
        RuleFor(x => x.FigureValue).InclusiveBetween(-1_000_000_000_000m, 1_000_000_000_000m);
        RuleFor(x => x.EffectivenessReasons).MaximumLength(MeasureProgress.TextMaxLength);
        RuleFor(x => x.EffectivenessReasons).NotEmpty().When(x => x.Effectiveness is not null)
            .WithMessage(_ => localizer["効果の理由を入力してください。"]);
    }
}

/// <summary>The coordinator's return: the reason is required.</summary>
public sealed class ReturnInput
{
    [Display(Name = "差し戻す理由")]
    public string? Reason { get; set; }

    public int Version { get; set; }
}

public sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(MeasureProgress.ReasonMaxLength);
    }
}
