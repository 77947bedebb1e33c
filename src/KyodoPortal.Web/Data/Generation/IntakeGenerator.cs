using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// Calls, proposals and screening: each call with its rubric, the proposals (complete, balanced
/// budgets, KPI targets for every year of their 1–5 year terms), a panel of four committee
/// members who declare conflicts (a recused member never gets a sheet), score sheets within the
/// rubric's range, and the decisions taken on the domain's own ranking.
/// </summary>
internal sealed class IntakeGenerator(GenerationSession session)
{
    private static readonly ScreeningCriterionDraft[] Rubric =
    [
        new("公益性", "市民全体の利益につながるか", 3, 5),
        new("協働の効果", "市と団体が組むことで効果が高まるか", 2, 5),
        new("実現可能性", "計画・体制・予算が現実的か", 2, 5),
        new("成果の測り方", "成果指標と目標が具体的か", 1, 5),
    ];

    /// <summary>A decided call of a past or the current fiscal year: the call and its selected proposals.</summary>
    public async Task<DecidedCall> RunDecidedCallAsync(GenerationUnit unit, int fiscalYear, int callIndex, int selectedCount)
    {
        var random = session.Random;
        var coordinator = session.People.Coordinator;
        var opens = new DateOnly(fiscalYear - 1, 10, 1).AddDays(7 * callIndex);
        var closes = opens.AddDays(45);
        var type = callIndex % 2 == 0 ? ProposalType.GroupProposal : ProposalType.MutualProposal;
        var call = NewCall(fiscalYear, callIndex, type, GenerationSession.At(opens), GenerationSession.At(closes));
        unit.Db.Calls.Add(call);
        await unit.SaveAsync();

        var proposalCount = Math.Max(selectedCount + 1, (int)Math.Round(selectedCount * 1.5));
        var proposals = new List<Proposal>(proposalCount);
        var quality = new Dictionary<Proposal, int>();
        for (var i = 0; i < proposalCount; i++)
        {
            var created = opens.AddDays(random.Int(1, 30));
            var proposal = CompleteProposal(call, GenerationSession.At(created));
            quality[proposal] = random.Int(1, 5);
            var proposer = session.People.MemberByGroup[proposal.ProposingGroupId!.Value];
            var roll = random.Double();
            if (roll < 0.02)
            {
                proposals.Add(proposal);
                continue; // never submitted: a draft left behind
            }

            proposal.Submit(call, proposer, GenerationSession.At(closes.AddDays(-random.Int(1, 10))));
            if (roll < 0.05)
            {
                proposal.Withdraw(proposer, "団体の体制が整わないため取り下げます。", GenerationSession.At(closes.AddDays(-1)));
            }
            else if (roll < 0.10)
            {
                proposal.Return(coordinator, "収支予算の内訳を確認のうえ再提出してください。", GenerationSession.At(closes.AddDays(-1)));
                proposal.Resubmit(call, proposer, "内訳を修正しました。", GenerationSession.At(closes.AddDays(2)));
            }

            proposals.Add(proposal);
        }

        unit.Db.Proposals.AddRange(proposals);
        await unit.SaveAsync();

        var screened = proposals.Where(p => p.Status is ProposalStatus.Submitted or ProposalStatus.Resubmitted).ToList();
        var started = GenerationSession.At(closes.AddDays(3));
        call.StartScreening(started);
        screened.ForEach(p => p.StartScreening(coordinator, started));
        var (panel, members) = NewPanel(call, screened, started);
        unit.Db.ScreeningPanels.Add(panel);
        await unit.SaveAsync();

        var criteria = RubricCriterion.FromCall(call);
        var sheets = new List<ScoreSheet>();
        var scoredAt = GenerationSession.At(closes.AddDays(12));
        foreach (var proposal in screened)
        {
            foreach (var member in members.Where(m => !panel.IsRecused(m, proposal.Id)))
            {
                var sheet = panel.OpenSheet(member, proposal.Id, scoredAt);
                sheet.Save(panel, criteria, Scores(criteria, quality[proposal]), "計画の具体性と協働の効果を評価した。", scoredAt);
                sheet.Submit(panel, criteria, scoredAt);
                sheets.Add(sheet);
            }
        }

        unit.Db.ScoreSheets.AddRange(sheets);
        var decidedAt = GenerationSession.At(closes.AddDays(25));
        panel.Close(decidedAt);
        var ranking = ScoreAggregation.Rank(panel, screened.Select(p => p.Id), criteria, sheets);
        var byId = screened.ToDictionary(p => p.Id);
        var selected = new List<Proposal>();
        foreach (var row in ranking)
        {
            var choose = selected.Count < selectedCount;
            var reason = choose ? "審査の結果、協働の効果と実現可能性が高いと判断した。" : "提案の意義は認められるが、他の提案と比べて実現可能性の評価が低かった。";
            panel.Decide(row.ProposalId, choose, reason, ranking, coordinator, decidedAt);
            var proposal = byId[row.ProposalId];
            if (choose)
            {
                proposal.Select(coordinator, reason, decidedAt);
                selected.Add(proposal);
            }
            else
            {
                proposal.Reject(coordinator, reason, decidedAt);
            }
        }

        panel.PublishRanking([.. ranking.Select(r => r.ProposalId)], decidedAt.AddDays(1));
        await unit.SaveAsync();
        return new DecidedCall(call, selected, decidedAt);
    }

    /// <summary>
    /// Next fiscal year's intake as it stands today: one call closed and under screening (two
    /// members done, one half-way with unsubmitted sheets, one not started) and one call open now
    /// with submitted, returned and draft proposals.
    /// </summary>
    public async Task RunCurrentCallsAsync(GenerationUnit unit, int proposalsPerCall)
    {
        var random = session.Random;
        var coordinator = session.People.Coordinator;
        var year = session.CurrentFiscalYear + 1;
        var today = session.Today;

        var screening = NewCall(year, 0, ProposalType.GroupProposal, GenerationSession.At(today.AddDays(-60)), GenerationSession.At(today.AddDays(-10)));
        var open = NewCall(year, 1, ProposalType.MutualProposal, GenerationSession.At(today.AddDays(-20)), GenerationSession.At(today.AddDays(40)));
        unit.Db.Calls.AddRange(screening, open);
        await unit.SaveAsync();

        var underScreening = Enumerable.Range(0, proposalsPerCall).Select(_ => CompleteProposal(screening, GenerationSession.At(today.AddDays(-55)))).ToList();
        foreach (var proposal in underScreening)
        {
            proposal.Submit(screening, session.People.MemberByGroup[proposal.ProposingGroupId!.Value], GenerationSession.At(today.AddDays(-random.Int(11, 30))));
        }

        var inOpenCall = Enumerable.Range(0, proposalsPerCall).Select(_ => CompleteProposal(open, GenerationSession.At(today.AddDays(-15)))).ToList();
        for (var i = 0; i < inOpenCall.Count; i++)
        {
            var proposer = session.People.MemberByGroup[inOpenCall[i].ProposingGroupId!.Value];
            if (i % 3 == 2)
            {
                continue; // still a draft
            }

            inOpenCall[i].Submit(open, proposer, GenerationSession.At(today.AddDays(-random.Int(1, 10))));
            if (i % 7 == 0)
            {
                inOpenCall[i].Return(coordinator, "事業計画の年度ごとの内容を具体的に書いてください。", GenerationSession.At(today.AddDays(-1)));
            }
        }

        unit.Db.Proposals.AddRange([.. underScreening, .. inOpenCall]);
        await unit.SaveAsync();

        var started = GenerationSession.At(today.AddDays(-9));
        screening.StartScreening(started);
        underScreening.ForEach(p => p.StartScreening(coordinator, started));
        var (panel, members) = NewPanel(screening, underScreening, started);
        unit.Db.ScreeningPanels.Add(panel);
        await unit.SaveAsync();

        var criteria = RubricCriterion.FromCall(screening);
        var at = GenerationSession.At(today.AddDays(-3));
        for (var m = 0; m < 3; m++)
        {
            var scored = m < 2 ? underScreening : underScreening.Take(underScreening.Count / 2);
            foreach (var proposal in scored.Where(p => !panel.IsRecused(members[m], p.Id)))
            {
                var sheet = panel.OpenSheet(members[m], proposal.Id, at);
                sheet.Save(panel, criteria, Scores(criteria, random.Int(1, 5)), m < 2 ? "地域の課題に合った提案である。" : null, at);
                if (m < 2)
                {
                    sheet.Submit(panel, criteria, at);
                }

                unit.Db.ScoreSheets.Add(sheet);
            }
        }

        await unit.SaveAsync();
    }

    private static Call NewCall(int fiscalYear, int callIndex, ProposalType type, DateTime opensAt, DateTime closesAt)
    {
        var kind = type == ProposalType.GroupProposal ? "市民活動団体提案協働事業" : "相互提案協働事業";
        var round = callIndex < 2 ? string.Empty : $"（第{(callIndex / 2) + 1}次募集）";
        var call = new Call(
            $"{new FiscalYear(fiscalYear).ToJapaneseLabel()} {kind}{round}",
            type,
            fiscalYear,
            opensAt,
            closesAt,
            maxCityShareTotal: 2_500_000,
            maxCitySharePerYear: 500_000,
            maxTermYears: 5,
            "地域の課題に市と協働して取り組む事業を募集します。提案書・収支予算・成果指標を作成して提出してください。");
        call.ReplaceCriteria(Rubric);
        call.Publish();
        return call;
    }

    private (ScreeningPanel Panel, IReadOnlyList<string> Members) NewPanel(Call call, IReadOnlyList<Proposal> screened, DateTime at)
    {
        var random = session.Random;
        var panel = new ScreeningPanel(call, OtherSheetsVisibility.AfterOwnSubmission, 2, 600, at);
        var members = random.Shuffle(session.People.Committee).Take(4).Select(m => m.Id).ToList();
        members.ForEach(m => panel.AddMember(m, at));
        foreach (var proposal in screened)
        {
            foreach (var member in members)
            {
                var conflict = random.Bool(0.03f);
                panel.Declare(member, proposal.Id, conflict, conflict ? "提案団体の役員を務めているため" : null, at);
            }
        }

        return (panel, members);
    }

    private IEnumerable<ScoreEntryDraft> Scores(IReadOnlyList<RubricCriterion> criteria, int quality) =>
        [.. criteria.Select(c => new ScoreEntryDraft(c.Id, Math.Clamp(quality + session.Random.Int(-1, 1), 1, c.MaxPoints), false, null))];

    /// <summary>A proposal complete enough to submit: a random group and partner department, a 1–5 year term, balanced budget years and KPI targets.</summary>
    private Proposal CompleteProposal(Call call, DateTime at)
    {
        var random = session.Random;
        var text = session.Text;
        var group = session.People.Groups[random.Int(0, session.People.Groups.Count - 1)];
        var department = session.People.Departments[random.Int(1, session.People.Departments.Count - 1)];
        var year = call.FiscalYear;
        var term = random.WeightedRandom([1, 2, 3, 4, 5], [0.15f, 0.2f, 0.35f, 0.15f, 0.15f]);
        var years = Enumerable.Range(year, term).ToList();
        var title = text.ProjectTitle();
        var activity = text.ActivityName();
        var times = random.Int(4, 12);
        var capacity = random.Int(2, 8) * 5;
        var fee = random.WeightedRandom([0L, 500L, 1_000L], [0.4f, 0.3f, 0.3f]);
        var cityShare = random.Int(10, 50) * 10_000L;
        var contribution = random.Int(0, 10) * 10_000L;
        var kpiNames = text.KpiNamesPicked(random.Int(3, 4));

        var proposal = new Proposal(call, title, group.Id, department.Id, session.People.MemberByGroup[group.Id], at);
        proposal.UpdateOverview(title, text.Background(), text.Purpose(), text.Beneficiaries(), year, term, group.Id, department.Id, at);
        proposal.ReplaceActivities([new ActivityDraft(activity, times, capacity, $"年{times}回、定員{capacity}人。"), new ActivityDraft("振り返りの会", 1, 30, "年度末に参加者と振り返る。")], at);
        proposal.ReplaceSchedule([.. years.Select(y => new ScheduleItemDraft(y, $"{activity}{times}回と参加者の募集"))], at);
        proposal.ReplaceRoleSplits(
        [
            new RoleSplitDraft("企画・運営", "講師の手配と当日の運営", "会場の確保と関係機関との調整"),
            new RoleSplitDraft("広報", "チラシ作成とSNS発信", "広報紙とホームページへの掲載"),
        ], at);
        proposal.ReplaceBudget([.. years.SelectMany(y => BudgetYear(y, cityShare, contribution, fee, times * capacity / 2))], at);
        proposal.ReplaceKpis(
        [
            .. kpiNames.Select(name => name.StartsWith("満足度", StringComparison.Ordinal)
                ? new KpiDraft(name, KpiKind.Qualitative, null, "参加者アンケート", [.. years.Select(y => new KpiTargetDraft(y, null, "参加者の8割が「満足」と答える"))])
                : new KpiDraft(name, KpiKind.Quantitative, name.EndsWith("回数", StringComparison.Ordinal) ? "回" : "人", "名簿・記録", [.. years.Select((y, i) => new KpiTargetDraft(y, (long)(times * capacity * (0.5 + (0.1 * i)))))])),
        ], at);
        return proposal;
    }

    /// <summary>One balanced fiscal year: income (city share, fees, the group's own money) equals expenses; 教材費 equals the fee income, so a change that drops the fee drops it too.</summary>
    private static List<BudgetLineDraft> BudgetYear(int year, long cityShare, long contribution, long fee, int participants)
    {
        var honoraria = cityShare * 4 / 10;
        var rentals = cityShare * 3 / 10;
        var feeIncome = fee * participants;
        var lines = new List<BudgetLineDraft> { new(year, BudgetCategory.CityShare, "市負担金", cityShare) };
        if (fee > 0)
        {
            lines.Add(new(year, BudgetCategory.ParticipantFees, "参加費", null, UnitPrice: fee, Quantity: participants));
        }

        if (contribution > 0)
        {
            lines.Add(new(year, BudgetCategory.GroupContribution, "団体負担金", contribution));
        }

        lines.Add(new(year, BudgetCategory.Honoraria, "講師謝礼", honoraria));
        lines.Add(new(year, BudgetCategory.Rentals, "会場使用料", rentals));
        if (fee > 0)
        {
            lines.Add(new(year, BudgetCategory.Supplies, "教材・消耗品費", feeIncome));
        }

        lines.Add(new(year, BudgetCategory.OtherExpense, "広報・通信費", cityShare + contribution - honoraria - rentals));
        return lines;
    }
}

/// <summary>A call whose screening is decided: the selected proposals become projects.</summary>
internal sealed record DecidedCall(Call Call, IReadOnlyList<Proposal> Selected, DateTime DecidedAt);
