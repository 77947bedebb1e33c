namespace KyodoPortal.Domain.Meetings;

/// <summary>
/// A project party's suggested wording for one of its own answers while the minutes are
/// 確認中; the coordinator accepts it (the answer takes the text) or rejects it.
/// </summary>
public sealed class CorrectionSuggestion
{
    public const int CommentMaxLength = 1000;

    // For EF Core materialization.
    private CorrectionSuggestion()
    {
        OriginalText = string.Empty;
        SuggestedText = string.Empty;
        ByUserId = string.Empty;
    }

    internal CorrectionSuggestion(int number, int answerNumber, string originalText, string suggestedText, AnswerParty party, string byUserId, DateTime atUtc)
    {
        Number = number;
        AnswerNumber = answerNumber;
        OriginalText = originalText;
        SuggestedText = suggestedText;
        Party = party;
        ByUserId = byUserId;
        AtUtc = atUtc;
        Status = SuggestionStatus.Pending;
    }

    public int Id { get; private set; }

    /// <summary>Unique within the minutes; what routes refer to.</summary>
    public int Number { get; private set; }

    /// <summary>The <see cref="QaAnswer.Number"/> it is about.</summary>
    public int AnswerNumber { get; private set; }

    /// <summary>The answer's text when the suggestion was made, to show the difference.</summary>
    public string OriginalText { get; private set; }

    public string SuggestedText { get; private set; }

    /// <summary>The side the answer is recorded for; only that party suggests on it (<see cref="QaAnswer.IsBy"/>).</summary>
    public AnswerParty Party { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public SuggestionStatus Status { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>Why it was rejected (optional).</summary>
    public string? DecisionComment { get; private set; }

    public bool IsPending => Status == SuggestionStatus.Pending;

    internal void Decide(SuggestionStatus status, string userId, string? comment, DateTime nowUtc)
    {
        Status = status;
        DecidedByUserId = userId;
        DecisionComment = comment;
        DecidedAtUtc = nowUtc;
    }
}
