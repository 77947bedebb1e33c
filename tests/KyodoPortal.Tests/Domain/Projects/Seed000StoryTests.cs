using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Projects;

/// <summary>
/// Seed 000 (平成30年度協働事業報告会 Q&amp;A): the proposal said participants pay 1,000円 each
/// (120,000円 of 420,000円), the project charged nothing from the first seminar, and the committee
/// only found out at the report meeting; no KPI had been set; 7 came for 20 seats; 4 found work;
/// a three-party agreement followed. Replayed here, every step leaves a trace before the meeting.
/// </summary>
public class Seed000StoryTests
{
    [Fact]
    public void The_free_seminars_are_flagged_when_recorded_changed_with_approval_and_visible_against_the_baseline_at_the_report()
    {
        // The proposal: city 300,000円 + 参加費 1,000円 × 120人 = 420,000円 a year, with KPIs set
        // (a proposal without KPIs cannot be submitted any more).
        var project = PreparingProject(out var proposal, out var call);
        var firstYearBudget = proposal.BudgetByYear()[0];
        Assert.Equal((300_000L, 420_000L), (firstYearBudget.CityShare, firstYearBudget.IncomeTotal));
        Assert.NotEmpty(proposal.Kpis);

        // The agreement: the group, 商工課 and the lecturer's own group.
        var agreement = AgreementDraft.FromProposal(proposal, GroupName, DepartmentName);
        project.DraftAgreement(
            agreement with { Parties = [.. agreement.Parties, new AgreementPartyDraft(AgreementPartyKind.CitizenGroup, LecturerGroupId, null, LecturerGroupName, Role: "セミナー講師と企業紹介")] },
            call.MaxTermYears,
            ProjectCreatedAt);
        project.SignAgreement(SignedOn, CoordinatorUser, SignedAt);
        Assert.Equal(ProjectStatus.InProgress, project.Status);
        Assert.Equal(3, project.Agreement!.Parties.Count);
        var baseline = ProjectPlan.Baseline(project, proposal, SignedAt);

        // The first seminar: free, 7 of 20 seats. Recording it flags the fee at once.
        var firstSeminar = ActivityRecord.Record(
            project,
            new ActivityRecordDraft(new DateOnly(2025, 5, 17), "第1回 就労支援セミナー", "鎌倉商工会議所", 20, 7, 0),
            GroupUser,
            new DateTime(2025, 5, 17, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal("35.0%", firstSeminar.AttendanceRate.ToString());
        Assert.Equal(
            "参加費が計画と異なります（計画 1,000円、実際 0円）。承認された計画変更はありません。",
            PlanDeviations.ForActivity(firstSeminar, baseline.Content)?.Message.ToString());

        // The department asks to change the plan; the request shows exactly what changes.
        var request = ChangeRequest.Submit(
            project,
            baseline,
            FreeSeminars(baseline.Content),
            "第1回講座の参加者が定員20人に対し7人だったため、集客を優先して参加費を無料とする。教材の印刷は市で行う。",
            ChangeRequestParty.Department,
            DepartmentUser,
            DuringFirstYear);
        var feeChange = Assert.Single(PlanComparison.Between(baseline.Content, request.ProposedContent), change => change.Area == PlanArea.ParticipantFee);
        Assert.Equal(("1,000円 × 120人 = 120,000円", "0円 × 120人 = 0円", (long?)-120_000), (feeChange.Before, feeChange.After, feeChange.BudgetEffect));

        // Both the department and the coordinator approve; the change becomes plan 2.
        request.ApproveAsDepartment(baseline, DepartmentUser, DuringFirstYear);
        Assert.Equal(ChangeRequestStatus.Submitted, request.Status);
        request.ApproveAsCoordinator(baseline, CoordinatorUser, LaterInFirstYear);
        var current = ProjectPlan.Next(baseline, request, LaterInFirstYear);
        Assert.Equal(2, current.Number);
        Assert.Null(PlanDeviations.ForActivity(firstSeminar, current.Content));

        // The deviation from the baseline stays visible at a glance, with its budget effect.
        Assert.Equal(
            [(PlanArea.Budget, "令和7年度 需用費（教材印刷費）", (long?)-120_000), (PlanArea.ParticipantFee, "令和7年度 参加費（セミナー参加費）", -120_000)],
            PlanComparison.Between(baseline.Content, current.Content).Select(change => (change.Area, change.Subject, change.BudgetEffect)));

        // The annual report: 4 people found work against a target of 4; the fee actual is 0円.
        var report = AnnualReport.Start(project, FirstYear, GroupUser, AfterFirstYear);
        report.UpdateSections(
            ReportActor.Group,
            new AnnualReportSections("就労支援セミナーを6回開催した。参加費は計画変更（承認済み）により無料とした。", "4人が就職した。", "参加者の確保。", "企業紹介を講座と併せて行う。", "団体ホームページにレビューを掲載した。"),
            AfterFirstYear);
        report.ReplaceKpiActuals(
            ReportActor.Group,
            [
                new KpiActualDraft("就労者数", 4, null, "団体の支援記録", "1人は再就職で満足度が上がった。"),
                new KpiActualDraft("参加者の意識の変化", null, "働くことへの不安が減ったという声が多かった。", "参加者アンケート"),
            ],
            AfterFirstYear);
        Assert.NotEmpty(report.SubmissionProblems(current.Content));
        report.ReplaceBudgetActuals(ReportActor.Group, Recipes.Seed000Actuals(suppliesNote: "印刷は市で行った。"), AfterFirstYear);
        var submittedOn = new DateTime(2026, 5, 20, 1, 0, 0, DateTimeKind.Utc);
        report.Submit(current.Content, GroupUser, submittedOn);
        report.UpdateDepartmentComment(ReportActor.Department, "参加費の変更は計画変更として承認済み。", DepartmentRating.Fair, DepartmentUser, submittedOn.AddDays(2));
        report.Accept(ReportActor.Coordinator, CoordinatorUser, null, submittedOn.AddDays(3));

        Assert.False(ReportDeadline.Default.IsOverdue(FirstYear, new DateOnly(2026, 6, 1), report.Status));
        var employment = KpiResults.For(report, current.Content)[0];
        Assert.Equal(("就労者数", "100.0%"), (employment.KpiName, employment.Attainment.ToString()));

        // Against the current plan the fee is as planned; against the baseline the committee sees −100.0%.
        var feeAgainstCurrent = BudgetExecution.For(report, current.Content).Rows.Single(row => row.Category == BudgetCategory.ParticipantFees);
        var feeAgainstBaseline = BudgetExecution.For(report, baseline.Content).Rows.Single(row => row.Category == BudgetCategory.ParticipantFees);
        Assert.Equal((0L, 0L), (feeAgainstCurrent.Planned, feeAgainstCurrent.Deviation!.Value.Amount));
        Assert.Equal((120_000L, -120_000L, "-100.0%"), (feeAgainstBaseline.Planned, feeAgainstBaseline.Deviation!.Value.Amount, feeAgainstBaseline.Deviation.Value.Percent.ToString()));
        Assert.Equal("-28.6%", BudgetExecution.For(report, baseline.Content).Income.Deviation.Percent.ToString());
    }
}
