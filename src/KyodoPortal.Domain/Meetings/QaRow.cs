using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Meetings;

/// <summary>
/// One Q&amp;A exchange under an agenda item: the question (Ｑ), who asked it, the answers (Ａ) in
/// order, and an optional follow-up action. A question may stand without an answer (a committee
/// member's closing remark, as in seed 000).
/// </summary>
public sealed class QaRow
{
    public const int QuestionMaxLength = 2000;
    public const int AskerNameMaxLength = 100;

    private readonly List<QaAnswer> _answers = [];

    // For EF Core materialization.
    private QaRow()
    {
        Question = string.Empty;
    }

    internal QaRow(int number, QaRowDraft checkedDraft, int order)
    {
        Number = number;
        AgendaProjectId = checkedDraft.AgendaProjectId;
        Question = checkedDraft.Question;
        AskerKind = checkedDraft.AskerKind;
        AskerUserId = checkedDraft.AskerUserId;
        AskerName = checkedDraft.AskerName;
        Order = order;
    }

    public int Id { get; private set; }

    /// <summary>Unique within the minutes and kept by corrections; what routes refer to.</summary>
    public int Number { get; private set; }

    /// <summary>The project of the agenda item this exchange belongs to.</summary>
    public int AgendaProjectId { get; private set; }

    /// <summary>1, 2, … within its agenda item.</summary>
    public int Order { get; private set; }

    public string Question { get; private set; }

    public AskerKind AskerKind { get; private set; }

    /// <summary>Set exactly when <see cref="AskerKind"/> is <see cref="AskerKind.CommitteeMember"/>.</summary>
    public string? AskerUserId { get; private set; }

    /// <summary>The member's display name at the time (snapshot), the other person's name, or optional for the floor.</summary>
    public string? AskerName { get; private set; }

    public IReadOnlyList<QaAnswer> Answers => _answers;

    /// <summary>Null when the exchange calls for nothing further.</summary>
    public FollowUp? FollowUp { get; private set; }

    public QaRowDraft ToDraft() => new(AgendaProjectId, Question, AskerKind, AskerUserId, AskerName);

    internal static QaRowDraft Check(QaRowDraft draft, ReportMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Enum.IsDefined(draft.AskerKind))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.AskerKind, "Unknown asker kind.");
        }

        if (!meeting.HasOnAgenda(draft.AgendaProjectId))
        {
            throw new DomainRuleException("報告会の議題にない協働事業には質疑応答を追加できません。");
        }

        var question = Text.Optional(draft.Question, QuestionMaxLength, nameof(draft.Question))
            ?? throw new DomainRuleException("質問を入力してください。");
        var userId = Text.Optional(draft.AskerUserId, Proposal.UserIdMaxLength, nameof(draft.AskerUserId));
        var name = Text.Optional(draft.AskerName, AskerNameMaxLength, nameof(draft.AskerName));
        switch (draft.AskerKind)
        {
            case AskerKind.CommitteeMember:
                if (userId is null || name is null)
                {
                    throw new DomainRuleException("質問した委員を選択してください。");
                }

                if (!meeting.IsAttendee(userId))
                {
                    throw new DomainRuleException("{0}委員は報告会の出席委員ではありません。", name);
                }

                break;
            case AskerKind.Other:
                if (name is null)
                {
                    throw new DomainRuleException("質問者の名前を入力してください。");
                }

                goto default;
            default:
                if (userId is not null)
                {
                    throw new ArgumentException("Only a committee member asker has a user id.", nameof(draft));
                }

                break;
        }

        return new QaRowDraft(draft.AgendaProjectId, question, draft.AskerKind, userId, name);
    }

    internal void Apply(QaRowDraft checkedDraft)
    {
        AgendaProjectId = checkedDraft.AgendaProjectId;
        Question = checkedDraft.Question;
        AskerKind = checkedDraft.AskerKind;
        AskerUserId = checkedDraft.AskerUserId;
        AskerName = checkedDraft.AskerName;
    }

    internal void MoveTo(int order) => Order = order;

    internal QaAnswer AddAnswer(int number, QaAnswerDraft checkedDraft)
    {
        var answer = new QaAnswer(number, checkedDraft, _answers.Count + 1);
        _answers.Add(answer);
        return answer;
    }

    internal void RemoveAnswer(QaAnswer answer)
    {
        _answers.Remove(answer);
        for (var index = 0; index < _answers.Count; index++)
        {
            _answers[index].MoveTo(index + 1);
        }
    }

    internal void SetFollowUp(FollowUpDraft? checkedDraft) =>
        FollowUp = checkedDraft is null ? null : new FollowUp(checkedDraft, FollowUp?.DoneOn, FollowUp?.DoneByUserId);

    internal QaRow Copy()
    {
        var copy = new QaRow(Number, ToDraft(), Order) { FollowUp = FollowUp?.Copy() };
        copy._answers.AddRange(_answers.OrderBy(answer => answer.Order).Select(answer => answer.Copy()));
        return copy;
    }
}

/// <summary>
/// What the coordinator enters for one exchange. <see cref="AskerUserId"/> and
/// <see cref="AskerName"/> (the display name) name a committee member; an other asker needs a
/// name; the floor may be named or not.
/// </summary>
public sealed record QaRowDraft(int AgendaProjectId, string Question, AskerKind AskerKind, string? AskerUserId = null, string? AskerName = null);
