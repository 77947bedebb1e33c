using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Screening;

/// <summary>
/// When the coordinator must give a reason for a decision. Pure: computed from the ranking, the
/// decisions already recorded and the passing score.
/// </summary>
/// <remarks>
/// <para>
/// "Better-ranked": a ranked proposal with a strictly smaller rank number, or any ranked proposal
/// when this one has no rank. Proposals tied on a rank are never better than one another, so
/// choosing among a tie needs no reason.
/// </para>
/// <para>
/// A decision is <b>out of order</b> when it creates an inversion with a decision already
/// recorded: selecting a proposal while a better-ranked one was recorded 不採択, or not selecting a
/// proposal while a worse-ranked one was recorded 採択. Undecided proposals are not considered.
/// Because each pair is checked whenever its second decision is recorded, every inversion
/// (better 不採択, worse 採択) carries a reason on at least one side, whatever the order of entry.
/// </para>
/// <para>
/// A reason is also required to select a proposal without a score (no counted sheet) or with a
/// score strictly below the passing score.
/// </para>
/// </remarks>
public static class ScreeningDecisionRules
{
    /// <summary>Whether a reason is required for deciding <paramref name="proposalId"/> this way.</summary>
    public static bool IsReasonRequired(
        int proposalId,
        bool selected,
        IReadOnlyList<RankingRow> ranking,
        IReadOnlyDictionary<int, bool> decided,
        Score? passingScore) =>
        ReasonRequiredMessage(proposalId, selected, ranking, decided, passingScore) is not null;

    /// <summary>
    /// Null when no reason is required; otherwise the message asking for one (Japanese, shown to
    /// the coordinator).
    /// </summary>
    /// <param name="decided">Decisions already recorded: proposal id → selected. An entry for <paramref name="proposalId"/> itself is ignored.</param>
    public static UserMessage? ReasonRequiredMessage(
        int proposalId,
        bool selected,
        IReadOnlyList<RankingRow> ranking,
        IReadOnlyDictionary<int, bool> decided,
        Score? passingScore)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(decided);
        var row = ranking.FirstOrDefault(candidate => candidate.ProposalId == proposalId)
            ?? throw new ArgumentException("The proposal is not in the ranking.", nameof(proposalId));
        var others = ranking
            .Where(other => other.ProposalId != proposalId && decided.ContainsKey(other.ProposalId))
            .ToList();

        if (selected)
        {
            if (row.Score is null)
            {
                return "集計された評価がない提案を採択するため、採択の理由を入力してください。";
            }

            var betterNotSelected = others
                .Where(other => !decided[other.ProposalId] && IsBetter(other, row))
                .MinBy(other => other.Rank);
            if (betterNotSelected is not null)
            {
                return new UserMessage("この提案より順位が上の提案（{0}位）が不採択のため、採択の理由を入力してください。", betterNotSelected.Rank);
            }

            if (passingScore is { } passing && row.Score.Value < passing)
            {
                return new UserMessage("合格基準点（{0}点）に満たない提案を採択するため、採択の理由を入力してください。", passing);
            }

            return null;
        }

        var worseSelected = others.Any(other => decided[other.ProposalId] && IsBetter(row, other));
        return worseSelected
            ? new UserMessage("この提案より順位が下の提案が採択されているため、不採択の理由を入力してください。")
            : null;
    }

    private static bool IsBetter(RankingRow candidate, RankingRow than) =>
        candidate.Rank is { } rank && (than.Rank is not { } thanRank || rank < thanRank);
}
