using KyodoPortal.Domain.Screening;

namespace KyodoPortal.Domain.Evaluations;

/// <summary>
/// The committee's aggregate for a round with screening's arithmetic
/// (<see cref="ScoreAggregation.Summarize"/>): overall (0–100, per-criterion means) and per
/// category (the same weighted score over that category's criteria only), and beside it the
/// submitted self-evaluations scored the same way but never counted.
/// </summary>
public sealed record EvaluationSummary(
    ProposalScoreSummary Committee,
    IReadOnlyList<CategorySummary> Categories,
    IReadOnlyList<SelfEvaluationScore> SelfEvaluations)
{
    public static EvaluationSummary For(EvaluationRound round, IEnumerable<EvaluationSheet> sheets, IEnumerable<SelfEvaluation> selfEvaluations)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(selfEvaluations);
        var ofRound = sheets?.ToList() ?? throw new ArgumentNullException(nameof(sheets));
        if (ofRound.Any(sheet => sheet.RoundId != round.Id))
        {
            throw new ArgumentException("A sheet belongs to another evaluation round.", nameof(sheets));
        }

        var rubric = round.Rubric;
        var committee = ScoreAggregation.Summarize(round.Roster, round.ProjectId, rubric, ofRound);
        var categories = new List<CategorySummary>();
        foreach (var category in Enum.GetValues<EvaluationCategory>())
        {
            var ids = round.Criteria.Where(criterion => criterion.Category == category).Select(criterion => criterion.Id).ToHashSet();
            if (ids.Count == 0)
            {
                continue;
            }

            var part = ScoreAggregation.Summarize(
                round.Roster,
                round.ProjectId,
                [.. rubric.Where(criterion => ids.Contains(criterion.Id))],
                ofRound.Select(sheet => new CategorySheet(sheet, [.. sheet.Entries.Where(entry => ids.Contains(entry.CriterionId))])));
            categories.Add(new CategorySummary(category, part.Score, part.SheetsCounted));
        }

        var selves = selfEvaluations
            .Where(self => self.RoundId == round.Id && self.IsSubmitted)
            .OrderBy(self => self.Side)
            .Select(self => new SelfEvaluationScore(
                self.Side,
                ScoreAggregation.MemberScore(rubric, self.Entries),
                self.Entries.ToDictionary(entry => entry.CriterionId),
                self.OverallComment))
            .ToList();
        return new EvaluationSummary(committee, categories, selves);
    }

    /// <summary>A committee sheet seen through one category's criteria.</summary>
    private sealed record CategorySheet(EvaluationSheet Sheet, IReadOnlyList<ScoreEntry> Entries) : IScoredSheet
    {
        public int Id => Sheet.Id;

        public string MemberUserId => Sheet.MemberUserId;

        public bool IsSubmitted => Sheet.IsSubmitted;
    }
}

/// <summary>The committee's mean score (0–100) over one category's criteria; null when no sheet counts.</summary>
public sealed record CategorySummary(EvaluationCategory Category, Score? Score, int SheetsCounted);

/// <summary>A submitted self-evaluation: its weighted score (null when all 該当なし) and its entries by criterion id.</summary>
public sealed record SelfEvaluationScore(SelfEvaluationSide Side, Score? Score, IReadOnlyDictionary<int, ScoreEntry> Entries, string? Comment);
