using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Meetings;

/// <summary>
/// 議事録（質疑応答）: one version of a report meeting's Q&amp;A minutes — per agenda item, the
/// questions, who asked, the answers of the department, the group or another party, and
/// follow-up actions. The coordinator writes it as a draft and circulates it; while it is
/// 確認中 each party may suggest corrections to its own answers; then it is approved and
/// published (<see cref="MinutesWorkflow"/>). A published version never changes except for
/// follow-up tracking: a correction is the next version (<see cref="StartCorrection"/>) with
/// the reason, and the published one stays.
/// </summary>
public sealed class Minutes : IVersioned
{
    public const int CorrectionReasonMaxLength = 2000;
    public const string PublishedMessage = "公開された議事録は変更できません。訂正は新しい版として作成してください。";

    private readonly List<QaRow> _rows = [];
    private readonly List<CorrectionSuggestion> _suggestions = [];
    private readonly List<MinutesStatusChange> _history = [];

    // For EF Core materialization.
    private Minutes()
    {
        CreatedByUserId = string.Empty;
    }

    private Minutes(int meetingId, int versionNumber, string userId, DateTime nowUtc)
    {
        MeetingId = meetingId;
        VersionNumber = versionNumber;
        Status = MinutesStatus.Draft;
        CreatedByUserId = userId;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    /// <summary>1 for the first minutes of the meeting, 2, 3, … for corrections of a published one.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>The published version this one corrects; null for version 1.</summary>
    public int? CorrectionOfMinutesId { get; private set; }

    /// <summary>Why the published version is corrected; set exactly for versions after the first.</summary>
    public string? CorrectionReason { get; private set; }

    public MinutesStatus Status { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    /// <summary>The last <see cref="QaRow.Number"/> handed out (numbers are never reused).</summary>
    public int LastRowNumber { get; private set; }

    /// <summary>The last <see cref="QaAnswer.Number"/> handed out (numbers are never reused).</summary>
    public int LastAnswerNumber { get; private set; }

    /// <summary>The last <see cref="CorrectionSuggestion.Number"/> handed out.</summary>
    public int LastSuggestionNumber { get; private set; }

    public int Version { get; private set; }

    /// <summary>Every exchange, grouped by agenda item only through <see cref="QaRow.AgendaProjectId"/>; see <see cref="RowsFor"/>.</summary>
    public IReadOnlyList<QaRow> Rows => _rows;

    public IReadOnlyList<CorrectionSuggestion> Suggestions => _suggestions;

    /// <summary>Every status change of this version, oldest first.</summary>
    public IReadOnlyList<MinutesStatusChange> History => _history;

    /// <summary>The coordinator edits the rows only while this version is a draft.</summary>
    public bool IsEditable => Status == MinutesStatus.Draft;

    public bool HasPendingSuggestions => _suggestions.Any(suggestion => suggestion.IsPending);

    /// <summary>Starts version 1 of the minutes of <paramref name="meeting"/>, which must have been held.</summary>
    public static Minutes Start(ReportMeeting meeting, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        if (meeting.Status != MeetingStatus.Held)
        {
            throw new DomainRuleException("「{0}」の報告会の議事録は作成できません。開催後に作成してください。", meeting.Status);
        }

        return new Minutes(meeting.Id, versionNumber: 1, user, now);
    }

    /// <summary>The exchanges of one agenda item in order.</summary>
    public IReadOnlyList<QaRow> RowsFor(int projectId) =>
        [.. _rows.Where(row => row.AgendaProjectId == projectId).OrderBy(row => row.Order)];

    public QaRow Row(int rowNumber) =>
        _rows.FirstOrDefault(row => row.Number == rowNumber)
            ?? throw new DomainRuleException("指定された質疑応答が見つかりません。");

    public QaAnswer Answer(int answerNumber) => FindAnswer(answerNumber).Answer;

    /// <summary>The row an answer belongs to (for the web layer's check of who may suggest on it).</summary>
    public QaRow RowOfAnswer(int answerNumber) => FindAnswer(answerNumber).Row;

    public bool CanMoveTo(MinutesStatus target, MinutesActor actor) =>
        MinutesWorkflow.IsAllowed(Status, target, actor);

    /// <summary>
    /// Whether <paramref name="party"/> of <paramref name="projectId"/> may suggest a correction to
    /// the answer now (確認中, its own answer on that project's row, none pending), for the UI's buttons.
    /// </summary>
    public bool CanSuggestOn(int answerNumber, ProjectParty party, int projectId) =>
        Status == MinutesStatus.Circulated
        && _rows.FirstOrDefault(row => row.AgendaProjectId == projectId && row.Answers.Any(answer => answer.Number == answerNumber)) is { } row
        && row.Answers.Single(answer => answer.Number == answerNumber).IsBy(party)
        && !HasPendingSuggestion(answerNumber);

    /// <summary>Adds an exchange at the end of its agenda item.</summary>
    public QaRow AddRow(ReportMeeting meeting, QaRowDraft draft, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var valid = QaRow.Check(draft, EnsureMeeting(meeting));
        var row = new QaRow(++LastRowNumber, valid, RowsFor(valid.AgendaProjectId).Count + 1);
        _rows.Add(row);
        UpdatedAtUtc = now;
        return row;
    }

    /// <summary>Changes an exchange; moved to another agenda item, it goes to the end of that item.</summary>
    public void UpdateRow(ReportMeeting meeting, int rowNumber, QaRowDraft draft, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var row = Row(rowNumber);
        var valid = QaRow.Check(draft, EnsureMeeting(meeting));
        var previousProjectId = row.AgendaProjectId;
        if (valid.AgendaProjectId != previousProjectId)
        {
            row.MoveTo(RowsFor(valid.AgendaProjectId).Count + 1);
        }

        row.Apply(valid);
        Renumber(previousProjectId);
        UpdatedAtUtc = now;
    }

    /// <summary>Removes an exchange and its answers; refused while a suggestion on one of its answers is pending.</summary>
    public void RemoveRow(int rowNumber, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var row = Row(rowNumber);
        if (row.Answers.Any(answer => HasPendingSuggestion(answer.Number)))
        {
            throw new DomainRuleException("確認中の修正提案がある回答は削除できません。先に提案を反映するか不採用にしてください。");
        }

        _rows.Remove(row);
        Renumber(row.AgendaProjectId);
        UpdatedAtUtc = now;
    }

    /// <summary>Moves an exchange to <paramref name="newPosition"/> (1-based) within its agenda item.</summary>
    public void MoveRow(int rowNumber, int newPosition, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var row = Row(rowNumber);
        var siblings = RowsFor(row.AgendaProjectId).ToList();
        if (newPosition < 1 || newPosition > siblings.Count)
        {
            throw new DomainRuleException("質疑応答の位置は1から{0}の間で指定してください。", siblings.Count);
        }

        siblings.Remove(row);
        siblings.Insert(newPosition - 1, row);
        for (var index = 0; index < siblings.Count; index++)
        {
            siblings[index].MoveTo(index + 1);
        }

        UpdatedAtUtc = now;
    }

    /// <summary>Moves an exchange one place up or down within its agenda item.</summary>
    public void MoveRow(int rowNumber, MoveDirection direction, DateTime nowUtc)
    {
        var row = Row(rowNumber);
        var position = direction switch
        {
            MoveDirection.Up => row.Order - 1,
            MoveDirection.Down => row.Order + 1,
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown direction."),
        };
        MoveRow(rowNumber, position, nowUtc);
    }

    /// <summary>Adds an answer at the end of the exchange's answers.</summary>
    public QaAnswer AddAnswer(int rowNumber, QaAnswerDraft draft, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var row = Row(rowNumber);
        var answer = row.AddAnswer(++LastAnswerNumber, QaAnswer.Check(draft));
        UpdatedAtUtc = now;
        return answer;
    }

    public void UpdateAnswer(int answerNumber, QaAnswerDraft draft, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var answer = Answer(answerNumber);
        answer.Apply(QaAnswer.Check(draft));
        UpdatedAtUtc = now;
    }

    /// <summary>Removes an answer; refused while a suggestion on it is pending.</summary>
    public void RemoveAnswer(int answerNumber, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var (row, answer) = FindAnswer(answerNumber);
        if (HasPendingSuggestion(answerNumber))
        {
            throw new DomainRuleException("確認中の修正提案がある回答は削除できません。先に提案を反映するか不採用にしてください。");
        }

        row.RemoveAnswer(answer);
        UpdatedAtUtc = now;
    }

    /// <summary>Sets or replaces the exchange's follow-up action (a done date already recorded is kept).</summary>
    public void SetFollowUp(int rowNumber, FollowUpDraft draft, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        var row = Row(rowNumber);
        row.SetFollowUp(FollowUp.Check(draft));
        UpdatedAtUtc = now;
    }

    public void ClearFollowUp(int rowNumber, DateTime nowUtc)
    {
        var now = EnsureEditable(nowUtc);
        Row(rowNumber).SetFollowUp(null);
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// Records that the exchange's follow-up was done on <paramref name="doneOn"/>. Allowed in
    /// every status, published included: it is tracking, not the minutes' text.
    /// </summary>
    public void MarkFollowUpDone(int rowNumber, DateOnly doneOn, string userId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        var followUp = Row(rowNumber).FollowUp
            ?? throw new DomainRuleException("この質疑応答には対応事項がありません。");
        if (!followUp.IsOpen)
        {
            throw new DomainRuleException("この対応事項はすでに完了しています。");
        }

        if (doneOn > UtcTime.JapanDate(now))
        {
            throw new DomainRuleException("完了日に未来の日付は指定できません。");
        }

        followUp.MarkDone(doneOn, user);
        UpdatedAtUtc = now;
    }

    /// <summary>下書き → 確認中: sends the minutes to the projects' parties; there must be at least one exchange.</summary>
    public void Circulate(MinutesActor actor, string userId, DateTime nowUtc)
    {
        var transition = EnsureAllowed(MinutesStatus.Circulated, actor);
        if (_rows.Count == 0)
        {
            throw new DomainRuleException("質疑応答が入力されていません。");
        }

        Record(transition, userId, comment: null, nowUtc);
    }

    /// <summary>確認中 / 承認済み → 下書き, to edit again.</summary>
    public void ReturnToDraft(MinutesActor actor, string userId, string? comment, DateTime nowUtc) =>
        Record(EnsureAllowed(MinutesStatus.Draft, actor), userId, comment, nowUtc);

    /// <summary>確認中 → 承認済み; refused while a correction suggestion is pending.</summary>
    public void Approve(MinutesActor actor, string userId, DateTime nowUtc)
    {
        var transition = EnsureAllowed(MinutesStatus.Approved, actor);
        if (HasPendingSuggestions)
        {
            throw new DomainRuleException("確認中の修正提案があります。");
        }

        ApprovedAtUtc = Record(transition, userId, comment: null, nowUtc);
    }

    /// <summary>承認済み → 公開. Final.</summary>
    public void Publish(MinutesActor actor, string userId, DateTime nowUtc) =>
        PublishedAtUtc = Record(EnsureAllowed(MinutesStatus.Published, actor), userId, comment: null, nowUtc);

    /// <summary>
    /// While 確認中, a party of the project (団体, 担当課 or another party of the agreement) suggests
    /// new wording for one of its own answers about <paramref name="projectId"/> (the project the
    /// user is a party of; the web layer asks <see cref="Project.PartyOfGroup"/> or
    /// <see cref="Project.PartyOfDepartment"/>). Another party's answer, or a second suggestion while
    /// one is pending, is refused.
    /// </summary>
    public CorrectionSuggestion SuggestCorrection(int answerNumber, string suggestedText, ProjectParty party, int projectId, string userId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        ArgumentNullException.ThrowIfNull(party);

        EnsureNotPublished();
        if (Status != MinutesStatus.Circulated)
        {
            throw new DomainRuleException("「{0}」の議事録には修正を提案できません。", Status);
        }

        var (row, answer) = FindAnswer(answerNumber);
        if (!answer.IsBy(party) || row.AgendaProjectId != projectId)
        {
            throw new DomainRuleException("修正を提案できるのは自分の回答だけです。この回答は{0}（{1}）の回答です。", answer.Party, answer.PartyName);
        }

        var text = QaAnswer.CheckText(suggestedText, nameof(suggestedText));
        if (string.Equals(text, answer.Text, StringComparison.Ordinal))
        {
            throw new DomainRuleException("修正案が現在の回答と同じです。");
        }

        if (HasPendingSuggestion(answerNumber))
        {
            throw new DomainRuleException("この回答にはすでに確認中の修正提案があります。");
        }

        var suggestion = new CorrectionSuggestion(++LastSuggestionNumber, answerNumber, answer.Text, text, answer.Party, user, now);
        _suggestions.Add(suggestion);
        UpdatedAtUtc = now;
        return suggestion;
    }

    /// <summary>The coordinator takes a pending suggestion: the answer gets the suggested text.</summary>
    public void AcceptSuggestion(int suggestionNumber, string userId, DateTime nowUtc)
    {
        var (suggestion, user, now) = EnsureDecidable(suggestionNumber, userId, nowUtc);
        var answer = Answer(suggestion.AnswerNumber);
        answer.ReplaceText(suggestion.SuggestedText);
        suggestion.Decide(SuggestionStatus.Accepted, user, comment: null, now);
        UpdatedAtUtc = now;
    }

    /// <summary>The coordinator declines a pending suggestion, optionally saying why.</summary>
    public void RejectSuggestion(int suggestionNumber, string? comment, string userId, DateTime nowUtc)
    {
        var (suggestion, user, now) = EnsureDecidable(suggestionNumber, userId, nowUtc);
        var text = Text.Optional(comment, CorrectionSuggestion.CommentMaxLength, nameof(comment));
        suggestion.Decide(SuggestionStatus.Rejected, user, text, now);
        UpdatedAtUtc = now;
    }

    /// <summary>
    /// Starts the next version of these published minutes to correct them: a draft with the same
    /// exchanges (numbers kept), follow-ups and the reason. This version stays published.
    /// </summary>
    public Minutes StartCorrection(string reason, string userId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        if (Status != MinutesStatus.Published)
        {
            throw new DomainRuleException("「{0}」の議事録は訂正版を作成せずに編集してください。訂正版は公開された議事録にだけ作成できます。", Status);
        }

        var correction = new Minutes(MeetingId, VersionNumber + 1, user, now)
        {
            CorrectionOfMinutesId = Id,
            CorrectionReason = Text.Optional(reason, CorrectionReasonMaxLength, nameof(reason))
                ?? throw new DomainRuleException("訂正の理由を入力してください。"),
            LastRowNumber = LastRowNumber,
            LastAnswerNumber = LastAnswerNumber,
        };
        correction._rows.AddRange(_rows.OrderBy(row => row.AgendaProjectId).ThenBy(row => row.Order).Select(row => row.Copy()));
        return correction;
    }

    private bool HasPendingSuggestion(int answerNumber) =>
        _suggestions.Any(suggestion => suggestion.IsPending && suggestion.AnswerNumber == answerNumber);

    private (QaRow Row, QaAnswer Answer) FindAnswer(int answerNumber)
    {
        foreach (var row in _rows)
        {
            var answer = row.Answers.FirstOrDefault(candidate => candidate.Number == answerNumber);
            if (answer is not null)
            {
                return (row, answer);
            }
        }

        throw new DomainRuleException("指定された回答が見つかりません。");
    }

    private void Renumber(int projectId)
    {
        var siblings = RowsFor(projectId);
        for (var index = 0; index < siblings.Count; index++)
        {
            siblings[index].MoveTo(index + 1);
        }
    }

    private ReportMeeting EnsureMeeting(ReportMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.Id == MeetingId
            ? meeting
            : throw new ArgumentException("The minutes belong to another meeting.", nameof(meeting));
    }

    private DateTime EnsureEditable(DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        EnsureNotPublished();
        return IsEditable
            ? now
            : throw new DomainRuleException("「{0}」の議事録は編集できません。下書きに戻してから編集してください。", Status);
    }

    private void EnsureNotPublished()
    {
        if (Status == MinutesStatus.Published)
        {
            throw new DomainRuleException(PublishedMessage);
        }
    }

    private (CorrectionSuggestion Suggestion, string User, DateTime Now) EnsureDecidable(int suggestionNumber, string userId, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        EnsureNotPublished();
        var suggestion = _suggestions.FirstOrDefault(candidate => candidate.Number == suggestionNumber)
            ?? throw new DomainRuleException("指定された修正提案が見つかりません。");
        if (!suggestion.IsPending)
        {
            throw new DomainRuleException("「{0}」の修正提案は変更できません。", suggestion.Status);
        }

        if (Status is not (MinutesStatus.Circulated or MinutesStatus.Draft))
        {
            throw new DomainRuleException("「{0}」の議事録の修正提案は処理できません。", Status);
        }

        return (suggestion, user, now);
    }

    private MinutesTransition EnsureAllowed(MinutesStatus target, MinutesActor actor)
    {
        if (!Enum.IsDefined(actor))
        {
            throw new ArgumentOutOfRangeException(nameof(actor), actor, "Unknown actor.");
        }

        EnsureNotPublished();
        return MinutesWorkflow.Find(Status, target, actor)
            ?? throw new DomainRuleException(MinutesWorkflow.NotAllowedMessage(Status, target, actor));
    }

    private DateTime Record(MinutesTransition transition, string userId, string? comment, DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        var user = Text.Required(userId, Proposal.UserIdMaxLength, nameof(userId));
        var text = Text.Optional(comment, MinutesStatusChange.CommentMaxLength, nameof(comment));
        _history.Add(new MinutesStatusChange(transition.From, transition.To, transition.Actor, user, now, text));
        Status = transition.To;
        UpdatedAtUtc = now;
        return now;
    }
}
