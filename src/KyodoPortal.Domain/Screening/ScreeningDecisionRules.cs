using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Screening;

/// <summary>
/// The reason the coordinator must give for a decision. Every decision needs one: 採択 and 不採択
/// are both mailed to the proposing group and the partner department with the reason, and a group
/// told 不採択 without a reason cannot learn from it. A decision that <b>departs</b> from the
/// ranking asks for that departure to be explained. Pure: computed from the ranking, the decisions
/// already recorded and the passing score.
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
/// Selecting a proposal without a score (no counted sheet) or with a score strictly below the
/// passing score is a departure too.
/// </para>
/// </remarks>
public static class ScreeningDecisionRules
{
    /// <summary>
    /// The message asking for the reason of deciding <paramref name="proposalId"/> this way: the
    /// departure to explain, or (in order) the plain request for the reason the group will read.
    /// </summary>
    public static UserMessage ReasonRequest(
        int proposalId,
        bool selected,
        IReadOnlyList<RankingRow> ranking,
        IReadOnlyDictionary<int, bool> decided,
        Score? passingScore) =>
        DepartureMessage(proposalId, selected, ranking, decided, passingScore)
            ?? (selected
                ? "採択の理由を入力してください。理由は提案団体と担当課に通知されます。"
                : "不採択の理由を入力してください。理由は提案団体と担当課に通知されます。");

    /// <summary>Whether deciding <paramref name="proposalId"/> this way departs from the ranking (or the passing score).</summary>
    public static bool DepartsFromRanking(
        int proposalId,
        bool selected,
        IReadOnlyList<RankingRow> ranking,
        IReadOnlyDictionary<int, bool> decided,
        Score? passingScore) =>
        DepartureMessage(proposalId, selected, ranking, decided, passingScore) is not null;

    /// <summary>
    /// Null when the decision follows the ranking; otherwise the message asking to explain the
    /// departure (Japanese, shown to the coordinator).
    /// </summary>
    /// <param name="decided">Decisions already recorded: proposal id → selected. An entry for <paramref name="proposalId"/> itself is ignored.</param>
    public static UserMessage? DepartureMessage(
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
