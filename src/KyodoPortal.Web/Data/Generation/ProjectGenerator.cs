using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// Projects, agreements, plans, change requests and activities: each selected proposal becomes a
/// project whose agreement is signed on April 1 of its first fiscal year; its baseline plan is the
/// proposal; a quarter of the projects change their plan (participant fee dropped to 0円 with the
/// materials bought by the city, still balanced), most approved by both sides, a few rejected or
/// still waiting; some short projects are extended by two years at their continuation review;
/// activity records run through every year of the term up to today, a few charging a fee the plan
/// does not have (the deviation the project page flags).
/// </summary>
internal sealed class ProjectGenerator(GenerationSession session)
{
    private static readonly ContinuationPolicy Policy = new(ContinuationPolicy.DefaultMaxFiscalYears, 9, 1);

    public async Task<IReadOnlyList<ProjectLife>> RunAsync(GenerationUnit unit, DecidedCall decided)
    {
        var random = session.Random;
        var people = session.People;
        var coordinator = people.Coordinator;
        var lives = new List<ProjectLife>(decided.Selected.Count);
        foreach (var proposal in decided.Selected)
        {
            var group = people.Groups.First(g => g.Id == proposal.ProposingGroupId);
            var department = people.Departments.First(d => d.Id == proposal.PartnerDepartmentId);
            var project = Project.FromSelectedProposal(proposal, decided.Call, decided.DecidedAt);
            var draft = AgreementDraft.FromProposal(proposal, group.Name, department.Name);
            if (random.Bool(0.1f))
            {
                draft = draft with { Parties = [.. draft.Parties, new AgreementPartyDraft(AgreementPartyKind.Other, null, null, $"{session.Text.Area()}地区社会福祉協議会", $"会長 {session.Text.PersonName()}", "会場の提供と参加者への声かけ")] };
            }

            project.DraftAgreement(draft, decided.Call.MaxTermYears, decided.DecidedAt.AddDays(20));
            var start = new FiscalYear(proposal.StartFiscalYear).FirstDay;
            project.SignAgreement(start, coordinator, GenerationSession.At(start));
            lives.Add(new ProjectLife(project, proposal, group, department, people.MemberByGroup[group.Id], people.StaffByDepartment[department.Id]));
        }

        unit.Db.Projects.AddRange(lives.Select(l => l.Project));
        await unit.SaveAsync();

        foreach (var life in lives)
        {
            var project = life.Project;
            var review = new DateOnly(project.EndFiscalYear, 9, 1);
            if (project.TermYears <= 3 && session.IsPast(review) && random.Bool(0.1f))
            {
                project.DecideContinuation(new ContinuationDecisionDraft(ContinuationOutcome.Extend, 2, "成果が上がりつつあり、定着まで2年間延長する。", false, null, review), Policy, coordinator, GenerationSession.At(review));
            }

            life.Baseline = ProjectPlan.Baseline(project, life.Proposal, GenerationSession.At(new FiscalYear(project.StartFiscalYear).FirstDay));
            life.CurrentPlan = life.Baseline.Content;
            unit.Db.ProjectPlans.Add(life.Baseline);
            ChangePlan(unit, life);
        }

        await unit.SaveAsync();

        foreach (var life in lives)
        {
            if (life.Change is { Status: ChangeRequestStatus.Approved } change)
            {
                var next = ProjectPlan.Next(life.Baseline!, change, change.DecidedAtUtc!.Value);
                unit.Db.ProjectPlans.Add(next);
                life.CurrentPlan = next.Content;
            }

            RecordActivities(unit, life);
        }

        await unit.SaveAsync();
        return lives;
    }

    private void ChangePlan(GenerationUnit unit, ProjectLife life)
    {
        var random = session.Random;
        var project = life.Project;
        var on = new DateOnly(project.StartFiscalYear, 7, 1).AddDays(random.Int(0, 60));
        if (!session.IsPast(on) || !random.Bool(0.25f))
        {
            return;
        }

        var drafts = life.Baseline!.Content.ToDrafts();
        var hasFee = drafts.BudgetLines.Any(line => line.Category == BudgetCategory.ParticipantFees);
        var changed = drafts with
        {
            BudgetLines = [.. drafts.BudgetLines.Select(line => (hasFee, line.Category) switch
            {
                (true, BudgetCategory.ParticipantFees) => line with { UnitPrice = 0 },
                (true, BudgetCategory.Supplies) => line with { Amount = 0 },
                (false, BudgetCategory.Honoraria) => line with { Amount = line.Amount - 10_000 },
                (false, BudgetCategory.OtherExpense) => line with { Amount = line.Amount + 10_000 },
                _ => line,
            })],
        };
        var reason = hasFee
            ? "参加者が定員を大きく下回ったため、参加費を無料にして参加しやすくする。教材は市が用意する。"
            : "講師を会員が務めることになったため、謝礼を減らし広報を増やす。";
        var at = GenerationSession.At(on);
        var change = ChangeRequest.Submit(project, life.Baseline, PlanContent.Create(changed), reason, random.Bool() ? ChangeRequestParty.Group : ChangeRequestParty.Department, life.MemberUserId, at);
        var recent = project.EndFiscalYear >= session.CurrentFiscalYear && project.StartFiscalYear == session.CurrentFiscalYear;
        var roll = random.Double();
        if (recent && roll < 0.3)
        {
            // still waiting for the department
        }
        else if (roll < 0.05)
        {
            change.Reject(ChangeRequestReviewer.Department, life.StaffUserId, "変更の必要性が確認できないため、当初計画どおり実施してください。", at.AddDays(5));
        }
        else
        {
            change.ApproveAsDepartment(life.Baseline, life.StaffUserId, at.AddDays(3));
            change.ApproveAsCoordinator(life.Baseline, session.People.Coordinator, at.AddDays(6));
        }

        life.Change = change;
        unit.Db.ChangeRequests.Add(change);
    }

    private void RecordActivities(GenerationUnit unit, ProjectLife life)
    {
        var random = session.Random;
        var project = life.Project;
        var main = life.CurrentPlan!.Activities[0];
        var records = Math.Min(main.TimesPerYear, 4);
        for (var year = project.StartFiscalYear; year <= project.EndFiscalYear; year++)
        {
            var fee = life.CurrentPlan.PlannedParticipantFees(year) is [var planned, ..] ? planned : 0;
            for (var i = 0; i < records; i++)
            {
                var heldOn = new FiscalYear(year).FirstDay.AddDays(((i + 1) * 330 / (records + 1)) + random.Int(0, 10));
                if (!session.IsPast(heldOn.AddDays(2)))
                {
                    return;
                }

                var charged = fee == 0 && random.Bool(0.03f) ? 500 : fee;
                var attendance = random.Int(main.CapacityPerTime * 3 / 10, main.CapacityPerTime);
                unit.Db.ActivityRecords.Add(ActivityRecord.Record(
                    project,
                    new ActivityRecordDraft(heldOn, $"第{i + 1}回 {main.Name}", session.Text.Venue(), main.CapacityPerTime, attendance, charged, charged != fee ? "資料代として500円をいただいた。" : null),
                    life.MemberUserId,
                    GenerationSession.At(heldOn.AddDays(2))));
                life.Attendance[year] = life.Attendance.GetValueOrDefault(year) + attendance;
            }
        }
    }
}

/// <summary>A project being generated, with what the later modules need from its making.</summary>
internal sealed class ProjectLife(Project project, Proposal proposal, OrgRef group, OrgRef department, string memberUserId, string staffUserId)
{
    public Project Project { get; } = project;

    public Proposal Proposal { get; } = proposal;

    public OrgRef Group { get; } = group;

    public OrgRef Department { get; } = department;

    public string MemberUserId { get; } = memberUserId;

    public string StaffUserId { get; } = staffUserId;

    public ProjectPlan? Baseline { get; set; }

    public ChangeRequest? Change { get; set; }

    public PlanContent? CurrentPlan { get; set; }

    public Dictionary<int, int> Attendance { get; } = [];
}
