using System.Reflection;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Domain.Builders;

/// <summary>
/// The seed-000 project through the real steps: the selected proposal (令和7–8年度, city 300,000円
/// + 参加費 1,000円 × 120人 a year), its project, the agreement signed on 令和7年3月25日 (→ 実施中)
/// and the baseline plan. Times are UTC; the first fiscal year is FY2025 (令和7年度).
/// </summary>
internal static class ProjectBuilder
{
    public const int FirstYear = ProposalBuilder.CallFiscalYear;
    public const int SecondYear = FirstYear + 1;
    public const int LecturerGroupId = 8;
    public const string GroupName = "かまくら主婦'sネットワーク";
    public const string DepartmentName = "商工課";
    public const string LecturerGroupName = "講師の団体";
    public const string GroupUser = ProposalBuilder.ProposerUserId;
    public const string DepartmentUser = "department-staff-1";
    public const string CoordinatorUser = ProposalBuilder.CoordinatorUserId;

    public static readonly DateTime ProjectCreatedAt = new(2025, 1, 9, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly SignedOn = new(2025, 3, 25);
    public static readonly DateTime SignedAt = new(2025, 3, 25, 3, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime DuringFirstYear = new(2025, 5, 20, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime LaterInFirstYear = new(2025, 6, 2, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime AfterFirstYear = new(2026, 4, 10, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>A selected proposal and its call (maximum term 3 years unless told).</summary>
    public static (Call Call, Proposal Proposal) SelectedProposal(int maxTermYears = 3)
    {
        var call = new ProposalBuilder().WithMaxTermYears(maxTermYears).BuildCall();
        return (call, ProposalBuilder.InState(call, ProposalStatus.Selected));
    }

    /// <summary>The project of the selected proposal, still 協定準備中.</summary>
    public static Project PreparingProject(out Proposal proposal, out Call call)
    {
        (call, proposal) = SelectedProposal();
        return Project.FromSelectedProposal(proposal, call, ProjectCreatedAt);
    }

    /// <summary>The project with the agreement pre-filled from the proposal and signed: 実施中, 令和7–8年度.</summary>
    public static Project InProgressProject(out Proposal proposal)
    {
        var project = PreparingProject(out proposal, out var call);
        project.DraftAgreement(AgreementDraft.FromProposal(proposal, GroupName, DepartmentName), call.MaxTermYears, ProjectCreatedAt);
        project.SignAgreement(SignedOn, CoordinatorUser, SignedAt);
        return project;
    }

    /// <summary>An in-progress project with its baseline plan (当初計画).</summary>
    public static (Project Project, ProjectPlan Baseline) InProgressWithBaseline()
    {
        var project = InProgressProject(out var proposal);
        return (project, ProjectPlan.Baseline(project, proposal, SignedAt));
    }

    /// <summary><paramref name="plan"/> with the seminars of <paramref name="fiscalYear"/> free (<see cref="Recipes.FreeSeminars(PlanContent, int)"/>).</summary>
    public static PlanContent FreeSeminars(PlanContent plan, int fiscalYear = FirstYear) => Recipes.FreeSeminars(plan, fiscalYear);

    public static PlanContent ChangeBudget(PlanContent plan, Func<BudgetLineDraft, BudgetLineDraft> change) => Recipes.ChangeBudget(plan, change);

    /// <summary>A change request for free seminars, approved by both the department and the coordinator.</summary>
    public static ChangeRequest ApprovedFreeSeminars(Project project, ProjectPlan current)
    {
        var request = ChangeRequest.Submit(project, current, FreeSeminars(current.Content), Recipes.FreeSeminarsReason, ChangeRequestParty.Department, DepartmentUser, DuringFirstYear);
        request.ApproveAsDepartment(current, DepartmentUser, DuringFirstYear);
        request.ApproveAsCoordinator(current, CoordinatorUser, LaterInFirstYear);
        return request;
    }

    /// <summary>Sets the id the database would assign, for tests about mismatched aggregates.</summary>
    public static T WithId<T>(T entity, int id)
        where T : class
    {
        typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, id);
        return entity;
    }
}
