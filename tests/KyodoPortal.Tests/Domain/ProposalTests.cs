using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Domain;

public class ProposalTests
{
    private const int Fy2025 = ProposalBuilder.CallFiscalYear;
    private const int Fy2026 = ProposalBuilder.CallFiscalYear + 1;

    private static readonly DateTime InsideWindow = ProposalBuilder.InsideWindow;
    private static readonly DateTime AfterWindow = ProposalBuilder.AfterWindow;

    private readonly Call _call = new ProposalBuilder().BuildCall();

    public static TheoryData<ProposalStatus, ProposalStatus> AllowedMoves()
    {
        var data = new TheoryData<ProposalStatus, ProposalStatus>();
        foreach (var transition in ProposalWorkflow.Transitions)
        {
            data.Add(transition.From, transition.To);
        }

        return data;
    }

    public static TheoryData<ProposalStatus, ProposalStatus> ForbiddenMoves()
    {
        var data = new TheoryData<ProposalStatus, ProposalStatus>();
        foreach (var from in Enum.GetValues<ProposalStatus>())
        {
            foreach (var to in Enum.GetValues<ProposalStatus>())
            {
                if (to != ProposalStatus.Draft && from != to && !ProposalWorkflow.Transitions.Any(t => t.From == from && t.To == to))
                {
                    data.Add(from, to);
                }
            }
        }

        return data;
    }

    [Fact]
    public void A_new_proposal_is_a_one_year_draft_starting_in_the_calls_fiscal_year()
    {
        var proposal = new Proposal(_call, "就労支援セミナー事業", ProposalBuilder.GroupId, null, ProposalBuilder.ProposerUserId, InsideWindow);

        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.True(proposal.IsEditable);
        Assert.Equal(Fy2025, proposal.StartFiscalYear);
        Assert.Equal(1, proposal.TermYears);
        Assert.Equal(InsideWindow, proposal.CreatedAtUtc);
        Assert.Empty(proposal.History);
    }

    [Fact]
    public void The_seed_story_proposal_is_complete_and_balanced_at_420000_yen_a_year()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        Assert.Empty(proposal.SubmissionProblems(_call));
        Assert.Collection(
            proposal.BudgetByYear(),
            year => Assert.Equal(new BudgetYear(new FiscalYear(Fy2025), 420_000, 420_000, 300_000), year),
            year => Assert.Equal(new BudgetYear(new FiscalYear(Fy2026), 420_000, 420_000, 300_000), year));
        Assert.All(proposal.BudgetByYear(), year => Assert.True(year.Balanced));
        Assert.Equal(600_000, proposal.CityShareTotal);
    }

    [Fact]
    public void A_year_of_the_term_without_budget_lines_shows_zeros()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        proposal.ReplaceBudget(Recipes.Seed000BudgetYear(Fy2025), InsideWindow);

        var second = proposal.BudgetByYear()[1];
        Assert.Equal(new BudgetYear(new FiscalYear(Fy2026), 0, 0, 0), second);
    }

    [Fact]
    public void The_participant_fee_amount_is_unit_price_times_participants()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        var fees = proposal.BudgetLines.First(line => line.Category == BudgetCategory.ParticipantFees);

        Assert.Equal((1_000L, 120L, 120_000L), (fees.UnitPrice, fees.Quantity, fees.Amount));
        Assert.Equal(BudgetDirection.Income, fees.Direction);
    }

    [Fact]
    public void Participant_fees_must_be_entered_per_participant()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        var error = Assert.Throws<DomainRuleException>(() => proposal.ReplaceBudget(
            [new BudgetLineDraft(Fy2025, BudgetCategory.ParticipantFees, "参加費", 120_000)], InsideWindow));

        Assert.Equal("令和7年度の参加費は単価と参加者数で入力してください。", error.Message);
        Assert.Equal(10, proposal.BudgetLines.Count);
    }

    [Fact]
    public void An_amount_that_disagrees_with_unit_price_times_quantity_is_refused()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        Assert.Throws<DomainRuleException>(() => proposal.ReplaceBudget(
            [new BudgetLineDraft(Fy2025, BudgetCategory.ParticipantFees, "参加費", 100_000, UnitPrice: 1_000, Quantity: 120)], InsideWindow));
    }

    [Fact]
    public void An_amount_too_large_to_hold_is_refused_instead_of_overflowing()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        var error = Assert.Throws<DomainRuleException>(() => proposal.ReplaceBudget(
            [new BudgetLineDraft(Fy2025, BudgetCategory.ParticipantFees, "参加費", null, UnitPrice: 999_999_999_999, Quantity: 999_999_999_999)], InsideWindow));

        Assert.Equal("令和7年度の参加費の金額が大きすぎます。", error.Message);
    }

    [Fact]
    public void Negative_amounts_are_refused()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        Assert.Throws<DomainRuleException>(() => proposal.ReplaceBudget(
            [new BudgetLineDraft(Fy2025, BudgetCategory.Honoraria, "講師謝礼", -1)], InsideWindow));
    }

    [Fact]
    public void Other_income_needs_a_description()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        var error = Assert.Throws<DomainRuleException>(() => proposal.ReplaceBudget(
            [new BudgetLineDraft(Fy2025, BudgetCategory.OtherIncome, " ", 10_000)], InsideWindow));

        Assert.Equal("令和7年度のその他収入には内容を入力してください。", error.Message);
    }

    [Fact]
    public void Every_budget_category_is_either_an_expense_or_an_income()
    {
        Assert.Equal(
            Enum.GetValues<BudgetCategory>().Order(),
            BudgetCategories.Expenses.Concat(BudgetCategories.Incomes).Order());
        Assert.All(BudgetCategories.Expenses, category => Assert.Equal(BudgetDirection.Expense, category.Direction()));
        Assert.All(BudgetCategories.Incomes, category => Assert.Equal(BudgetDirection.Income, category.Direction()));
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Every_move_in_the_table_is_allowed_and_recorded(ProposalStatus from, ProposalStatus to)
    {
        var proposal = ProposalBuilder.InState(_call, from);
        var historyBefore = proposal.History.Count;
        var transition = ProposalWorkflow.Transitions.Single(t => t.From == from && t.To == to);
        var now = to == ProposalStatus.Submitted ? InsideWindow : AfterWindow.AddDays(1);

        Assert.True(proposal.CanMoveTo(to, transition.Actor));
        ProposalBuilder.MoveTo(proposal, _call, to, "理由", now);

        Assert.Equal(to, proposal.Status);
        Assert.Equal(historyBefore + 1, proposal.History.Count);
        var row = proposal.History[^1];
        Assert.Equal((from, to, transition.Actor, now), (row.From, row.To, row.Actor, row.AtUtc));
        var expectedUser = transition.Actor == ProposalActor.Proposer ? ProposalBuilder.ProposerUserId : ProposalBuilder.CoordinatorUserId;
        Assert.Equal(expectedUser, row.ActorUserId);
        var takesComment = to is not (ProposalStatus.Submitted or ProposalStatus.UnderScreening);
        Assert.Equal(takesComment ? "理由" : null, row.Comment);
        Assert.Equal(now, proposal.UpdatedAtUtc);
    }

    [Theory]
    [MemberData(nameof(ForbiddenMoves))]
    public void A_move_outside_the_table_is_refused_naming_both_states(ProposalStatus from, ProposalStatus to)
    {
        var proposal = ProposalBuilder.InState(_call, from);
        var historyBefore = proposal.History.Count;

        Assert.False(proposal.CanMoveTo(to, ProposalActor.Proposer));
        Assert.False(proposal.CanMoveTo(to, ProposalActor.Coordinator));
        var error = Assert.Throws<DomainRuleException>(() => ProposalBuilder.MoveTo(proposal, _call, to, "理由", InsideWindow));

        Assert.Equal($"「{Label(from)}」の提案は「{Label(to)}」にできません。", error.Message);
        Assert.Equal(from, proposal.Status);
        Assert.Equal(historyBefore, proposal.History.Count);
    }

    [Fact]
    public void Withdrawing_a_selected_proposal_is_refused()
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.Selected);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Withdraw(ProposalBuilder.ProposerUserId, null, AfterWindow));

        Assert.Equal("「採択」の提案は「取り下げ」にできません。", error.Message);
        Assert.False(proposal.CanMoveTo(ProposalStatus.Withdrawn, ProposalActor.Proposer));
    }

    [Fact]
    public void Submitting_twice_says_the_proposal_is_already_submitted()
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.Submitted);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Submit(_call, ProposalBuilder.ProposerUserId, InsideWindow));

        Assert.Equal("この提案はすでに「提出済み」です。", error.Message);
    }

    [Fact]
    public void Only_the_coordinator_returns_and_only_the_proposer_withdraws()
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.Submitted);

        Assert.True(proposal.CanMoveTo(ProposalStatus.Returned, ProposalActor.Coordinator));
        Assert.False(proposal.CanMoveTo(ProposalStatus.Returned, ProposalActor.Proposer));
        Assert.True(proposal.CanMoveTo(ProposalStatus.Withdrawn, ProposalActor.Proposer));
        Assert.False(proposal.CanMoveTo(ProposalStatus.Withdrawn, ProposalActor.Coordinator));
    }

    [Fact]
    public void The_whole_path_to_selection_is_kept_in_the_history()
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.Submitted);
        proposal.Return(ProposalBuilder.CoordinatorUserId, "参加費の根拠を書いてください。", AfterWindow);
        proposal.Resubmit(_call, ProposalBuilder.ProposerUserId, null, AfterWindow.AddDays(1));
        proposal.StartScreening(ProposalBuilder.CoordinatorUserId, AfterWindow.AddDays(2));
        proposal.Select(ProposalBuilder.CoordinatorUserId, "就労定着の実績がある。", AfterWindow.AddDays(30));

        Assert.Equal(
            [
                (ProposalStatus.Draft, ProposalStatus.Submitted, ProposalActor.Proposer, (string?)null),
                (ProposalStatus.Submitted, ProposalStatus.Returned, ProposalActor.Coordinator, "参加費の根拠を書いてください。"),
                (ProposalStatus.Returned, ProposalStatus.Resubmitted, ProposalActor.Proposer, null),
                (ProposalStatus.Resubmitted, ProposalStatus.UnderScreening, ProposalActor.Coordinator, null),
                (ProposalStatus.UnderScreening, ProposalStatus.Selected, ProposalActor.Coordinator, "就労定着の実績がある。"),
            ],
            proposal.History.Select(row => (row.From, row.To, row.Actor, row.Comment)));
        Assert.Equal(ProposalStatus.Selected, proposal.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Returning_a_proposal_needs_a_comment(string comment)
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.Submitted);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Return(ProposalBuilder.CoordinatorUserId, comment, AfterWindow));

        Assert.Equal("差し戻しの理由を入力してください。", error.Message);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Single(proposal.History);
    }

    [Fact]
    public void A_withdrawal_may_carry_a_reason()
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.UnderScreening);

        proposal.Withdraw(ProposalBuilder.ProposerUserId, "団体の体制が整わないため。", AfterWindow);

        Assert.Equal(ProposalStatus.Withdrawn, proposal.Status);
        Assert.Equal("団体の体制が整わないため。", proposal.History[^1].Comment);
    }

    [Fact]
    public void Submitting_before_the_window_opens_is_refused()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Submit(_call, ProposalBuilder.ProposerUserId, ProposalBuilder.OpensAtUtc.AddTicks(-1)));

        Assert.Equal("募集期間外のため提出できません。", error.Message);
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
    }

    [Fact]
    public void Submitting_after_the_window_closed_is_refused()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Submit(_call, ProposalBuilder.ProposerUserId, ProposalBuilder.ClosesAtUtc));

        Assert.Equal("募集期間外のため提出できません。", error.Message);
    }

    [Fact]
    public void Submitting_to_an_unpublished_call_is_refused()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);
        _call.Unpublish();

        Assert.Throws<DomainRuleException>(() => proposal.Submit(_call, ProposalBuilder.ProposerUserId, InsideWindow));
    }

    [Fact]
    public void A_returned_proposal_may_be_resubmitted_after_the_window_closed()
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.Returned);

        proposal.Resubmit(_call, ProposalBuilder.ProposerUserId, "内訳を追記しました。", AfterWindow.AddDays(20));

        Assert.False(_call.IsOpenAt(AfterWindow.AddDays(20)));
        Assert.Equal(ProposalStatus.Resubmitted, proposal.Status);
    }

    [Fact]
    public void A_returned_proposal_that_became_incomplete_cannot_be_resubmitted()
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.Returned);
        proposal.ReplaceKpis([], AfterWindow);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Resubmit(_call, ProposalBuilder.ProposerUserId, null, AfterWindow));

        Assert.Equal("成果指標（KPI）が設定されていません。", error.Message);
        Assert.Equal(ProposalStatus.Returned, proposal.Status);
    }

    [Fact]
    public void An_unbalanced_budget_is_refused_naming_the_year_and_both_totals()
    {
        // Seed 000: the participant fee was dropped to 0円 in the second year.
        var proposal = ProposalBuilder.CompleteDraft(_call);
        proposal.ReplaceBudget([.. Recipes.Seed000BudgetYear(Fy2025), .. Recipes.Seed000BudgetYear(Fy2026, fee: 0)], InsideWindow);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Submit(_call, ProposalBuilder.ProposerUserId, InsideWindow));

        Assert.Equal("収入と支出の合計が一致していません（令和8年度: 収入 300,000円 / 支出 420,000円）。", error.Message);
        Assert.False(proposal.BudgetByYear()[1].Balanced);
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
    }

    [Fact]
    public void A_city_share_over_the_yearly_cap_is_refused()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);
        proposal.ReplaceBudget(
        [
            .. Recipes.Seed000BudgetYear(Fy2025, cityShare: 350_000),
            new BudgetLineDraft(Fy2025, BudgetCategory.Travel, "講師交通費", 50_000),
            .. Recipes.Seed000BudgetYear(Fy2026, cityShare: 250_000),
            new BudgetLineDraft(Fy2026, BudgetCategory.Honoraria, "謝礼減額", 0),
            new BudgetLineDraft(Fy2026, BudgetCategory.GroupContribution, "団体負担", 50_000),
        ],
            InsideWindow);

        var problems = proposal.SubmissionProblems(_call);

        var problem = Assert.Single(problems);
        Assert.Equal(SubmissionProblemCode.CitySharePerYearOverCap, problem.Code);
        Assert.Equal("市負担金が募集の年度上限を超えています（令和7年度: 350,000円 / 上限 300,000円）。", problem.Message.ToString());
    }

    [Fact]
    public void A_city_share_over_the_total_cap_is_refused()
    {
        var call = new ProposalBuilder().WithCaps(perYear: 300_000, total: 500_000).BuildCall();
        var proposal = ProposalBuilder.CompleteDraft(call);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Submit(call, ProposalBuilder.ProposerUserId, InsideWindow));

        Assert.Equal("市負担金の合計が募集の上限を超えています（合計 600,000円 / 上限 500,000円）。", error.Message);
    }

    [Fact]
    public void A_proposal_without_kpis_is_refused()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);
        proposal.ReplaceKpis([], InsideWindow);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Submit(_call, ProposalBuilder.ProposerUserId, InsideWindow));

        Assert.Equal("成果指標（KPI）が設定されていません。", error.Message);
    }

    [Fact]
    public void A_quantitative_kpi_needs_a_target_for_every_year_of_the_term()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);
        proposal.ReplaceKpis(
            [new KpiDraft("就労者数", KpiKind.Quantitative, "人", "支援記録", [new(Fy2025, 4), new(Fy2026, null)])],
            InsideWindow);

        var error = Assert.Throws<DomainRuleException>(() => proposal.Submit(_call, ProposalBuilder.ProposerUserId, InsideWindow));

        Assert.Equal("成果指標「就労者数」の令和8年度の目標値が入力されていません。", error.Message);
    }

    [Fact]
    public void A_qualitative_kpi_takes_no_numeric_target()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        Assert.Throws<DomainRuleException>(() => proposal.ReplaceKpis(
            [new KpiDraft("意識の変化", KpiKind.Qualitative, null, null, [new(Fy2025, 3)])], InsideWindow));
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var call = new ProposalBuilder().OfType(ProposalType.MutualProposal).WithMaxTermYears(1).BuildCall();
        var proposal = new Proposal(call, "就労支援セミナー事業", null, null, ProposalBuilder.ProposerUserId, InsideWindow);
        proposal.UpdateOverview("就労支援セミナー事業", null, null, null, Fy2026, 2, null, null, InsideWindow);
        proposal.ReplaceBudget(Recipes.Seed000BudgetYear(Fy2025), InsideWindow);

        var codes = proposal.SubmissionProblems(call).Select(problem => problem.Code);

        Assert.Equal(
            [
                SubmissionProblemCode.BackgroundMissing,
                SubmissionProblemCode.PurposeMissing,
                SubmissionProblemCode.BeneficiariesMissing,
                SubmissionProblemCode.ProposingGroupMissing,
                SubmissionProblemCode.PartnerDepartmentMissing,
                SubmissionProblemCode.TermTooLong,
                SubmissionProblemCode.StartYearNotCallYear,
                SubmissionProblemCode.ActivitiesMissing,
                SubmissionProblemCode.RoleSplitsMissing,
                SubmissionProblemCode.ScheduleYearMissing,
                SubmissionProblemCode.ScheduleYearMissing,
                SubmissionProblemCode.BudgetOutsideTerm,
                SubmissionProblemCode.KpiMissing,
            ],
            codes);
    }

    [Fact]
    public void The_schedule_must_cover_every_year_of_the_term()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);
        proposal.ReplaceSchedule([new ScheduleItemDraft(Fy2025, "セミナー6回")], InsideWindow);

        var problem = Assert.Single(proposal.SubmissionProblems(_call));

        Assert.Equal("令和8年度のスケジュールが入力されていません。", problem.Message.ToString());
    }

    [Fact]
    public void Budget_lines_outside_the_term_are_refused()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);
        proposal.ReplaceBudget(
            [.. Recipes.Seed000BudgetYear(Fy2025), .. Recipes.Seed000BudgetYear(Fy2026), .. Recipes.Seed000BudgetYear(Fy2026 + 1, cityShare: 0, fee: 3_500)],
            InsideWindow);

        var problem = Assert.Single(proposal.SubmissionProblems(_call));

        Assert.Equal("事業期間外の年度に予算が入力されています（令和9年度）。", problem.Message.ToString());
    }

    [Theory]
    [InlineData(ProposalType.GroupProposal, true, false, null)]
    [InlineData(ProposalType.GroupProposal, false, true, SubmissionProblemCode.ProposingGroupMissing)]
    [InlineData(ProposalType.DepartmentProposal, false, true, null)]
    [InlineData(ProposalType.DepartmentProposal, true, false, SubmissionProblemCode.PartnerDepartmentMissing)]
    [InlineData(ProposalType.MutualProposal, true, false, SubmissionProblemCode.PartnerDepartmentMissing)]
    [InlineData(ProposalType.MutualProposal, false, true, SubmissionProblemCode.ProposingGroupMissing)]
    public void The_proposal_type_decides_who_must_be_named(ProposalType type, bool hasGroup, bool hasDepartment, SubmissionProblemCode? expected)
    {
        var call = new ProposalBuilder().OfType(type).BuildCall();
        var proposal = ProposalBuilder.CompleteDraft(call);
        proposal.UpdateOverview(
            proposal.Title,
            proposal.Background,
            proposal.Purpose,
            proposal.Beneficiaries,
            proposal.StartFiscalYear,
            proposal.TermYears,
            hasGroup ? ProposalBuilder.GroupId : null,
            hasDepartment ? ProposalBuilder.DepartmentId : null,
            InsideWindow);

        var codes = proposal.SubmissionProblems(call).Select(problem => problem.Code).ToList();

        if (expected is null)
        {
            Assert.Empty(codes);
        }
        else
        {
            Assert.Equal([expected.Value], codes);
        }
    }

    [Fact]
    public void A_term_longer_than_five_years_is_refused_when_editing()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        var error = Assert.Throws<DomainRuleException>(() => proposal.UpdateOverview(
            proposal.Title, null, null, null, Fy2025, 6, ProposalBuilder.GroupId, null, InsideWindow));

        Assert.Equal("事業期間は1年から5年の間で指定してください。", error.Message);
        Assert.Equal(2, proposal.TermYears);
    }

    [Fact]
    public void A_submitted_proposal_cannot_be_edited()
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.Submitted);

        Assert.False(proposal.IsEditable);
        var error = Assert.Throws<DomainRuleException>(() => proposal.ReplaceBudget(Recipes.Seed000BudgetYear(Fy2025), InsideWindow));
        Assert.Equal("「提出済み」の提案は編集できません。", error.Message);
        Assert.Throws<DomainRuleException>(() => proposal.UpdateOverview("別の事業名", null, null, null, Fy2025, 1, ProposalBuilder.GroupId, null, InsideWindow));
        Assert.Throws<DomainRuleException>(() => proposal.AddAttachment("予算書.xlsx", "application/vnd.ms-excel", 1024, "k1", ProposalBuilder.ProposerUserId, InsideWindow));
        Assert.Equal(10, proposal.BudgetLines.Count);
    }

    [Fact]
    public void A_returned_proposal_can_be_edited_again()
    {
        var proposal = ProposalBuilder.InState(_call, ProposalStatus.Returned);

        proposal.ReplaceActivities([new ActivityDraft("就労支援セミナー", 8, 20)], AfterWindow);

        Assert.True(proposal.IsEditable);
        Assert.Equal(8, Assert.Single(proposal.Activities).TimesPerYear);
    }

    [Fact]
    public void A_bad_row_leaves_the_section_as_it_was()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        Assert.Throws<DomainRuleException>(() => proposal.ReplaceActivities(
            [new ActivityDraft("相談会", 3, 10), new ActivityDraft("セミナー", -1, 20)], InsideWindow));

        Assert.Equal("就労支援セミナー", Assert.Single(proposal.Activities).Name);
    }

    [Fact]
    public void Attachments_are_added_and_removed_while_the_proposal_is_a_draft()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        var attachment = proposal.AddAttachment("収支予算書.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 20_480, "a1b2c3", ProposalBuilder.ProposerUserId, InsideWindow);

        Assert.Equal(("収支予算書.xlsx", 20_480L, InsideWindow), (attachment.FileName, attachment.SizeBytes, attachment.UploadedAtUtc));
        Assert.Same(attachment, proposal.RemoveAttachment(attachment.Id, InsideWindow));
        Assert.Empty(proposal.Attachments);
    }

    [Fact]
    public void Status_labels_are_japanese()
    {
        Assert.Equal("取り下げ", Label(ProposalStatus.Withdrawn));
    }

    private static string Label(ProposalStatus status) =>
        typeof(ProposalStatus).GetField(status.ToString())!
            .GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), false)
            .Cast<System.ComponentModel.DataAnnotations.DisplayAttribute>()
            .Single().Name!;

    [Fact]
    public void Budget_problems_name_the_year_and_have_a_wording_for_the_years_totals()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);
        proposal.ReplaceBudget([.. Recipes.Seed000BudgetYear(Fy2025), .. Recipes.Seed000BudgetYear(Fy2026, fee: 0)], InsideWindow);

        var problem = Assert.Single(proposal.BudgetProblems(_call));

        Assert.Equal(SubmissionProblemCode.BudgetUnbalanced, problem.Code);
        Assert.Equal(Fy2026, problem.FiscalYear);
        Assert.Equal("収入と支出の合計が一致していません（令和8年度: 収入 300,000円 / 支出 420,000円）。", problem.Message.ToString());
        Assert.Equal("令和8年度: 収入 300,000円 と支出 420,000円 が一致していません。", problem.AtField.ToString());
        var listed = Assert.Single(proposal.SubmissionProblems(_call));
        Assert.Equal((problem.Code, problem.FiscalYear, problem.Message.ToString()), (listed.Code, listed.FiscalYear, listed.Message.ToString()));
    }

    [Fact]
    public void Budget_problems_cover_both_caps_and_the_total_names_no_year()
    {
        var call = new ProposalBuilder().WithCaps(perYear: 300_000, total: 500_000).BuildCall();
        var proposal = ProposalBuilder.CompleteDraft(call);
        proposal.ReplaceBudget(
            [.. Recipes.Seed000BudgetYear(Fy2025, cityShare: 350_000), new BudgetLineDraft(Fy2025, BudgetCategory.Travel, "講師交通費", 50_000), .. Recipes.Seed000BudgetYear(Fy2026)],
            InsideWindow);

        var problems = proposal.BudgetProblems(call);

        Assert.Equal([SubmissionProblemCode.CitySharePerYearOverCap, SubmissionProblemCode.CityShareTotalOverCap], problems.Select(problem => problem.Code));
        Assert.Equal(Fy2025, problems[0].FiscalYear);
        Assert.Equal("令和7年度: 市負担金 350,000円 が1年度の上限 300,000円 を超えています。", problems[0].AtField.ToString());
        Assert.Null(problems[1].FiscalYear);
        Assert.Equal("市負担金の合計 650,000円 が全期間の上限 500,000円 を超えています。", problems[1].AtField.ToString());
        Assert.Equal("市負担金の合計が募集の上限を超えています（合計 650,000円 / 上限 500,000円）。", problems[1].Message.ToString());
    }

    [Fact]
    public void An_empty_budget_has_no_budget_problems_but_cannot_be_submitted()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);
        proposal.ReplaceBudget([], InsideWindow);

        Assert.Empty(proposal.BudgetProblems(_call));
        Assert.Equal(SubmissionProblemCode.BudgetMissing, Assert.Single(proposal.SubmissionProblems(_call)).Code);
    }

    [Fact]
    public void A_term_longer_than_the_call_allows_is_a_term_problem_worded_for_the_term_field()
    {
        var call = new ProposalBuilder().WithMaxTermYears(1).BuildCall();
        var proposal = ProposalBuilder.CompleteDraft(call);

        var problem = Assert.Single(proposal.TermProblems(call));

        Assert.Equal(SubmissionProblemCode.TermTooLong, problem.Code);
        Assert.Equal("事業期間が募集の上限を超えています（2年 / 上限 1年）。", problem.Message.ToString());
        Assert.Equal("この募集の実施期間は最長 1 年度です。", problem.AtField.ToString());
    }

    [Fact]
    public void Drafts_with_rows_outside_the_term_are_found_before_they_are_applied_even_for_a_year_that_is_no_fiscal_year()
    {
        var proposal = ProposalBuilder.CompleteDraft(_call);

        var schedule = Assert.Single(proposal.OutsideTermProblems([new ScheduleItemDraft(0, "改ざん"), new ScheduleItemDraft(Fy2025, "初年度")]));
        var budget = Assert.Single(proposal.OutsideTermProblems([.. Recipes.Seed000BudgetYear(Fy2026 + 1), .. Recipes.Seed000BudgetYear(Fy2025)]));
        var kpi = Assert.Single(proposal.OutsideTermProblems([new KpiDraft("就労者数", KpiKind.Quantitative, "人", null, [new(Fy2025, 4), new(Fy2026 + 1, 8)])]));

        Assert.Equal((SubmissionProblemCode.ScheduleOutsideTerm, 0), (schedule.Code, schedule.FiscalYear));
        Assert.Equal("事業期間外の年度にスケジュールが入力されています（0）。", schedule.Message.ToString());
        Assert.Equal((SubmissionProblemCode.BudgetOutsideTerm, Fy2026 + 1), (budget.Code, budget.FiscalYear));
        Assert.Equal("事業期間外の年度に予算が入力されています（令和9年度）。", budget.Message.ToString());
        Assert.Equal((SubmissionProblemCode.KpiTargetOutsideTerm, Fy2026 + 1), (kpi.Code, kpi.FiscalYear));
        Assert.Equal("成果指標「就労者数」に事業期間外の年度の目標が入力されています（令和9年度）。", kpi.Message.ToString());
        Assert.All([schedule, budget, kpi], problem => Assert.Equal("事業期間外の年度です。", problem.AtField.ToString()));
        Assert.Empty(proposal.SubmissionProblems(_call));
    }
}
