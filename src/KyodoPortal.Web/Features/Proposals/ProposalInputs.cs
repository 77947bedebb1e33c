using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Proposals;

/// <summary>A section form that carries the proposal's version (optimistic concurrency).</summary>
public interface IVersionedInput
{
    int Version { get; set; }
}

public sealed class NewProposalInput
{
    [Display(Name = "事業名")]
    public string? Title { get; set; }

    [Display(Name = "提案団体")]
    public int? ProposingGroupId { get; set; }

    [Display(Name = "協働する担当課")]
    public int? PartnerDepartmentId { get; set; }
}

public sealed class NewProposalInputValidator : AbstractValidator<NewProposalInput>
{
    public NewProposalInputValidator() => RuleFor(x => x.Title).NotEmpty().MaximumLength(Proposal.TitleMaxLength);
}

public sealed class OverviewInput : IVersionedInput
{
    [Display(Name = "事業名")]
    public string? Title { get; set; }

    [Display(Name = "協働する担当課")]
    public int? PartnerDepartmentId { get; set; }

    [Display(Name = "提案団体")]
    public int? ProposingGroupId { get; set; }

    [Display(Name = "背景・地域の課題")]
    public string? Background { get; set; }

    [Display(Name = "事業の目的")]
    public string? Purpose { get; set; }

    [Display(Name = "対象者・受益者")]
    public string? Beneficiaries { get; set; }

    [Display(Name = "開始年度")]
    public int? StartFiscalYear { get; set; }

    [Display(Name = "実施期間（年度数）")]
    public int? TermYears { get; set; }

    public int Version { get; set; }

    public static OverviewInput From(Proposal p) => new()
    {
        Title = p.Title,
        PartnerDepartmentId = p.PartnerDepartmentId,
        ProposingGroupId = p.ProposingGroupId,
        Background = p.Background,
        Purpose = p.Purpose,
        Beneficiaries = p.Beneficiaries,
        StartFiscalYear = p.StartFiscalYear,
        TermYears = p.TermYears,
        Version = p.Version,
    };
}

public sealed class OverviewInputValidator : AbstractValidator<OverviewInput>
{
    public OverviewInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Proposal.TitleMaxLength);
        RuleFor(x => x.Background).MaximumLength(Proposal.BackgroundMaxLength);
        RuleFor(x => x.Purpose).MaximumLength(Proposal.PurposeMaxLength);
        RuleFor(x => x.Beneficiaries).MaximumLength(Proposal.BeneficiariesMaxLength);
        RuleFor(x => x.StartFiscalYear).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(x => x.TermYears).NotNull().InclusiveBetween(Call.MinTermYears, Call.MaxTermYearsLimit);
    }
}

/// <summary>Activities, schedule and role split: the plan of the project, one form.</summary>
public sealed class PlanInput : IVersionedInput
{
    public List<ActivityRow> Activities { get; set; } = [];

    public List<ScheduleRow> Schedule { get; set; } = [];

    public List<RoleRow> Roles { get; set; } = [];

    public int Version { get; set; }
}

public sealed class ActivityRow
{
    [Display(Name = "活動名")]
    public string? Name { get; set; }

    [Display(Name = "年間回数")]
    public int? TimesPerYear { get; set; }

    [Display(Name = "1回の定員")]
    public int? CapacityPerTime { get; set; }

    [Display(Name = "内容")]
    public string? Description { get; set; }

    internal bool IsBlank => string.IsNullOrWhiteSpace(Name) && TimesPerYear is null && CapacityPerTime is null && string.IsNullOrWhiteSpace(Description);
}

public sealed class ScheduleRow
{
    public int FiscalYear { get; set; }

    [Display(Name = "この年度に行うこと")]
    public string? Description { get; set; }
}

public sealed class RoleRow
{
    [Display(Name = "項目")]
    public string? Task { get; set; }

    [Display(Name = "団体の役割")]
    public string? GroupRole { get; set; }

    [Display(Name = "市の役割")]
    public string? CityRole { get; set; }

    internal bool IsBlank => string.IsNullOrWhiteSpace(Task) && string.IsNullOrWhiteSpace(GroupRole) && string.IsNullOrWhiteSpace(CityRole);
}

public sealed class PlanInputValidator : AbstractValidator<PlanInput>
{
    public PlanInputValidator()
    {
        RuleFor(x => x.Activities).Must(r => r.Count(a => !a.IsBlank) <= 50);
        RuleFor(x => x.Roles).Must(r => r.Count(a => !a.IsBlank) <= 50);
        RuleForEach(x => x.Activities).ChildRules(row =>
        {
            row.RuleFor(r => r.Name).NotEmpty().MaximumLength(ProposalActivity.NameMaxLength).When(r => !r.IsBlank);
            row.RuleFor(r => r.TimesPerYear).NotNull().InclusiveBetween(0, 10_000).When(r => !r.IsBlank);
            row.RuleFor(r => r.CapacityPerTime).NotNull().InclusiveBetween(0, 1_000_000).When(r => !r.IsBlank);
            row.RuleFor(r => r.Description).MaximumLength(ProposalActivity.DescriptionMaxLength);
        });
        RuleForEach(x => x.Schedule).ChildRules(row => row.RuleFor(r => r.Description).MaximumLength(ProposalScheduleItem.DescriptionMaxLength));
        RuleForEach(x => x.Roles).ChildRules(row =>
        {
            row.RuleFor(r => r.Task).NotEmpty().MaximumLength(ProposalRoleSplit.TaskMaxLength).When(r => !r.IsBlank);
            row.RuleFor(r => r.GroupRole).MaximumLength(ProposalRoleSplit.RoleMaxLength);
            row.RuleFor(r => r.CityRole).MaximumLength(ProposalRoleSplit.RoleMaxLength);
        });
    }
}

public sealed class BudgetInput : IVersionedInput
{
    public List<BudgetRow> Lines { get; set; } = [];

    public int Version { get; set; }
}

public sealed class BudgetRow
{
    [Display(Name = "年度")]
    public int? FiscalYear { get; set; }

    [Display(Name = "費目")]
    public BudgetCategory? Category { get; set; }

    [Display(Name = "内訳")]
    public string? Item { get; set; }

    [Display(Name = "金額")]
    public long? Amount { get; set; }

    [Display(Name = "単価")]
    public long? UnitPrice { get; set; }

    [Display(Name = "数量・人数")]
    public long? Quantity { get; set; }

    internal bool IsBlank => Category is null && string.IsNullOrWhiteSpace(Item) && Amount is null && UnitPrice is null && Quantity is null;
}

public sealed class BudgetInputValidator : AbstractValidator<BudgetInput>
{
    public BudgetInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Lines).Must(r => r.Count(l => !l.IsBlank) <= 200);
        RuleForEach(x => x.Lines).ChildRules(row =>
        {
            row.RuleFor(r => r.FiscalYear).NotNull().When(r => !r.IsBlank);
            row.RuleFor(r => r.Category).NotNull().IsInEnum().When(r => !r.IsBlank);
            row.RuleFor(r => r.Item).MaximumLength(BudgetLine.ItemMaxLength);
            row.RuleFor(r => r.Item).NotEmpty().When(r => r.Category == BudgetCategory.OtherIncome)
                .WithMessage(_ => localizer["その他収入には内容を書いてください。"]);
            row.RuleFor(r => r.Amount).InclusiveBetween(0, BudgetLine.MaxAmount);
            row.RuleFor(r => r.UnitPrice).InclusiveBetween(0, BudgetLine.MaxAmount);
            row.RuleFor(r => r.Quantity).InclusiveBetween(0, BudgetLine.MaxAmount);
            row.RuleFor(r => r.UnitPrice).NotNull().When(r => r.Category == BudgetCategory.ParticipantFees)
                .WithMessage(_ => localizer["参加費は単価と人数で入力してください。"]);
            row.RuleFor(r => r.Quantity).NotNull().When(r => r.Category == BudgetCategory.ParticipantFees)
                .WithMessage(_ => localizer["参加費は単価と人数で入力してください。"]);
            row.RuleFor(r => r.Amount).NotNull().When(r => !r.IsBlank && r.Category != BudgetCategory.ParticipantFees && (r.UnitPrice is null || r.Quantity is null))
                .WithMessage(_ => localizer["金額（または単価と数量）を入力してください。"]);
            row.RuleFor(r => r.Amount)
                .Must((r, amount) => (decimal)r.UnitPrice!.Value * r.Quantity!.Value == amount)
                .When(r => r.Amount is not null && r.UnitPrice is not null && r.Quantity is not null)
                .WithMessage(_ => localizer["金額が単価×数量と一致しません。どちらかを空欄にしてください。"]);
        });
    }
}

public sealed class KpiInput : IVersionedInput
{
    public List<KpiRow> Kpis { get; set; } = [];

    public int Version { get; set; }
}

public sealed class KpiRow
{
    [Display(Name = "指標名")]
    public string? Name { get; set; }

    [Display(Name = "種類")]
    public KpiKind? Kind { get; set; }

    [Display(Name = "単位")]
    public string? Unit { get; set; }

    [Display(Name = "測り方")]
    public string? MeasurementMethod { get; set; }

    public List<KpiTargetRow> Targets { get; set; } = [];

    internal bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(MeasurementMethod)
        && Targets.TrueForAll(t => t.Value is null && string.IsNullOrWhiteSpace(t.Text));
}

public sealed class KpiTargetRow
{
    public int FiscalYear { get; set; }

    [Display(Name = "目標値")]
    public long? Value { get; set; }

    [Display(Name = "目標（文章）")]
    public string? Text { get; set; }
}

public sealed class KpiInputValidator : AbstractValidator<KpiInput>
{
    public KpiInputValidator()
    {
        RuleFor(x => x.Kpis).Must(r => r.Count(k => !k.IsBlank) <= 30);
        RuleForEach(x => x.Kpis).ChildRules(row =>
        {
            row.RuleFor(r => r.Name).NotEmpty().MaximumLength(Kpi.NameMaxLength).When(r => !r.IsBlank);
            row.RuleFor(r => r.Kind).NotNull().IsInEnum().When(r => !r.IsBlank);
            row.RuleFor(r => r.Unit).MaximumLength(Kpi.UnitMaxLength);
            row.RuleFor(r => r.MeasurementMethod).MaximumLength(Kpi.MeasurementMethodMaxLength);
            row.RuleForEach(r => r.Targets).ChildRules(target =>
            {
                target.RuleFor(t => t.Value).InclusiveBetween(0, 999_999_999_999);
                target.RuleFor(t => t.Text).MaximumLength(KpiTarget.TargetTextMaxLength);
            });
        });
    }
}

/// <summary>A transition's optional or required comment (return, withdraw, resubmit).</summary>
public sealed class TransitionInput
{
    [Display(Name = "コメント")]
    public string? Comment { get; set; }
}

public sealed class TransitionInputValidator : AbstractValidator<TransitionInput>
{
    public TransitionInputValidator() => RuleFor(x => x.Comment).MaximumLength(ProposalStatusChange.CommentMaxLength);
}
