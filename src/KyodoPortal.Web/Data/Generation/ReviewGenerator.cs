using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// Annual reports, evaluations and continuation: a report for every finished fiscal year of a
/// project (KPI actuals against the current plan's targets, budget actuals for every planned
/// heading), accepted by the department; last year's reports in every state (not started or a
/// draft past the May 31 deadline, returned, submitted, accepted). Each accepted year gets an
/// evaluation round of two committee members, consolidated and published (a few of last year's
/// still open). Projects past their term get a continuation decision to end and are closed
/// after their last evaluation.
/// </summary>
internal sealed class ReviewGenerator(GenerationSession session)
{
    private static readonly ContinuationPolicy Policy = new(ContinuationPolicy.DefaultMaxFiscalYears, 9, 1);

    public async Task<IReadOnlyList<ReportedYear>> RunAsync(GenerationUnit unit, IReadOnlyList<ProjectLife> lives)
    {
        var reported = new List<ReportedYear>();
        var rounds = new List<(ProjectLife Life, EvaluationRound Round)>();
        foreach (var life in lives)
        {
            var lastFinished = Math.Min(life.Project.EndFiscalYear, session.CurrentFiscalYear - 1);
            for (var year = life.Project.StartFiscalYear; year <= lastFinished; year++)
            {
                var report = Report(life, year);
                if (report is null)
                {
                    continue;
                }

                unit.Db.AnnualReports.Add(report);
                if (report.Status is AnnualReportStatus.Submitted or AnnualReportStatus.Accepted or AnnualReportStatus.Returned)
                {
                    reported.Add(new ReportedYear(year, life.Project.Id, life.Project.Title, $"{life.Group.Name}／{life.Department.Name}", life.Group.Name, life.Department.Name));
                }

                var opens = new DateOnly(year + 1, 7, 1);
                if (report.Status == AnnualReportStatus.Accepted && session.IsPast(opens))
                {
                    var round = new EvaluationRound(life.Project, year, annualReportAccepted: true, session.People.Coordinator, GenerationSession.At(opens));
                    foreach (var member in session.Random.Shuffle(session.People.Committee).Take(2))
                    {
                        round.AddMember(member.Id, GenerationSession.At(opens));
                        round.Declare(member.Id, hasConflict: false, null, GenerationSession.At(opens));
                    }

                    unit.Db.EvaluationRounds.Add(round);
                    rounds.Add((life, round));
                }
            }
        }

        await unit.SaveAsync();

        foreach (var (life, round) in rounds)
        {
            Evaluate(unit, life, round);
        }

        foreach (var life in lives)
        {
            Conclude(life);
        }

        await unit.SaveAsync();
        return reported;
    }

    private AnnualReport? Report(ProjectLife life, int year)
    {
        var random = session.Random;
        var plan = life.CurrentPlan!;
        var last = year == session.CurrentFiscalYear - 1;
        var roll = random.Double();
        if (last && roll < 0.08)
        {
            return null; // not started: overdue after May 31
        }

        var started = new DateOnly(year + 1, 4, 20);
        if (!session.IsPast(started))
        {
            return null;
        }

        var report = AnnualReport.Start(life.Project, year, life.MemberUserId, GenerationSession.At(started));
        var main = plan.Activities[0];
        var people = life.Attendance.GetValueOrDefault(year);
        report.UpdateSections(ReportActor.Group, new AnnualReportSections(
            session.Text.ReportSummary(main.Name, Math.Min(main.TimesPerYear, 4), people),
            session.Text.Outcome(),
            session.Text.Problem(),
            session.Text.NextYear(),
            "広報紙、団体のホームページ、SNSで周知した。"), GenerationSession.At(started));
        report.ReplaceKpiActuals(ReportActor.Group, [.. plan.Kpis.Select(kpi => Actual(kpi.Name, kpi.Kind, plan.TargetFor(kpi.Name, year)?.TargetValue))], GenerationSession.At(started));
        report.ReplaceBudgetActuals(ReportActor.Group, [.. plan.BudgetLinesOf(year)
            .GroupBy(line => (line.Category, line.Item))
            .Select(heading => new BudgetActualDraft(heading.Key.Category, heading.Key.Item, Spent(heading.Key.Category, heading.Sum(line => line.Amount))))], GenerationSession.At(started));

        var submitted = new DateOnly(year + 1, 5, 25);
        if ((last && roll < 0.15) || !session.IsPast(submitted))
        {
            return report; // a draft
        }

        report.Submit(plan, life.MemberUserId, GenerationSession.At(submitted));
        var reviewed = new DateOnly(year + 1, 6, 15);
        if ((last && roll < 0.25) || !session.IsPast(reviewed))
        {
            return report; // submitted, waiting for the department
        }

        report.UpdateDepartmentComment(ReportActor.Department, "計画に沿って着実に実施された。周知の工夫を続けてほしい。", random.WeightedRandom([DepartmentRating.Good, DepartmentRating.Fair, DepartmentRating.NeedsImprovement], [0.6f, 0.3f, 0.1f]), life.StaffUserId, GenerationSession.At(reviewed));
        if (last && roll < 0.30)
        {
            report.Return(ReportActor.Department, life.StaffUserId, "成果指標の実績の根拠資料を添えてください。", GenerationSession.At(reviewed));
            return report;
        }

        if (roll > 0.97)
        {
            report.Return(ReportActor.Department, life.StaffUserId, "予算の実績額を領収書と照合してください。", GenerationSession.At(reviewed));
            report.Resubmit(plan, life.MemberUserId, "照合して修正しました。", GenerationSession.At(reviewed.AddDays(5)));
        }

        report.Accept(ReportActor.Department, life.StaffUserId, null, GenerationSession.At(reviewed.AddDays(7)));
        return report;
    }

    private KpiActualDraft Actual(string name, KpiKind kind, long? target) =>
        kind == KpiKind.Quantitative && target is { } goal
            ? new KpiActualDraft(name, Math.Round(goal * (decimal)session.Random.Double(0.5, 1.3)), null, "名簿・記録", null)
            : new KpiActualDraft(name, null, session.Random.Bool(0.7f) ? "参加者の8割以上が「満足」と答えた。" : "「満足」は6割にとどまった。内容を見直す。", "参加者アンケート");

    private long Spent(BudgetCategory category, long planned) =>
        category.Direction() == BudgetDirection.Income || planned == 0
            ? planned
            : Math.Max(0, planned + (session.Random.Int(-10, 5) * planned / 100 / 1000 * 1000));

    private void Evaluate(GenerationUnit unit, ProjectLife life, EvaluationRound round)
    {
        var random = session.Random;
        var at = GenerationSession.At(new DateOnly(round.FiscalYear + 1, 7, 20));
        var rubric = round.Rubric;
        var stillOpen = round.FiscalYear == session.CurrentFiscalYear - 1 && random.Bool(0.3f);
        var quality = random.Int(2, 5);
        foreach (var (member, index) in round.Members.Select((m, i) => (m.MemberUserId, i)))
        {
            if (stillOpen && index > 0)
            {
                break;
            }

            var sheet = round.OpenSheet(member, at);
            sheet.Save(round, [.. rubric.Select(c => new ScoreEntryDraft(c.Id, Math.Clamp(quality + random.Int(-1, 1), 1, c.MaxPoints), false, null))], "役割分担が明確で、成果指標の実績も示されている。", at);
            sheet.Submit(round, at);
            unit.Db.EvaluationSheets.Add(sheet);
        }

        if (stillOpen)
        {
            return;
        }

        var closed = at.AddDays(10);
        round.Close(closed);
        var final = round.FiscalYear == life.Project.EndFiscalYear;
        var recommendation = final
            ? random.WeightedRandom([EvaluationRecommendation.End, EvaluationRecommendation.Independence], [0.6f, 0.4f])
            : random.WeightedRandom([EvaluationRecommendation.Continue, EvaluationRecommendation.ContinueWithRevision], [0.7f, 0.3f]);
        round.Consolidate(
            "団体の専門性と市の広報が組み合わさり、参加者が着実に増えた。",
            "成果指標の一部が目標に届いていない。周知の時期を早める必要がある。",
            recommendation,
            recommendation == EvaluationRecommendation.ContinueWithRevision ? "成果指標の目標を見直す\n周知を開催の1か月前から始める" : null,
            session.People.Coordinator,
            closed);
        round.PublishFeedback(toPublic: true, closed.AddDays(5));
    }

    /// <summary>A project past its term: the decision to end in its last year, then closed once its last evaluation is done.</summary>
    private void Conclude(ProjectLife life)
    {
        var project = life.Project;
        if (project.EndFiscalYear >= session.CurrentFiscalYear)
        {
            return;
        }

        var decidedOn = new DateOnly(project.EndFiscalYear, 11, 1);
        project.DecideContinuation(new ContinuationDecisionDraft(ContinuationOutcome.End, null, "協定期間の満了をもって終了し、団体の自主事業として継続する。", false, null, decidedOn), Policy, session.People.Coordinator, GenerationSession.At(decidedOn));
        var recordedOn = new DateOnly(project.EndFiscalYear + 1, 8, 10);
        if (!session.IsPast(recordedOn) || (life.Change?.IsOpen ?? false))
        {
            return;
        }

        var closedOn = new FiscalYear(project.EndFiscalYear).LastDay;
        project.Close(
            new ProjectClosureDraft(
                session.Random.Bool(0.7f) ? ProjectOutcome.Success : ProjectOutcome.PartiallyAchieved,
                "協定期間を通じて計画した活動を実施し、参加者と担い手が増えた。",
                "初年度から成果指標を定め、毎年の報告会で確認したことが改善につながった。",
                closedOn,
                null),
            openChangeRequests: 0,
            session.People.Coordinator,
            GenerationSession.At(recordedOn));
        if (session.Random.Bool(0.3f))
        {
            project.PublishCase(true);
        }
    }
}

/// <summary>A project's fiscal year with a report the department has seen: it goes on that year's report meeting.</summary>
internal sealed record ReportedYear(int FiscalYear, int ProjectId, string Title, string Parties, string GroupName, string DepartmentName);
