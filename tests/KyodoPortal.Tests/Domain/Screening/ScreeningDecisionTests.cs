using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Tests.Domain.Screening;

public class ScreeningDecisionTests
{
    // Ranks 1, 2, 2, 4 and one proposal without a counted sheet.
    private static readonly IReadOnlyList<RankingRow> Ranking =
    [
        Row(1, 1, 90),
        Row(2, 2, 80),
        Row(3, 2, 80),
        Row(4, 4, 55),
        new(5, null, null, 0, 3, BelowMinimumSheets: true, BelowPassingScore: false),
    ];

    private static readonly Score Passing = Score.FromTenths(600);

    [Fact]
    public void Following_the_ranking_is_no_departure()
    {
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(1, true, Ranking, Decided(), Passing));
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(2, true, Ranking, Decided((1, true)), Passing));
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(4, false, Ranking, Decided((1, true), (2, true)), Passing));
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(1, false, Ranking, Decided((2, false)), Passing));
    }

    [Fact]
    public void Selecting_a_proposal_while_a_better_ranked_one_is_not_selected_asks_to_explain_the_departure()
    {
        var message = ScreeningDecisionRules.DepartureMessage(2, true, Ranking, Decided((1, false)), Passing);

        Assert.Equal("この提案より順位が上の提案（1位）が不採択のため、採択の理由を入力してください。", message?.ToString());
    }

    [Fact]
    public void Not_selecting_a_proposal_while_a_worse_ranked_one_is_selected_asks_to_explain_the_departure()
    {
        var message = ScreeningDecisionRules.DepartureMessage(1, false, Ranking, Decided((2, true)), Passing);

        Assert.Equal("この提案より順位が下の提案が採択されているため、不採択の理由を入力してください。", message?.ToString());
    }

    [Fact]
    public void Proposals_still_undecided_do_not_make_a_decision_out_of_order()
    {
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(2, true, Ranking, Decided(), Passing));
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(1, false, Ranking, Decided(), Passing));
    }

    [Fact]
    public void Choosing_between_proposals_tied_on_a_rank_is_no_departure()
    {
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(3, true, Ranking, Decided((1, true), (2, false)), Passing));
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(2, false, Ranking, Decided((1, true), (3, true)), Passing));
    }

    [Fact]
    public void Selecting_below_the_passing_score_departs_but_not_selecting_does_not()
    {
        var message = ScreeningDecisionRules.DepartureMessage(4, true, Ranking, Decided((1, true), (2, true), (3, true)), Passing);

        Assert.Equal("合格基準点（60.0点）に満たない提案を採択するため、採択の理由を入力してください。", message?.ToString());
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(4, false, Ranking, Decided(), Passing));
        Assert.False(ScreeningDecisionRules.DepartsFromRanking(4, true, Ranking, Decided(), passingScore: null));
    }

    [Fact]
    public void A_score_exactly_at_the_passing_score_passes()
    {
        IReadOnlyList<RankingRow> ranking = [Row(1, 1, 60)];

        Assert.False(ScreeningDecisionRules.DepartsFromRanking(1, true, ranking, Decided(), Passing));
    }

    [Fact]
    public void Selecting_a_proposal_without_a_score_departs()
    {
        var message = ScreeningDecisionRules.DepartureMessage(5, true, Ranking, Decided(), Passing);

        Assert.Equal("集計された評価がない提案を採択するため、採択の理由を入力してください。", message?.ToString());
        Assert.True(ScreeningDecisionRules.DepartsFromRanking(5, false, Ranking, Decided((5, false), (4, true)), null) is false);
        Assert.True(ScreeningDecisionRules.DepartsFromRanking(4, false, Ranking, Decided((5, true)), null));
    }

    [Fact]
    public void Decisions_wait_until_screening_is_closed()
    {
        var panel = ScreeningBuilder.Panel(["member-a"]);

        var error = Assert.Throws<DomainRuleException>(() =>
            panel.Decide(1, true, null, Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later));

        Assert.Equal("審査を終了してから採否を決定してください。", error.Message);
    }

    [Fact]
    public void The_panel_refuses_an_out_of_order_decision_without_a_reason_and_records_it_with_one()
    {
        var panel = ClosedPanel();
        panel.Decide(1, false, "事業費の積算に重大な誤りがあるため。", Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later);

        var error = Assert.Throws<DomainRuleException>(() =>
            panel.Decide(2, true, null, Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later));
        var decision = panel.Decide(2, true, "上位提案の不採択により繰り上げ。", Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later);

        Assert.Equal("この提案より順位が上の提案（1位）が不採択のため、採択の理由を入力してください。", error.Message);
        Assert.True(decision.Selected);
        Assert.Equal("上位提案の不採択により繰り上げ。", decision.Reason);
        Assert.Equal(2, decision.RankAtDecision);
        Assert.Equal(800, decision.ScoreTenthsAtDecision);
        Assert.Equal(ScreeningBuilder.Coordinator, decision.DecidedByUserId);
        Assert.Equal(ScreeningBuilder.Later, decision.DecidedAtUtc);
        Assert.Equal([1, 2], panel.Decisions.Select(recorded => recorded.ProposalId));
    }

    [Fact]
    public void The_panel_uses_its_passing_score()
    {
        var panel = ClosedPanel(passingScoreTenths: 600);

        var error = Assert.Throws<DomainRuleException>(() =>
            panel.Decide(4, true, null, Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later));

        Assert.Equal("合格基準点（60.0点）に満たない提案を採択するため、採択の理由を入力してください。", error.Message);
    }

    [Fact]
    public void Each_proposal_is_decided_once()
    {
        var panel = ClosedPanel();
        var decision = panel.Decide(1, true, "最も評価が高い。", Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later);

        var error = Assert.Throws<DomainRuleException>(() =>
            panel.Decide(1, false, "理由。", Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later));

        Assert.Equal("最も評価が高い。", decision.Reason);
        Assert.Equal("この提案の採否はすでに決定しています。", error.Message);
    }

    [Fact]
    public void Every_decision_needs_a_reason_because_the_group_receives_it_even_in_ranking_order_above_the_passing_score()
    {
        var panel = ClosedPanel(passingScoreTenths: 600);

        var selecting = Assert.Throws<DomainRuleException>(() =>
            panel.Decide(1, true, null, Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later));
        var rejecting = Assert.Throws<DomainRuleException>(() =>
            panel.Decide(2, false, "  ", Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later));

        Assert.Equal("採択の理由を入力してください。理由は提案団体と担当課に通知されます。", selecting.Message);
        Assert.Equal("不採択の理由を入力してください。理由は提案団体と担当課に通知されます。", rejecting.Message);
        Assert.Empty(panel.Decisions);
    }

    [Fact]
    public void Only_proposals_in_the_ranking_can_be_decided()
    {
        var panel = ClosedPanel();

        var error = Assert.Throws<DomainRuleException>(() =>
            panel.Decide(99, true, "理由。", Ranking, ScreeningBuilder.Coordinator, ScreeningBuilder.Later));

        Assert.Equal("この提案は審査の対象ではありません。", error.Message);
    }

    private static ScreeningPanel ClosedPanel(int? passingScoreTenths = null)
    {
        var panel = ScreeningBuilder.Panel(["member-a"], passingScoreTenths: passingScoreTenths);
        panel.Close(ScreeningBuilder.Later);
        return panel;
    }

    private static RankingRow Row(int proposalId, int rank, int score) =>
        new(proposalId, rank, Score.FromInteger(score), 3, 3, BelowMinimumSheets: false, BelowPassingScore: score < 60);

    private static Dictionary<int, bool> Decided(params (int ProposalId, bool Selected)[] decisions) =>
        decisions.ToDictionary(decision => decision.ProposalId, decision => decision.Selected);
}
