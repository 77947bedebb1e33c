using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Features.Agreements;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.Proposals;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.ChangeRequests;

/// <summary>
/// 計画変更の申請: the whole plan as editable rows — the proposal's own section inputs and their
/// rules (activities, budget lines, KPIs), the role split with a column per party as in the
/// agreement's form — and the reason for the change.
/// </summary>
public sealed class ChangeRequestInput
{
    /// <summary>Activities (the proposal's schedule rows and its two-column role split are not part of a plan).</summary>
    public PlanInput Plan { get; set; } = new();

    /// <summary>役割分担: a role per party of the agreement, in party order (the agreement form's rows).</summary>
    public List<AgreementRoleRow> Roles { get; set; } = [];

    public BudgetInput Budget { get; set; } = new();

    public KpiInput Kpis { get; set; } = new();

    [Display(Name = "変更の理由")]
    public string? Reason { get; set; }

    /// <summary>The plan version the form was opened on; a request is refused when the plan changed since.</summary>
    public int BasePlanNumber { get; set; }

    /// <summary>The current plan as the form's rows, with spare rows to add to.</summary>
    public static ChangeRequestInput From(ProjectPlan plan, IReadOnlyList<int> years)
    {
        var drafts = plan.Content.ToDrafts();
        return Pad(
            new ChangeRequestInput
            {
                Plan = new PlanInput
                {
                    Activities = [.. drafts.Activities.Select(a => new ActivityRow { Name = a.Name, TimesPerYear = a.TimesPerYear, CapacityPerTime = a.CapacityPerTime, Description = a.Description })],
                },
                Roles = [.. drafts.RoleSplits.Select(r => new AgreementRoleRow { Task = r.Task, PartyRoles = [.. r.PartyRoles] })],
                Budget = new BudgetInput
                {
                    Lines = [.. drafts.BudgetLines.Select(l => new BudgetRow { FiscalYear = l.FiscalYear, Category = l.Category, Item = l.Item, Amount = l.Amount, UnitPrice = l.UnitPrice, Quantity = l.Quantity })],
                },
                Kpis = new KpiInput
                {
                    Kpis = [.. drafts.Kpis.Select(k => new KpiRow
                    {
                        Name = k.Name,
                        Kind = k.Kind,
                        Unit = k.Unit,
                        MeasurementMethod = k.MeasurementMethod,
                        Targets = [.. k.Targets.Select(t => new KpiTargetRow { FiscalYear = t.FiscalYear, Value = t.TargetValue, Text = t.TargetText })],
                    })],
                },
                BasePlanNumber = plan.Number,
            },
            years);
    }

    /// <summary>The proposal forms' padding: blank rows dropped, spare rows added, one KPI target per year of the term.</summary>
    public static ChangeRequestInput Pad(ChangeRequestInput input, IReadOnlyList<int> years)
    {
        ProposalForms.Pad(input.Plan, years);
        input.Plan.Roles.Clear();
        ProposalForms.Pad(input.Budget);
        ProposalForms.Pad(input.Kpis, years);
        input.Roles.RemoveAll(r => r.IsBlank);
        input.Roles.AddRange(Enumerable.Range(0, ProposalForms.SpareRoleRows).Select(_ => new AgreementRoleRow()));
        return input;
    }

    /// <summary>The rows as drafts for <see cref="PlanContent.Create(PlanDrafts)"/>; blank rows left out.</summary>
    public PlanDrafts ToDrafts() => new(
        [.. Plan.Activities.ToDrafts()],
        [.. Budget.Lines.ToDrafts()],
        [.. Kpis.Kpis.ToDrafts()],
        [.. Roles.Where(r => !r.IsBlank).Select(r => new AgreementRoleSplitDraft(r.Task?.Trim() ?? string.Empty, [.. r.PartyRoles]))]);
}

public sealed class ChangeRequestInputValidator : AbstractValidator<ChangeRequestInput>
{
    public ChangeRequestInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.Plan).SetValidator(new PlanInputValidator());
        RuleFor(x => x.Roles).Must(r => r.Count(a => !a.IsBlank) <= 50);
        RuleForEach(x => x.Roles).SetValidator(new PartyRoleRowValidator());
        RuleFor(x => x.Budget).SetValidator(new BudgetInputValidator(localizer));
        RuleFor(x => x.Kpis).SetValidator(new KpiInputValidator());
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ChangeRequest.ReasonMaxLength);
    }
}

/// <summary>Approve, reject (with the reason) or withdraw: the comment and the request's version.</summary>
public sealed class ChangeRequestDecisionInput
{
    [Display(Name = "却下の理由")]
    public string? Comment { get; set; }

    public int Version { get; set; }
}

public sealed class ChangeRequestDecisionInputValidator : AbstractValidator<ChangeRequestDecisionInput>
{
    public ChangeRequestDecisionInputValidator() => RuleFor(x => x.Comment).MaximumLength(ChangeRequest.CommentMaxLength);
}

/// <summary>The change-request form: the project, the plan it starts from, the input and the term's years.</summary>
public sealed record ChangeRequestFormViewModel(Project Project, int CurrentPlanNumber, ChangeRequestInput Input, IReadOnlyList<int> Years);

/// <summary>A change request's page.</summary>
public sealed record ChangeRequestPageViewModel(
    Project Project,
    ChangeRequest Request,
    int Number,
    IReadOnlyList<PlanChange> Changes,
    ProjectSide Side,
    int? CurrentPlanNumber,
    int? ResultingPlanNumber,
    IReadOnlyDictionary<string, string> UserNames)
{
    /// <summary>Open, but the plan changed since it was made: it can no longer be approved.</summary>
    public bool IsStale => Request.IsOpen && CurrentPlanNumber != Request.BasePlanNumber;

    public bool CanApprove => Request.IsOpen && !IsStale && Side switch
    {
        ProjectSide.Department => !Request.IsApprovedByDepartment,
        ProjectSide.Office => !Request.IsApprovedByCoordinator,
        _ => false,
    };

    public bool CanReject => Request.IsOpen && Side is ProjectSide.Department or ProjectSide.Office;

    public bool CanWithdraw => Request.IsOpen && Side switch
    {
        ProjectSide.Group => Request.RequestedBy == ChangeRequestParty.Group,
        ProjectSide.Department => Request.RequestedBy == ChangeRequestParty.Department,
        _ => false,
    };

    public string NameOf(string? userId) => userId is not null && UserNames.TryGetValue(userId, out var name) ? name : "—";
}
