using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Tests.Domain.Screening;

public class ScoreAggregationTests
{
    private const int ProposalId = 11;

    [Fact]
    public void The_member_score_is_the_weighted_points_over_the_weighted_maximum()
    {
        var panel = ScreeningBuilder.Panel(["member-a"]);
        var sheet = ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 5, 4, 3);

        // (3×5 + 2×4 + 1×3) / (3×5 + 2×5 + 1×5) × 100 = 26/30 × 100 = 86.666…
        var score = ScoreAggregation.MemberScore(ScreeningBuilder.Rubric, sheet.Entries);

        Assert.Equal(new Score(260, 3), score);
        Assert.Equal("86.7", score.ToString());
    }

    [Fact]
    public void A_criterion_marked_not_applicable_is_left_out_of_the_weighted_score()
    {
        var panel = ScreeningBuilder.Panel(["member-a"]);
        var sheet = ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 5, 4, null);

        // (3×5 + 2×4) / (3×5 + 2×5) × 100 = 23/25 × 100 = 92.
        var score = ScoreAggregation.MemberScore(ScreeningBuilder.Rubric, sheet.Entries);

        Assert.Equal(Score.FromInteger(92), score);
        Assert.Equal("92.0", score.ToString());
    }

    [Fact]
    public void A_sheet_with_every_criterion_not_applicable_has_no_score_and_is_not_counted()
    {
        var panel = ScreeningBuilder.Panel(["member-a", "member-b"]);
        var allNotApplicable = ScreeningBuilder.Submitted(panel, "member-a", ProposalId, null, null, null);
        var scored = ScreeningBuilder.Submitted(panel, "member-b", ProposalId, 5, 5, 5);

        var summary = ScoreAggregation.SummarizeProposal(panel, ProposalId, ScreeningBuilder.Rubric, [allNotApplicable, scored]);

        Assert.Null(ScoreAggregation.MemberScore(ScreeningBuilder.Rubric, allNotApplicable.Entries));
        Assert.Equal(1, summary.SheetsCounted);
        Assert.Equal(2, summary.SheetsExpected);
        Assert.Equal(Score.FromInteger(100), summary.Score);
    }

    [Fact]
    public void A_member_score_needs_every_criterion_scored_or_not_applicable()
    {
        var panel = ScreeningBuilder.Panel(["member-a"]);
        var draft = ScreeningBuilder.Draft(panel, "member-a", ProposalId, ScreeningBuilder.Rubric, 5, 4);

        Assert.Throws<ArgumentException>(() => ScoreAggregation.MemberScore(ScreeningBuilder.Rubric, draft.Entries));
    }

    [Fact]
    public void The_proposal_score_is_the_exact_mean_with_lowest_highest_and_population_standard_deviation()
    {
        var panel = ScreeningBuilder.Panel(["member-a", "member-b", "member-c"]);
        ScoreSheet[] sheets =
        [
            ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 5, 5, 5),
            ScreeningBuilder.Submitted(panel, "member-b", ProposalId, 3, 3, 3),
            ScreeningBuilder.Submitted(panel, "member-c", ProposalId, 1, 1, 1),
        ];

        var summary = ScoreAggregation.SummarizeProposal(panel, ProposalId, ScreeningBuilder.Rubric, sheets);

        // Member scores 100, 60, 20: mean 60, deviations ±40 and 0 → √(3200/3) = 32.659…
        Assert.Equal(Score.FromInteger(60), summary.Score);
        Assert.Equal(Score.FromInteger(20), summary.Lowest);
        Assert.Equal(Score.FromInteger(100), summary.Highest);
        Assert.Equal(Math.Sqrt(3200.0 / 3), summary.StandardDeviation!.Value, precision: 9);
        Assert.Equal(3, summary.SheetsCounted);
        Assert.Equal(3, summary.SheetsExpected);
        Assert.Equal(["member-a", "member-b", "member-c"], summary.CountedSheets.Select(sheet => sheet.MemberUserId));
    }

    [Fact]
    public void The_mean_of_member_scores_is_exact_even_when_their_denominators_differ()
    {
        var panel = ScreeningBuilder.Panel(["member-a", "member-b"]);
        ScoreSheet[] sheets =
        [
            ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 5, 4, 3), // 260/3
            ScreeningBuilder.Submitted(panel, "member-b", ProposalId, 5, 4, null), // 92
        ];

        var summary = ScoreAggregation.SummarizeProposal(panel, ProposalId, ScreeningBuilder.Rubric, sheets);

        // (260/3 + 92) / 2 = 536/6 = 268/3 = 89.333…
        Assert.Equal(new Score(268, 3), summary.Score);
        Assert.Equal("89.3", summary.Score.ToString());
    }

    [Fact]
    public void A_recused_member_is_left_out_of_the_score_and_of_the_sheets_expected()
    {
        var panel = ScreeningBuilder.Panel(["member-a", "member-b", "member-c"]);
        ScoreSheet[] sheets =
        [
            ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 5, 5, 5),
            ScreeningBuilder.Submitted(panel, "member-b", ProposalId, 3, 3, 3),
            ScreeningBuilder.Submitted(panel, "member-c", ProposalId, 1, 1, 1),
        ];
        panel.Recuse("member-c", ProposalId, "提案団体の理事であることが判明したため。", ScreeningBuilder.Coordinator, ScreeningBuilder.Later);

        var summary = ScoreAggregation.SummarizeProposal(panel, ProposalId, ScreeningBuilder.Rubric, sheets);

        Assert.Equal(Score.FromInteger(80), summary.Score);
        Assert.Equal(2, summary.SheetsCounted);
        Assert.Equal(2, summary.SheetsExpected);
        Assert.DoesNotContain(summary.CountedSheets, sheet => sheet.MemberUserId == "member-c");
    }

    [Fact]
    public void Draft_sheets_are_expected_but_not_counted()
    {
        var panel = ScreeningBuilder.Panel(["member-a", "member-b"]);
        ScoreSheet[] sheets =
        [
            ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 4, 4, 4),
            ScreeningBuilder.Draft(panel, "member-b", ProposalId, ScreeningBuilder.Rubric, 1, 1, 1),
        ];

        var summary = ScoreAggregation.SummarizeProposal(panel, ProposalId, ScreeningBuilder.Rubric, sheets);

        Assert.Equal(Score.FromInteger(80), summary.Score);
        Assert.Equal(1, summary.SheetsCounted);
        Assert.Equal(2, summary.SheetsExpected);
    }

    [Fact]
    public void A_removed_member_is_neither_counted_nor_expected()
    {
        var panel = ScreeningBuilder.Panel(["member-a", "member-b"]);
        ScoreSheet[] sheets =
        [
            ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 4, 4, 4),
            ScreeningBuilder.Submitted(panel, "member-b", ProposalId, 1, 1, 1),
        ];
        panel.RemoveMember("member-b", ScreeningBuilder.Later);

        var summary = ScoreAggregation.SummarizeProposal(panel, ProposalId, ScreeningBuilder.Rubric, sheets);

        Assert.Equal(Score.FromInteger(80), summary.Score);
        Assert.Equal(1, summary.SheetsCounted);
        Assert.Equal(1, summary.SheetsExpected);
    }

    [Fact]
    public void Sheets_of_other_proposals_are_ignored()
    {
        var panel = ScreeningBuilder.Panel(["member-a"]);
        ScoreSheet[] sheets =
        [
            ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 4, 4, 4),
            ScreeningBuilder.Submitted(panel, "member-a", 99, 1, 1, 1),
        ];

        var summary = ScoreAggregation.SummarizeProposal(panel, ProposalId, ScreeningBuilder.Rubric, sheets);

        Assert.Equal(Score.FromInteger(80), summary.Score);
        Assert.Equal(1, summary.SheetsCounted);
    }

    [Fact]
    public void Each_criterion_shows_mean_points_and_spread_without_not_applicable_entries()
    {
        var panel = ScreeningBuilder.Panel(["member-a", "member-b", "member-c"]);
        ScoreSheet[] sheets =
        [
            ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 5, 4, 3),
            ScreeningBuilder.Submitted(panel, "member-b", ProposalId, 4, 4, null),
            ScreeningBuilder.Submitted(panel, "member-c", ProposalId, 4, 1, 5),
        ];

        var summary = ScoreAggregation.SummarizeProposal(panel, ProposalId, ScreeningBuilder.Rubric, sheets);

        var publicBenefit = summary.Criteria[0];
        Assert.Equal("公益性", publicBenefit.Name);
        Assert.Equal(new Score(13, 3), publicBenefit.MeanPoints);
        Assert.Equal(4, publicBenefit.LowestPoints);
        Assert.Equal(5, publicBenefit.HighestPoints);
        Assert.Equal(3, publicBenefit.EntriesCounted);

        var effect = summary.Criteria[2];
        Assert.Equal(2, effect.EntriesCounted);
        Assert.Equal(1, effect.NotApplicableCount);
        Assert.Equal(Score.FromInteger(4), effect.MeanPoints);
        Assert.Equal(3, effect.LowestPoints);
        Assert.Equal(5, effect.HighestPoints);
        Assert.Equal(1.0, effect.StandardDeviation!.Value, precision: 9);
    }

    [Fact]
    public void A_criterion_nobody_scored_has_no_mean()
    {
        var panel = ScreeningBuilder.Panel(["member-a"]);
        var sheet = ScreeningBuilder.Submitted(panel, "member-a", ProposalId, 5, 4, null);

        var effect = ScoreAggregation.SummarizeProposal(panel, ProposalId, ScreeningBuilder.Rubric, [sheet]).Criteria[2];

        Assert.Null(effect.MeanPoints);
        Assert.Null(effect.StandardDeviation);
        Assert.Equal(1, effect.NotApplicableCount);
    }

    [Fact]
    public void Scores_of_one_third_and_two_sixths_are_equal_and_tie_in_the_ranking()
    {
        IReadOnlyList<RubricCriterion> rubric = [new(1, "公益性", 1, 3), new(2, "実現性", 1, 3)];
        var panel = ScreeningBuilder.Panel(["member-a"]);
        ScoreSheet[] sheets =
        [
            ScreeningBuilder.SubmittedWithRubric(panel, "member-a", 20, rubric, 1, null), // 100 × 1/3
            ScreeningBuilder.SubmittedWithRubric(panel, "member-a", 10, rubric, 1, 1), // 100 × 2/6
        ];

        var ranking = ScoreAggregation.Rank(panel, [20, 10], rubric, sheets);

        Assert.Equal(ranking[0].Score, ranking[1].Score);
        Assert.Equal(new Score(100, 3), ranking[0].Score);
        Assert.Equal([10, 20], ranking.Select(row => row.ProposalId));
        Assert.Equal([1, 1], ranking.Select(row => row.Rank));
    }

    [Fact]
    public void Equal_scores_share_a_rank_the_next_rank_skips_and_ties_are_listed_by_proposal_id()
    {
        ProposalScoreSummary[] summaries =
        [
            Summary(40, 70),
            Summary(30, 80),
            Summary(50, null),
            Summary(10, 90),
            Summary(20, 80),
        ];

        var ranking = ScoreAggregation.Rank(summaries, minimumSheets: 1, passingScore: null);

        Assert.Equal([10, 20, 30, 40, 50], ranking.Select(row => row.ProposalId));
        Assert.Equal([1, 2, 2, 4, null], ranking.Select(row => row.Rank));
    }

    [Fact]
    public void Proposals_without_a_counted_sheet_come_last_in_id_order_without_a_rank()
    {
        ProposalScoreSummary[] summaries = [Summary(9, null), Summary(3, null), Summary(5, 10)];

        var ranking = ScoreAggregation.Rank(summaries, minimumSheets: 1, passingScore: Score.FromTenths(600));

        Assert.Equal([5, 3, 9], ranking.Select(row => row.ProposalId));
        Assert.Equal([1, null, null], ranking.Select(row => row.Rank));
        Assert.All(ranking.Skip(1), row => Assert.True(row.BelowMinimumSheets));
        Assert.All(ranking.Skip(1), row => Assert.False(row.BelowPassingScore));
    }

    [Fact]
    public void Rows_with_fewer_counted_sheets_than_the_minimum_are_flagged()
    {
        ProposalScoreSummary[] summaries = [Summary(1, 90, sheetsCounted: 3), Summary(2, 80, sheetsCounted: 2)];

        var ranking = ScoreAggregation.Rank(summaries, minimumSheets: 3, passingScore: null);

        Assert.False(ranking[0].BelowMinimumSheets);
        Assert.True(ranking[1].BelowMinimumSheets);
    }

    [Fact]
    public void Rows_below_the_passing_score_are_flagged_by_the_exact_score_not_the_rounded_one()
    {
        ProposalScoreSummary[] summaries =
        [
            ExactSummary(1, Score.FromInteger(60)),
            ExactSummary(2, new Score(1199, 20)), // 59.95, shown as 60.0
        ];

        var ranking = ScoreAggregation.Rank(summaries, minimumSheets: 1, passingScore: Score.FromTenths(600));

        Assert.False(ranking[0].BelowPassingScore);
        Assert.True(ranking[1].BelowPassingScore);
        Assert.Equal("60.0", ranking[1].Score.ToString());
    }

    [Fact]
    public void Ranking_a_panel_uses_its_minimum_sheets_and_passing_score_and_lists_unscored_proposals()
    {
        var panel = ScreeningBuilder.Panel(["member-a", "member-b"], minimumSheets: 2, passingScoreTenths: 600);
        ScoreSheet[] sheets =
        [
            ScreeningBuilder.Submitted(panel, "member-a", 1, 5, 5, 5),
            ScreeningBuilder.Submitted(panel, "member-b", 1, 4, 4, 4),
            ScreeningBuilder.Submitted(panel, "member-a", 2, 2, 2, 2),
        ];

        var ranking = ScoreAggregation.Rank(panel, [3, 2, 1], ScreeningBuilder.Rubric, sheets);

        Assert.Equal([1, 2, 3], ranking.Select(row => row.ProposalId));
        Assert.Equal(new RankingRow(1, 1, Score.FromInteger(90), 2, 2, BelowMinimumSheets: false, BelowPassingScore: false), ranking[0]);
        Assert.Equal(new RankingRow(2, 2, Score.FromInteger(40), 1, 2, BelowMinimumSheets: true, BelowPassingScore: true), ranking[1]);
        Assert.Equal(new RankingRow(3, null, null, 0, 2, BelowMinimumSheets: true, BelowPassingScore: false), ranking[2]);
    }

    private static ProposalScoreSummary Summary(int proposalId, int? score, int sheetsCounted = 1) =>
        ExactSummary(proposalId, score is { } value ? Score.FromInteger(value) : null, sheetsCounted);

    private static ProposalScoreSummary ExactSummary(int proposalId, Score? score, int sheetsCounted = 1) =>
        new(proposalId, score, score, score, score is null ? null : 0, score is null ? 0 : sheetsCounted, 3, [], []);
}
