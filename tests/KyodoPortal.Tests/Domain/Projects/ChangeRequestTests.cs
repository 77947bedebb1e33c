using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Projects;

public class ChangeRequestTests
{
    private const string Reason = Recipes.FreeSeminarsReason;

    [Fact]
    public void A_change_request_is_made_against_the_current_plan_with_a_reason()
    {
        var (project, baseline) = InProgressWithBaseline();
        var proposed = FreeSeminars(baseline.Content);

        var request = ChangeRequest.Submit(project, baseline, proposed, $"  {Reason}  ", ChangeRequestParty.Department, DepartmentUser, DuringFirstYear);

        Assert.Equal(ChangeRequestStatus.Submitted, request.Status);
        Assert.True(request.IsOpen);
        Assert.Equal(1, request.BasePlanNumber);
        Assert.Equal(project.Id, request.ProjectId);
        Assert.Equal(Reason, request.Reason);
        Assert.Equal(ChangeRequestParty.Department, request.RequestedBy);
        Assert.Equal(DepartmentUser, request.RequestedByUserId);
        Assert.Equal(DuringFirstYear, request.CreatedAtUtc);
        Assert.Null(request.DecidedAtUtc);
        Assert.NotSame(proposed, request.ProposedContent);
        Assert.Empty(PlanComparison.Between(proposed, request.ProposedContent));
        Assert.True(request.IsApplicableTo(baseline));
    }

    [Fact]
    public void Only_a_project_in_progress_can_change_its_plan()
    {
        var project = PreparingProject(out var proposal, out _);
        var baseline = ProjectPlan.Baseline(project, proposal, ProjectCreatedAt);

        var refused = Assert.Throws<DomainRuleException>(() =>
            ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear));

        Assert.Equal("「協定準備中」の協働事業では計画の変更を申請できません。協定の締結後に行ってください。", refused.Message);
    }

    [Fact]
    public void A_request_without_a_difference_is_refused()
    {
        var (project, baseline) = InProgressWithBaseline();

        var refused = Assert.Throws<DomainRuleException>(() =>
            ChangeRequest.Submit(project, baseline, PlanContent.Create(baseline.Content.ToDrafts()), Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear));

        Assert.Equal("変更内容がありません。", refused.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_request_needs_a_reason(string? reason)
    {
        var (project, baseline) = InProgressWithBaseline();

        var refused = Assert.Throws<DomainRuleException>(() =>
            ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), reason!, ChangeRequestParty.Group, GroupUser, DuringFirstYear));

        Assert.Equal("変更の理由を入力してください。", refused.Message);
    }

    [Fact]
    public void Dropping_the_fee_must_show_where_the_money_comes_from_instead()
    {
        var (project, baseline) = InProgressWithBaseline();
        var feeOnly = ChangeBudget(baseline.Content, line =>
            line.FiscalYear == FirstYear && line.Category == BudgetCategory.ParticipantFees ? line with { UnitPrice = 0 } : line);

        var refused = Assert.Throws<DomainRuleException>(() =>
            ChangeRequest.Submit(project, baseline, feeOnly, Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear));

        Assert.Equal("収入と支出の合計が一致していません（令和7年度: 収入 300,000円 / 支出 420,000円）。", refused.Message);
    }

    [Fact]
    public void A_plan_outside_the_project_term_is_refused()
    {
        var (project, baseline) = InProgressWithBaseline();
        var drafts = baseline.Content.ToDrafts();
        var beyond = PlanContent.Create(drafts with
        {
            BudgetLines = [.. drafts.BudgetLines, .. Recipes.Seed000BudgetYear(FirstYear + 2)],
            Kpis = [drafts.Kpis[0] with { Targets = [.. drafts.Kpis[0].Targets, new KpiTargetDraft(FirstYear + 2, 8)] }, drafts.Kpis[1]],
        });

        var refused = Assert.Throws<DomainRuleException>(() =>
            ChangeRequest.Submit(project, baseline, beyond, Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear));

        Assert.Equal(
            "事業期間（令和7年度〜令和8年度）外の年度に予算が入力されています（令和9年度）。\n"
                + "成果指標「就労者数」に事業期間（令和7年度〜令和8年度）外の年度の目標が入力されています（令和9年度）。\n"
                + "事業期間の後の年度は、継続審査で事業期間の延長が決定されるまで計画・記録できません。",
            refused.Message);
    }

    [Fact]
    public void The_plan_must_be_the_project_s_own()
    {
        var (project, _) = InProgressWithBaseline();
        var otherProject = WithId(InProgressProject(out var otherProposal), 2);
        var otherPlan = ProjectPlan.Baseline(otherProject, otherProposal, SignedAt);

        Assert.Throws<ArgumentException>(() =>
            ChangeRequest.Submit(project, otherPlan, FreeSeminars(otherPlan.Content), Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Approval_needs_both_the_department_and_the_coordinator_in_any_order(bool departmentFirst)
    {
        var (project, baseline) = InProgressWithBaseline();
        var request = ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear);

        if (departmentFirst)
        {
            request.ApproveAsDepartment(baseline, DepartmentUser, DuringFirstYear);
        }
        else
        {
            request.ApproveAsCoordinator(baseline, CoordinatorUser, DuringFirstYear);
        }

        Assert.Equal(ChangeRequestStatus.Submitted, request.Status);
        Assert.Null(request.DecidedAtUtc);

        if (departmentFirst)
        {
            request.ApproveAsCoordinator(baseline, CoordinatorUser, LaterInFirstYear);
        }
        else
        {
            request.ApproveAsDepartment(baseline, DepartmentUser, LaterInFirstYear);
        }

        Assert.Equal(ChangeRequestStatus.Approved, request.Status);
        Assert.Equal(LaterInFirstYear, request.DecidedAtUtc);
        Assert.Equal(DepartmentUser, request.DepartmentApprovedByUserId);
        Assert.Equal(CoordinatorUser, request.CoordinatorApprovedByUserId);
        Assert.True(request.IsApprovedByDepartment);
        Assert.True(request.IsApprovedByCoordinator);
    }

    [Fact]
    public void The_same_approval_cannot_be_given_twice()
    {
        var (project, baseline) = InProgressWithBaseline();
        var request = ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear);
        request.ApproveAsDepartment(baseline, DepartmentUser, DuringFirstYear);

        var refused = Assert.Throws<DomainRuleException>(() => request.ApproveAsDepartment(baseline, "department-staff-2", LaterInFirstYear));

        Assert.Equal("担当課はこの変更申請をすでに承認しています。", refused.Message);
        Assert.Equal(ChangeRequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void An_approved_request_cannot_be_approved_rejected_or_withdrawn()
    {
        var (project, baseline) = InProgressWithBaseline();
        var request = ApprovedFreeSeminars(project, baseline);

        var approve = Assert.Throws<DomainRuleException>(() => request.ApproveAsCoordinator(baseline, CoordinatorUser, LaterInFirstYear));
        var reject = Assert.Throws<DomainRuleException>(() => request.Reject(ChangeRequestReviewer.Department, DepartmentUser, "やはり有料に", LaterInFirstYear));
        var withdraw = Assert.Throws<DomainRuleException>(() => request.Withdraw(ChangeRequestParty.Department, DepartmentUser, LaterInFirstYear));

        Assert.Equal("「承認」の変更申請は承認できません。", approve.Message);
        Assert.Equal("「承認」の変更申請は却下できません。", reject.Message);
        Assert.Equal("「承認」の変更申請は取り下げできません。", withdraw.Message);
    }

    [Theory]
    [InlineData(ChangeRequestReviewer.Department)]
    [InlineData(ChangeRequestReviewer.Coordinator)]
    public void Either_reviewer_rejects_with_a_reason(ChangeRequestReviewer reviewer)
    {
        var (project, baseline) = InProgressWithBaseline();
        var request = ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear);
        request.ApproveAsDepartment(baseline, DepartmentUser, DuringFirstYear);

        var withoutReason = Assert.Throws<DomainRuleException>(() => request.Reject(reviewer, CoordinatorUser, " ", LaterInFirstYear));
        Assert.Equal("却下の理由を入力してください。", withoutReason.Message);
        Assert.Equal(ChangeRequestStatus.Submitted, request.Status);

        request.Reject(reviewer, CoordinatorUser, "第1回の結果を見てから判断してください。", LaterInFirstYear);

        Assert.Equal(ChangeRequestStatus.Rejected, request.Status);
        Assert.Equal(reviewer, request.RejectedBy);
        Assert.Equal(CoordinatorUser, request.RejectedByUserId);
        Assert.Equal("第1回の結果を見てから判断してください。", request.RejectionComment);
        Assert.Equal(LaterInFirstYear, request.DecidedAtUtc);
        var approve = Assert.Throws<DomainRuleException>(() => request.ApproveAsCoordinator(baseline, CoordinatorUser, LaterInFirstYear));
        Assert.Equal("「却下」の変更申請は承認できません。", approve.Message);
    }

    [Fact]
    public void Only_the_requesting_side_withdraws_an_open_request()
    {
        var (project, baseline) = InProgressWithBaseline();
        var request = ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear);

        var byDepartment = Assert.Throws<DomainRuleException>(() => request.Withdraw(ChangeRequestParty.Department, DepartmentUser, LaterInFirstYear));
        Assert.Equal("この変更申請を取り下げられるのは申請した団体だけです。", byDepartment.Message);

        request.Withdraw(ChangeRequestParty.Group, GroupUser, LaterInFirstYear);

        Assert.Equal(ChangeRequestStatus.Withdrawn, request.Status);
        Assert.Equal(GroupUser, request.WithdrawnByUserId);
        Assert.Equal(LaterInFirstYear, request.DecidedAtUtc);
    }

    [Fact]
    public void A_request_made_against_an_older_plan_cannot_be_approved()
    {
        var (project, baseline) = InProgressWithBaseline();
        var feeRequest = ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), Reason, ChangeRequestParty.Department, DepartmentUser, DuringFirstYear);
        var secondYearRequest = ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content, SecondYear), "2年目も無料とする。", ChangeRequestParty.Group, GroupUser, DuringFirstYear);
        secondYearRequest.ApproveAsDepartment(baseline, DepartmentUser, DuringFirstYear);
        feeRequest.ApproveAsDepartment(baseline, DepartmentUser, DuringFirstYear);
        feeRequest.ApproveAsCoordinator(baseline, CoordinatorUser, DuringFirstYear);
        var plan2 = ProjectPlan.Next(baseline, feeRequest, DuringFirstYear);

        var refused = Assert.Throws<DomainRuleException>(() => secondYearRequest.ApproveAsCoordinator(plan2, CoordinatorUser, LaterInFirstYear));

        Assert.Equal("計画が更新されたため、この変更申請は承認できません。最新の計画から申請し直してください。", refused.Message);
        Assert.False(secondYearRequest.IsApplicableTo(plan2));
        Assert.Equal(ChangeRequestStatus.Submitted, secondYearRequest.Status);
    }

    [Fact]
    public void A_request_cannot_be_approved_against_the_plan_of_another_project()
    {
        var (project, baseline) = InProgressWithBaseline();
        var request = ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), Reason, ChangeRequestParty.Group, GroupUser, DuringFirstYear);
        var otherProject = WithId(InProgressProject(out var otherProposal), 2);
        var otherPlan = ProjectPlan.Baseline(otherProject, otherProposal, SignedAt);

        Assert.Throws<ArgumentException>(() => request.ApproveAsDepartment(otherPlan, DepartmentUser, LaterInFirstYear));
        Assert.False(request.IsApplicableTo(otherPlan));
    }

    [Fact]
    public void Instants_must_be_utc()
    {
        var (project, baseline) = InProgressWithBaseline();
        var local = DateTime.SpecifyKind(DuringFirstYear, DateTimeKind.Local);

        Assert.ThrowsAny<ArgumentException>(() =>
            ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), Reason, ChangeRequestParty.Group, GroupUser, local));
    }
}
