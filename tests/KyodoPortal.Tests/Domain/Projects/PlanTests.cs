using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Projects;

public class PlanTests
{
    [Fact]
    public void The_baseline_is_plan_1_with_the_proposal_content()
    {
        var project = InProgressProject(out var proposal);

        var baseline = ProjectPlan.Baseline(project, proposal, SignedAt);

        Assert.Equal(1, baseline.Number);
        Assert.True(baseline.IsBaseline);
        Assert.Null(baseline.ChangeRequestId);
        Assert.Equal(project.Id, baseline.ProjectId);
        Assert.Equal(SignedAt, baseline.CreatedAtUtc);
        var content = baseline.Content;
        var seminar = Assert.Single(content.Activities);
        Assert.Equal(("就労支援セミナー", 6, 20, "商工会議所と連携して開催する。"), (seminar.Name, seminar.TimesPerYear, seminar.CapacityPerTime, seminar.Description));
        Assert.Equal(10, content.BudgetLines.Count);
        var fee = content.BudgetLines.Single(line => line.FiscalYear == FirstYear && line.Category == BudgetCategory.ParticipantFees);
        Assert.Equal((1_000L, 120L, 120_000L, "セミナー参加費"), (fee.UnitPrice!.Value, fee.Quantity!.Value, fee.Amount, fee.Item));
        Assert.Equal(BudgetDirection.Income, fee.Direction);
        Assert.Equal(["就労者数", "参加者の意識の変化"], content.Kpis.Select(kpi => kpi.Name));
        Assert.Equal(
            [("就労者数", FirstYear, (long?)4, (string?)null), ("就労者数", SecondYear, 6, null), ("参加者の意識の変化", FirstYear, null, "働くことへの不安が減る")],
            content.KpiTargets.Select(target => (target.KpiName, target.FiscalYear, target.TargetValue, target.TargetText)));
        Assert.Equal("広報", Assert.Single(content.RoleSplits).Task);
    }

    [Fact]
    public void The_baseline_must_come_from_the_project_s_own_proposal()
    {
        var project = InProgressProject(out _);
        var (_, otherProposal) = SelectedProposal();
        WithId(otherProposal, 99);

        Assert.Throws<ArgumentException>(() => ProjectPlan.Baseline(project, otherProposal, SignedAt));
    }

    [Fact]
    public void The_planned_participant_fee_and_the_budget_totals_are_read_per_year()
    {
        var (_, baseline) = InProgressWithBaseline();

        Assert.Equal([1_000L], baseline.Content.PlannedParticipantFees(FirstYear));
        Assert.Empty(baseline.Content.PlannedParticipantFees(FirstYear + 5));
        var totals = baseline.Content.BudgetTotals(FirstYear);
        Assert.Equal((420_000L, 420_000L, 300_000L, true), (totals.IncomeTotal, totals.ExpenseTotal, totals.CityShare, totals.Balanced));
        Assert.Equal([FirstYear, SecondYear], baseline.Content.BudgetFiscalYears());
        Assert.Empty(baseline.Content.UnbalancedYears());
    }

    [Fact]
    public void A_plan_without_a_fee_line_plans_free_participation()
    {
        var plan = PlanContent.Create(
            [new ActivityDraft("就労支援セミナー", 6, 20)],
            [new BudgetLineDraft(FirstYear, BudgetCategory.CityShare, null, 300_000), new BudgetLineDraft(FirstYear, BudgetCategory.Honoraria, "講師謝礼", 300_000)],
            [],
            []);

        Assert.Empty(plan.PlannedParticipantFees(FirstYear));
    }

    [Fact]
    public void A_plan_is_validated_by_the_proposal_rules()
    {
        var feeWithoutUnitPrice = Assert.Throws<DomainRuleException>(() => PlanContent.Create(
            [], [new BudgetLineDraft(FirstYear, BudgetCategory.ParticipantFees, null, 120_000)], [], []));
        var negativeCapacity = Assert.Throws<DomainRuleException>(() => PlanContent.Create(
            [new ActivityDraft("セミナー", 6, -1)], [], [], []));
        var duplicateKpi = Assert.Throws<DomainRuleException>(() => PlanContent.Create(
            [], [], [new KpiDraft("就労者数", KpiKind.Quantitative, "人", null, []), new KpiDraft("就労者数 ", KpiKind.Quantitative, "人", null, [])], []));
        var qualitativeWithNumber = Assert.Throws<DomainRuleException>(() => PlanContent.Create(
            [], [], [new KpiDraft("意識の変化", KpiKind.Qualitative, null, null, [new KpiTargetDraft(FirstYear, 3)])], []));

        Assert.Equal("令和7年度の参加費は単価と参加者数で入力してください。", feeWithoutUnitPrice.Message);
        Assert.Equal("活動「セミナー」の回数と定員は0以上で入力してください。", negativeCapacity.Message);
        Assert.Equal("成果指標「就労者数」が重複しています。", duplicateKpi.Message);
        Assert.Equal("定性的な成果指標「意識の変化」には目標値（数値）を設定できません。", qualitativeWithNumber.Message);
    }

    [Fact]
    public void A_plan_round_trips_through_its_drafts()
    {
        var (_, baseline) = InProgressWithBaseline();

        var again = PlanContent.Create(baseline.Content.ToDrafts());

        Assert.Empty(PlanComparison.Between(baseline.Content, again));
        var feeDraft = baseline.Content.ToDrafts().BudgetLines.Single(line => line.FiscalYear == FirstYear && line.Category == BudgetCategory.ParticipantFees);
        Assert.Equal(new BudgetLineDraft(FirstYear, BudgetCategory.ParticipantFees, "セミナー参加費", null, 1_000, 120), feeDraft);
    }

    [Fact]
    public void An_approved_change_becomes_plan_2_with_the_requested_content()
    {
        var (project, baseline) = InProgressWithBaseline();
        var approved = WithId(ApprovedFreeSeminars(project, baseline), 41);

        var next = ProjectPlan.Next(baseline, approved, LaterInFirstYear);

        Assert.Equal(2, next.Number);
        Assert.False(next.IsBaseline);
        Assert.Equal(41, next.ChangeRequestId);
        Assert.Equal(project.Id, next.ProjectId);
        Assert.Equal([0L], next.Content.PlannedParticipantFees(FirstYear));
        Assert.Equal([1_000L], next.Content.PlannedParticipantFees(SecondYear));
        Assert.Empty(PlanComparison.Between(approved.ProposedContent, next.Content));
        Assert.NotSame(approved.ProposedContent, next.Content);
        Assert.Equal([1_000L], baseline.Content.PlannedParticipantFees(FirstYear));
    }

    [Theory]
    [InlineData(ChangeRequestStatus.Submitted, "申請中")]
    [InlineData(ChangeRequestStatus.Rejected, "却下")]
    [InlineData(ChangeRequestStatus.Withdrawn, "取下げ")]
    public void A_change_that_is_not_approved_does_not_become_a_plan(ChangeRequestStatus status, string statusName)
    {
        var (project, baseline) = InProgressWithBaseline();
        var request = ChangeRequest.Submit(project, baseline, FreeSeminars(baseline.Content), "集客のため", ChangeRequestParty.Group, GroupUser, DuringFirstYear);
        request.ApproveAsDepartment(baseline, DepartmentUser, DuringFirstYear);
        if (status == ChangeRequestStatus.Rejected)
        {
            request.Reject(ChangeRequestReviewer.Coordinator, CoordinatorUser, "予算の根拠が不十分です。", DuringFirstYear);
        }
        else if (status == ChangeRequestStatus.Withdrawn)
        {
            request.Withdraw(ChangeRequestParty.Group, GroupUser, DuringFirstYear);
        }

        var refused = Assert.Throws<DomainRuleException>(() => ProjectPlan.Next(baseline, request, LaterInFirstYear));

        Assert.Equal(status, request.Status);
        Assert.Equal($"「{statusName}」の変更申請では計画を更新できません。承認された変更申請だけが計画になります。", refused.Message);
    }

    [Fact]
    public void An_approved_change_applies_only_to_the_plan_it_was_made_against()
    {
        var (project, baseline) = InProgressWithBaseline();
        var approved = ApprovedFreeSeminars(project, baseline);
        var plan2 = ProjectPlan.Next(baseline, approved, LaterInFirstYear);

        var appliedTwice = Assert.Throws<DomainRuleException>(() => ProjectPlan.Next(plan2, approved, LaterInFirstYear));

        Assert.Equal("計画が更新されたため、この変更申請は承認できません。最新の計画から申請し直してください。", appliedTwice.Message);
    }

    [Fact]
    public void A_change_of_another_project_is_not_applied()
    {
        var (project, baseline) = InProgressWithBaseline();
        var approved = ApprovedFreeSeminars(project, baseline);
        var otherProject = WithId(InProgressProject(out var otherProposal), 2);
        var otherBaseline = ProjectPlan.Baseline(otherProject, otherProposal, SignedAt);

        Assert.Throws<ArgumentException>(() => ProjectPlan.Next(otherBaseline, approved, LaterInFirstYear));
    }

    [Fact]
    public void A_fee_change_shows_as_a_participant_fee_change_with_its_budget_effect()
    {
        var (_, baseline) = InProgressWithBaseline();

        var changes = PlanComparison.Between(baseline.Content, FreeSeminars(baseline.Content));

        Assert.Equal(
            [
                new PlanChange(PlanArea.Budget, PlanChangeKind.Changed, "令和7年度 需用費（教材印刷費）", "120,000円", "0円", -120_000),
                new PlanChange(PlanArea.ParticipantFee, PlanChangeKind.Changed, "令和7年度 参加費（セミナー参加費）", "1,000円 × 120人 = 120,000円", "0円 × 120人 = 0円", -120_000),
            ],
            changes);
    }

    [Fact]
    public void Added_and_removed_rows_show_without_the_missing_side()
    {
        var (_, baseline) = InProgressWithBaseline();
        var drafts = baseline.Content.ToDrafts();
        var changed = PlanContent.Create(drafts with
        {
            Activities = [.. drafts.Activities, new ActivityDraft("企業紹介", 1, 0)],
            BudgetLines = [.. drafts.BudgetLines.Where(line => !(line.FiscalYear == SecondYear && line.Category == BudgetCategory.Rentals))],
        });

        var changes = PlanComparison.Between(baseline.Content, changed);

        Assert.Equal(
            [
                new PlanChange(PlanArea.Activity, PlanChangeKind.Added, "活動「企業紹介」", null, "年1回・定員なし", null),
                new PlanChange(PlanArea.Budget, PlanChangeKind.Removed, "令和8年度 使用料（会場使用料）", "120,000円", null, -120_000),
            ],
            changes);
    }

    [Fact]
    public void Kpi_definitions_each_year_s_target_and_each_party_s_role_are_compared()
    {
        var (_, baseline) = InProgressWithBaseline();
        var drafts = baseline.Content.ToDrafts();
        var changed = PlanContent.Create(drafts with
        {
            Kpis =
            [
                new KpiDraft("就労者数", KpiKind.Quantitative, "人", "ハローワークへの確認", [new(FirstYear, 4), new(SecondYear, 8)]),
                drafts.Kpis[1],
                new KpiDraft("セミナー参加者数", KpiKind.Quantitative, "人", null, [new(FirstYear, 120)]),
            ],
            RoleSplits = [new AgreementRoleSplitDraft("広報", ["チラシ作成とSNS発信", "広報紙とツイッターでの発信", "講師の派遣"])],
        });

        var changes = PlanComparison.Between(baseline.Content, changed, new Dictionary<int, string> { [1] = "かまくら主婦'sネットワーク", [2] = "商工課" });

        Assert.Equal(
            [
                new PlanChange(PlanArea.Kpi, PlanChangeKind.Changed, "成果指標「就労者数」", "定量・単位 人・測定方法 団体の支援記録", "定量・単位 人・測定方法 ハローワークへの確認", null),
                new PlanChange(PlanArea.Kpi, PlanChangeKind.Changed, "成果指標「就労者数」 令和8年度の目標", "6人", "8人", null),
                new PlanChange(PlanArea.Kpi, PlanChangeKind.Added, "成果指標「セミナー参加者数」", null, "定量・単位 人", null),
                new PlanChange(PlanArea.Kpi, PlanChangeKind.Added, "成果指標「セミナー参加者数」 令和7年度の目標", null, "120人", null),
                new PlanChange(PlanArea.RoleSplit, PlanChangeKind.Changed, "役割分担「広報」 商工課", "広報紙への掲載", "広報紙とツイッターでの発信", null),
                new PlanChange(PlanArea.RoleSplit, PlanChangeKind.Added, "役割分担「広報」 当事者3", null, "講師の派遣", null),
            ],
            changes);
    }

    [Fact]
    public void Identical_plans_have_no_differences_and_the_order_is_deterministic()
    {
        var (_, baseline) = InProgressWithBaseline();
        var reordered = baseline.Content.ToDrafts();
        var shuffled = PlanContent.Create(reordered with { BudgetLines = [.. reordered.BudgetLines.Reverse()] });
        var free = FreeSeminars(shuffled, SecondYear);

        Assert.Empty(PlanComparison.Between(baseline.Content, shuffled));
        Assert.Equal(
            ["令和8年度 需用費（教材印刷費）", "令和8年度 参加費（セミナー参加費）"],
            PlanComparison.Between(baseline.Content, free).Select(change => change.Subject));
        Assert.Equal(PlanComparison.Between(baseline.Content, free), PlanComparison.Between(baseline.Content, FreeSeminars(baseline.Content, SecondYear)));
    }

    [Fact]
    public void Lines_sharing_a_heading_are_paired_in_order()
    {
        var before = PlanContent.Create(
            [],
            [new BudgetLineDraft(FirstYear, BudgetCategory.Honoraria, "講師謝礼", 30_000), new BudgetLineDraft(FirstYear, BudgetCategory.Honoraria, "講師謝礼", 50_000)],
            [],
            []);
        var after = PlanContent.Create(
            [],
            [new BudgetLineDraft(FirstYear, BudgetCategory.Honoraria, "講師謝礼", 30_000), new BudgetLineDraft(FirstYear, BudgetCategory.Honoraria, "講師謝礼", 40_000), new BudgetLineDraft(FirstYear, BudgetCategory.Honoraria, "講師謝礼", 10_000)],
            [],
            []);

        var changes = PlanComparison.Between(before, after);

        Assert.Equal([(PlanChangeKind.Changed, (long?)-10_000), (PlanChangeKind.Added, 10_000)], changes.Select(change => (change.Kind, change.BudgetEffect)));
    }
}
