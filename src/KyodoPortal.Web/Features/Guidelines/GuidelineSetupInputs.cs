using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Guidelines;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>A new guideline: its title.</summary>
public sealed class GuidelineInput
{
    [Display(Name = "指針の名称")]
    public string? Title { get; set; }
}

public sealed class GuidelineInputValidator : AbstractValidator<GuidelineInput>
{
    public GuidelineInputValidator() => RuleFor(x => x.Title).NotEmpty().MaximumLength(Guideline.TitleMaxLength);
}

/// <summary>A new period: the fiscal years it covers.</summary>
public sealed class PeriodInput
{
    [Display(Name = "初年度")]
    public int? FirstFiscalYear { get; set; }

    [Display(Name = "最終年度")]
    public int? LastFiscalYear { get; set; }
}

public sealed class PeriodInputValidator : AbstractValidator<PeriodInput>
{
    public PeriodInputValidator()
    {
        RuleFor(x => x.FirstFiscalYear).NotNull().InclusiveBetween(1990, 2100);
        RuleFor(x => x.LastFiscalYear).NotNull().InclusiveBetween(1990, 2100);
    }
}

/// <summary>策定: the day the period was adopted.</summary>
public sealed class AdoptInput
{
    [Display(Name = "策定日")]
    public DateOnly? AdoptedOn { get; set; }
}

public sealed class AdoptInputValidator : AbstractValidator<AdoptInput>
{
    public AdoptInputValidator() => RuleFor(x => x.AdoptedOn).NotNull();
}

/// <summary>The deadline of one fiscal year's progress records.</summary>
public sealed class DeadlineInput
{
    [Display(Name = "年度")]
    public int? FiscalYear { get; set; }

    [Display(Name = "提出期限")]
    public DateOnly? DueOn { get; set; }
}

public sealed class DeadlineInputValidator : AbstractValidator<DeadlineInput>
{
    public DeadlineInputValidator()
    {
        RuleFor(x => x.FiscalYear).NotNull();
        RuleFor(x => x.DueOn).NotNull();
    }
}

/// <summary>A class of the scheme.</summary>
public sealed class ClassificationInput
{
    [Display(Name = "分類")]
    public string? Code { get; set; }

    [Display(Name = "説明")]
    public string? Description { get; set; }

    [Display(Name = "重点施策")]
    public bool IsPriority { get; set; }
}

public sealed class ClassificationInputValidator : AbstractValidator<ClassificationInput>
{
    public ClassificationInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(GuidelineClassification.CodeMaxLength);
        RuleFor(x => x.Description).NotEmpty().MaximumLength(GuidelineClassification.DescriptionMaxLength);
    }
}

/// <summary>An area (its title and, without sub-areas, the line under it) or a sub-area (title only).</summary>
public sealed class AreaInput
{
    [Display(Name = "分野")]
    public int? AreaId { get; set; }

    [Display(Name = "名称")]
    public string? Title { get; set; }

    [Display(Name = "見出し")]
    public string? Heading { get; set; }
}

public sealed class AreaInputValidator : AbstractValidator<AreaInput>
{
    public AreaInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(GuidelineArea.TitleMaxLength);
        RuleFor(x => x.Heading).MaximumLength(GuidelineArea.TitleMaxLength);
    }
}
