namespace KyodoPortal.Domain.Screening;

/// <summary>
/// 採否の決定: the coordinator's selected / not-selected decision on one proposal, with the reason
/// the group and department receive (required; what a departure from the ranking must explain is
/// in <see cref="ScreeningDecisionRules"/>). Decisions recorded before the reason was required may have none. The ranking position and score at the time are kept so
/// the record explains itself later.
/// </summary>
public sealed class ScreeningDecision
{
    public const int ReasonMaxLength = 1000;

    // For EF Core materialization.
    private ScreeningDecision()
    {
        DecidedByUserId = string.Empty;
    }

    internal ScreeningDecision(int proposalId, bool selected, string? reason, int? rankAtDecision, long? scoreTenthsAtDecision, string decidedByUserId, DateTime decidedAtUtc)
    {
        ProposalId = proposalId;
        Selected = selected;
        Reason = reason;
        RankAtDecision = rankAtDecision;
        ScoreTenthsAtDecision = scoreTenthsAtDecision;
        DecidedByUserId = decidedByUserId;
        DecidedAtUtc = decidedAtUtc;
    }

    public int Id { get; private set; }

    public int ProposalId { get; private set; }

    /// <summary>採択 (true) or 不採択 (false).</summary>
    public bool Selected { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The proposal's rank when decided; null when it had no counted sheet.</summary>
    public int? RankAtDecision { get; private set; }

    /// <summary>The proposal's score in tenths (display rounding) when decided; null without a score.</summary>
    public long? ScoreTenthsAtDecision { get; private set; }

    public string DecidedByUserId { get; private set; }

    public DateTime DecidedAtUtc { get; private set; }
}
