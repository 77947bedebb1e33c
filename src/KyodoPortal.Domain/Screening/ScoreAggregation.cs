namespace KyodoPortal.Domain.Screening;

/// <summary>
/// Pure aggregation of score sheets: member scores, proposal summaries and the call's ranking.
/// All comparisons use exact <see cref="Score"/> values; standard deviations are doubles for
/// display only.
/// </summary>
public static class ScoreAggregation
{
    private const int FullScore = 100;

    /// <summary>
    /// A member's weighted score on the 0–100 scale:
    /// 100 × Σ(weight × points) / Σ(weight × maxPoints) over the criteria not marked 該当なし.
    /// Null when every criterion is 該当なし (the sheet then is not counted).
    /// </summary>
    /// <exception cref="ArgumentException">A criterion has neither points nor 該当なし, or an entry names no criterion of the rubric.</exception>
    public static Score? MemberScore(IReadOnlyList<RubricCriterion> criteria, IReadOnlyList<ScoreEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Any(entry => criteria.All(criterion => criterion.Id != entry.CriterionId)))
        {
            throw new ArgumentException("An entry names a criterion outside the rubric.", nameof(entries));
        }

        long weighted = 0;
        long possible = 0;
        foreach (var criterion in criteria)
        {
            var entry = entries.FirstOrDefault(candidate => candidate.CriterionId == criterion.Id);
            if (entry is null || !entry.IsComplete)
            {
                throw new ArgumentException($"The sheet has no points for criterion {criterion.Id}.", nameof(entries));
            }

            if (entry.NotApplicable)
            {
                continue;
            }

            weighted += (long)criterion.Weight * entry.Points!.Value;
            possible += (long)criterion.Weight * criterion.MaxPoints;
        }

        return possible == 0 ? null : new Score(FullScore * weighted, possible);
    }

    /// <summary>
    /// Aggregates the sheets of one proposal. Counted: submitted sheets of members currently
    /// assigned and not recused from the proposal, whose score is not null (not all 該当なし).
    /// Drafts, recused or unassigned members' sheets and sheets of other proposals are ignored.
    /// </summary>
    /// <param name="sheets">Sheets of <paramref name="panel"/>; may include other proposals' sheets.</param>
    public static ProposalScoreSummary SummarizeProposal(
        ScreeningPanel panel,
        int proposalId,
        IReadOnlyList<RubricCriterion> criteria,
        IEnumerable<ScoreSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(sheets);
        return Summarize(panel.Roster, proposalId, criteria, OfPanel(panel, sheets).Where(sheet => sheet.ProposalId == proposalId));
    }

    /// <summary>
    /// Aggregates the sheets a committee wrote on one subject (a proposal in screening, a project's
    /// year in an evaluation round): the same arithmetic for both. Counted: submitted sheets of
    /// members the roster has assigned and not recused from the subject, whose score is not null
    /// (not all 該当なし). <see cref="ProposalScoreSummary.ProposalId"/> carries the subject id.
    /// </summary>
    /// <param name="sheets">The subject's sheets, at most one per member.</param>
    public static ProposalScoreSummary Summarize(
        ICommitteeRoster roster,
        int subjectId,
        IReadOnlyList<RubricCriterion> criteria,
        IEnumerable<IScoredSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(sheets);
        var ofSubject = sheets.ToList();
        var duplicate = ofSubject.GroupBy(sheet => sheet.MemberUserId, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException("A member has more than one sheet for the proposal.", nameof(sheets));
        }

        var counted = new List<(IScoredSheet Sheet, Score Score)>();
        foreach (var sheet in ofSubject)
        {
            if (!sheet.IsSubmitted || !roster.IsMember(sheet.MemberUserId) || roster.IsRecused(sheet.MemberUserId, subjectId))
            {
                continue;
            }

            if (MemberScore(criteria, sheet.Entries) is { } score)
            {
                counted.Add((sheet, score));
            }
        }

        var scores = counted.Select(item => item.Score).ToList();
        var hasScores = scores.Count > 0;
        return new ProposalScoreSummary(
            subjectId,
            hasScores ? Score.Mean(scores) : null,
            hasScores ? scores.Min() : null,
            hasScores ? scores.Max() : null,
            hasScores ? Score.PopulationStandardDeviation(scores) : null,
            counted.Count,
            roster.ExpectedMembers(subjectId).Count,
            [.. counted.Select(item => new CountedSheet(item.Sheet.Id, item.Sheet.MemberUserId, item.Score))],
            [.. criteria.Select(criterion => SummarizeCriterion(criterion, counted.Select(item => item.Sheet)))]);
    }

    /// <summary>Summarizes every proposal of the call and ranks them with the panel's minimum sheets and passing score.</summary>
    public static IReadOnlyList<RankingRow> Rank(
        ScreeningPanel panel,
        IEnumerable<int> proposalIds,
        IReadOnlyList<RubricCriterion> criteria,
        IEnumerable<ScoreSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(proposalIds);
        var allSheets = sheets?.ToList() ?? throw new ArgumentNullException(nameof(sheets));
        var summaries = proposalIds.Distinct().Select(id => SummarizeProposal(panel, id, criteria, allSheets)).ToList();
        return Rank(summaries, panel.MinimumSheets, panel.PassingScore);
    }

    /// <summary>
    /// Ranks proposals by score, highest first, compared exactly. Tie rule: equal scores share a
    /// rank and the next rank skips (standard competition ranking 1, 2, 2, 4); within a tie,
    /// lower proposal id first for a stable display. Proposals without a counted sheet come last,
    /// by proposal id, with no rank.
    /// </summary>
    public static IReadOnlyList<RankingRow> Rank(IEnumerable<ProposalScoreSummary> summaries, int minimumSheets, Score? passingScore)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var list = summaries.ToList();
        var scored = list
            .Where(summary => summary.Score is not null)
            .OrderByDescending(summary => summary.Score!.Value)
            .ThenBy(summary => summary.ProposalId)
            .ToList();
        var unscored = list.Where(summary => summary.Score is null).OrderBy(summary => summary.ProposalId);

        var rows = new List<RankingRow>(list.Count);
        for (var index = 0; index < scored.Count; index++)
        {
            var summary = scored[index];
            var score = summary.Score!.Value;
            var rank = index > 0 && scored[index - 1].Score!.Value == score ? rows[index - 1].Rank : index + 1;
            rows.Add(new RankingRow(
                summary.ProposalId,
                rank,
                score,
                summary.SheetsCounted,
                summary.SheetsExpected,
                summary.SheetsCounted < minimumSheets,
                passingScore is { } passing && score < passing));
        }

        rows.AddRange(unscored.Select(summary => new RankingRow(
            summary.ProposalId,
            Rank: null,
            Score: null,
            summary.SheetsCounted,
            summary.SheetsExpected,
            summary.SheetsCounted < minimumSheets,
            BelowPassingScore: false)));
        return rows;
    }

    private static IEnumerable<ScoreSheet> OfPanel(ScreeningPanel panel, IEnumerable<ScoreSheet> sheets)
    {
        foreach (var sheet in sheets)
        {
            ArgumentNullException.ThrowIfNull(sheet, nameof(sheets));
            if (sheet.PanelId != panel.Id)
            {
                throw new ArgumentException("A score sheet belongs to another screening panel.", nameof(sheets));
            }

            yield return sheet;
        }
    }

    private static CriterionSummary SummarizeCriterion(RubricCriterion criterion, IEnumerable<IScoredSheet> countedSheets)
    {
        var entries = countedSheets
            .Select(sheet => sheet.Entries.FirstOrDefault(entry => entry.CriterionId == criterion.Id))
            .OfType<ScoreEntry>()
            .ToList();
        var points = entries.Where(entry => !entry.NotApplicable && entry.Points is not null).Select(entry => entry.Points!.Value).ToList();
        var notApplicable = entries.Count(entry => entry.NotApplicable);
        if (points.Count == 0)
        {
            return new CriterionSummary(criterion.Id, criterion.Name, criterion.Weight, criterion.MaxPoints, 0, notApplicable, null, null, null, null);
        }

        var values = points.Select(value => Score.FromInteger(value)).ToList();
        return new CriterionSummary(
            criterion.Id,
            criterion.Name,
            criterion.Weight,
            criterion.MaxPoints,
            points.Count,
            notApplicable,
            Score.Mean(values),
            points.Min(),
            points.Max(),
            Score.PopulationStandardDeviation(values));
    }
}
