using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.AnnualReports;

/// <summary>The whole report as the group edits it: the text sections, the KPI actuals and the budget actuals, one form.</summary>
public sealed class AnnualReportInput
{
    [Display(Name = "実施内容の概要")]
    public string? Summary { get; set; }

    [Display(Name = "定性的な成果・事例")]
    public string? Outcomes { get; set; }

    [Display(Name = "課題・反省点")]
    public string? Problems { get; set; }

    [Display(Name = "次年度の計画")]
    public string? NextYearPlan { get; set; }

    [Display(Name = "広報の実施状況")]
    public string? PublicRelations { get; set; }

    public List<KpiActualRow> Kpis { get; set; } = [];

    public List<BudgetActualRow> Budget { get; set; } = [];

    public int Version { get; set; }

    public AnnualReportSections ToSections() => new(Summary, Outcomes, Problems, NextYearPlan, PublicRelations);
}

public sealed class KpiActualRow
{
    /// <summary>True for a KPI of the current plan (its name is fixed); false for one only the report has.</summary>
    public bool Planned { get; set; }

    [Display(Name = "成果指標")]
    public string? KpiName { get; set; }

    [Display(Name = "実績値")]
    public decimal? ActualValue { get; set; }

    [Display(Name = "実績（文章）")]
    public string? ActualText { get; set; }

    [Display(Name = "根拠資料")]
    public string? Evidence { get; set; }

    [Display(Name = "コメント")]
    public string? Comment { get; set; }

    internal bool IsBlank => ActualValue is null && string.IsNullOrWhiteSpace(ActualText) && string.IsNullOrWhiteSpace(Evidence) && string.IsNullOrWhiteSpace(Comment)
        && (Planned || string.IsNullOrWhiteSpace(KpiName));

    internal KpiActualDraft ToDraft() => new(KpiName!.Trim(), ActualValue, ActualText, Evidence, Comment);
}

public sealed class BudgetActualRow
{
    /// <summary>True for a heading of the year's plan (category and item fixed).</summary>
    public bool Planned { get; set; }

    [Display(Name = "費目")]
    public BudgetCategory? Category { get; set; }

    [Display(Name = "内訳")]
    public string? Item { get; set; }

    [Display(Name = "決算額")]
    public long? ActualAmount { get; set; }

    [Display(Name = "備考")]
    public string? Note { get; set; }

    internal bool IsBlank => ActualAmount is null && string.IsNullOrWhiteSpace(Note)
        && (Planned || (Category is null && string.IsNullOrWhiteSpace(Item)));

    internal BudgetActualDraft ToDraft() => new(Category!.Value, Item, ActualAmount!.Value, Note);
}

public sealed class AnnualReportInputValidator : AbstractValidator<AnnualReportInput>
{
    public AnnualReportInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Summary).MaximumLength(AnnualReport.SectionMaxLength);
        RuleFor(x => x.Outcomes).MaximumLength(AnnualReport.SectionMaxLength);
        RuleFor(x => x.Problems).MaximumLength(AnnualReport.SectionMaxLength);
        RuleFor(x => x.NextYearPlan).MaximumLength(AnnualReport.SectionMaxLength);
        RuleFor(x => x.PublicRelations).MaximumLength(AnnualReport.SectionMaxLength);
        RuleFor(x => x.Kpis).Must(rows => rows.Count(r => !r.IsBlank) <= 50);
        RuleFor(x => x.Budget).Must(rows => rows.Count(r => !r.IsBlank) <= 200);
        RuleForEach(x => x.Kpis).ChildRules(row =>
        {
            row.RuleFor(r => r.KpiName).NotEmpty().MaximumLength(Kpi.NameMaxLength).When(r => !r.IsBlank);
            row.RuleFor(r => r.ActualValue).InclusiveBetween(0m, 999_999_999_999.99m)
                .Must(value => value is null || decimal.Round(value.Value, KpiActual.ActualValueScale) == value)
                .WithMessage(_ => localizer["実績値は0以上、小数点以下2桁までで入力してください。"]);
            row.RuleFor(r => r.ActualText).MaximumLength(KpiActual.ActualTextMaxLength);
            row.RuleFor(r => r.Evidence).MaximumLength(KpiActual.EvidenceMaxLength);
            row.RuleFor(r => r.Comment).MaximumLength(KpiActual.CommentMaxLength);
        });
        RuleForEach(x => x.Budget).ChildRules(row =>
        {
            row.RuleFor(r => r.Category).NotNull().IsInEnum().When(r => !r.IsBlank);
            row.RuleFor(r => r.Item).MaximumLength(BudgetLine.ItemMaxLength);
            row.RuleFor(r => r.Item).NotEmpty().When(r => !r.IsBlank && r.Category == BudgetCategory.OtherIncome)
                .WithMessage(_ => localizer["その他収入には内容を書いてください。"]);
            row.RuleFor(r => r.ActualAmount).NotNull().When(r => !r.IsBlank)
                .WithMessage(_ => localizer["決算額を入力してください（使わなかった場合は0）。"]);
            row.RuleFor(r => r.ActualAmount).InclusiveBetween(0, BudgetLine.MaxAmount);
            row.RuleFor(r => r.Note).MaximumLength(BudgetActual.NoteMaxLength);
        });
    }
}

/// <summary>A transition's comment: required to return, optional to accept or resubmit.</summary>
public sealed class ReportTransitionInput
{
    [Display(Name = "コメント")]
    public string? Comment { get; set; }

    public int Version { get; set; }
}

public sealed class ReportTransitionInputValidator : AbstractValidator<ReportTransitionInput>
{
    public ReportTransitionInputValidator() => RuleFor(x => x.Comment).MaximumLength(AnnualReportStatusChange.CommentMaxLength);
}

/// <summary>The department's comment and rating.</summary>
public sealed class DepartmentCommentInput
{
    [Display(Name = "担当課のコメント")]
    public string? Comment { get; set; }

    [Display(Name = "評価")]
    public DepartmentRating? Rating { get; set; }

    public int Version { get; set; }
}

public sealed class DepartmentCommentInputValidator : AbstractValidator<DepartmentCommentInput>
{
    public DepartmentCommentInputValidator()
    {
        RuleFor(x => x.Comment).MaximumLength(AnnualReport.DepartmentCommentMaxLength);
        RuleFor(x => x.Rating).IsInEnum();
    }
}

/// <summary>Why an accepted report is corrected.</summary>
public sealed class CorrectionInput
{
    [Display(Name = "訂正の理由")]
    public string? Reason { get; set; }
}

public sealed class CorrectionInputValidator : AbstractValidator<CorrectionInput>
{
    public CorrectionInputValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(AnnualReport.CorrectionReasonMaxLength);
}
