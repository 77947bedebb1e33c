namespace KyodoPortal.Domain.Screening;

/// <summary>A sheet that counts towards a proposal's score: submitted, by an assigned, non-recused member, not all 該当なし.</summary>
public sealed record CountedSheet(int SheetId, string MemberUserId, Score Score);

/// <summary>
/// How the counted sheets scored one criterion of one proposal, 該当なし entries left out: the
/// exact mean points and the spread (lowest, highest, population standard deviation).
/// </summary>
public sealed record CriterionSummary(
    int CriterionId,
    string Name,
    int Weight,
    int MaxPoints,
    int EntriesCounted,
    int NotApplicableCount,
    Score? MeanPoints,
    int? LowestPoints,
    int? HighestPoints,
    double? StandardDeviation);

/// <summary>
/// The aggregate of one proposal: the exact mean of the counted member scores (0–100), their
/// lowest, highest and population standard deviation (display only), how many sheets were
/// counted and how many are expected (assigned members not recused from the proposal).
/// Score, Lowest, Highest and StandardDeviation are null when no sheet is counted.
/// </summary>
public sealed record ProposalScoreSummary(
    int ProposalId,
    Score? Score,
    Score? Lowest,
    Score? Highest,
    double? StandardDeviation,
    int SheetsCounted,
    int SheetsExpected,
    IReadOnlyList<CountedSheet> CountedSheets,
    IReadOnlyList<CriterionSummary> Criteria);

/// <summary>
/// One line of a call's ranking. <see cref="Rank"/> is null for a proposal without a counted
/// sheet (listed last). <see cref="BelowMinimumSheets"/>: fewer counted sheets than the panel's
/// minimum. <see cref="BelowPassingScore"/>: a passing score is set and the score is strictly
/// below it (false without a score).
/// </summary>
public sealed record RankingRow(
    int ProposalId,
    int? Rank,
    Score? Score,
    int SheetsCounted,
    int SheetsExpected,
    bool BelowMinimumSheets,
    bool BelowPassingScore);
