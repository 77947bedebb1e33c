using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;

namespace KyodoPortal.Domain.Meetings;

/// <summary>One answer to a question, e.g. Ａ （商工課）特に主婦に限定していない。…</summary>
public sealed class QaAnswer
{
    public const int PartyNameMaxLength = 100;
    public const int SpeakerRoleMaxLength = 50;
    public const int TextMaxLength = 4000;

    // For EF Core materialization.
    private QaAnswer()
    {
        PartyName = string.Empty;
        Text = string.Empty;
    }

    internal QaAnswer(int number, QaAnswerDraft draft, int order)
    {
        Number = number;
        Party = draft.Party;
        PartyName = draft.PartyName;
        SpeakerRole = draft.SpeakerRole;
        Text = draft.Text;
        Order = order;
    }

    public int Id { get; private set; }

    /// <summary>Unique within the minutes and kept by corrections; what routes and suggestions refer to.</summary>
    public int Number { get; private set; }

    public AnswerParty Party { get; private set; }

    /// <summary>As printed in brackets, e.g. 商工課 or 団体.</summary>
    public string PartyName { get; private set; }

    /// <summary>e.g. 課長, 代表; optional.</summary>
    public string? SpeakerRole { get; private set; }

    public string Text { get; private set; }

    /// <summary>1, 2, … within its row.</summary>
    public int Order { get; private set; }

    /// <summary>
    /// Whether <paramref name="party"/> gave this answer, so may correct it: 団体 and 担当課 by the
    /// side it is recorded for, another party of the agreement by the name it is recorded under
    /// (its name in the agreement, as the answer form offers it).
    /// </summary>
    public bool IsBy(ProjectParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return party.Kind switch
        {
            ProjectPartyKind.Group => Party == AnswerParty.Group,
            ProjectPartyKind.Department => Party == AnswerParty.Department,
            _ => Party == AnswerParty.OtherParty && string.Equals(PartyName, party.AgreementName, StringComparison.Ordinal),
        };
    }

    public QaAnswerDraft ToDraft() => new(Party, PartyName, SpeakerRole, Text);

    internal static QaAnswerDraft Check(QaAnswerDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Enum.IsDefined(draft.Party))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Party, "Unknown answer party.");
        }

        return new QaAnswerDraft(
            draft.Party,
            Common.Text.Optional(draft.PartyName, PartyNameMaxLength, nameof(draft.PartyName))
                ?? throw new DomainRuleException("回答者（担当課名・団体名など）を入力してください。"),
            Common.Text.Optional(draft.SpeakerRole, SpeakerRoleMaxLength, nameof(draft.SpeakerRole)),
            CheckText(draft.Text, nameof(draft.Text)));
    }

    internal static string CheckText(string? text, string paramName) =>
        Common.Text.Optional(text, TextMaxLength, paramName)
            ?? throw new DomainRuleException("回答を入力してください。");

    internal void Apply(QaAnswerDraft checkedDraft)
    {
        Party = checkedDraft.Party;
        PartyName = checkedDraft.PartyName;
        SpeakerRole = checkedDraft.SpeakerRole;
        Text = checkedDraft.Text;
    }

    internal void ReplaceText(string checkedText) => Text = checkedText;

    internal void MoveTo(int order) => Order = order;

    internal QaAnswer Copy() => new(Number, ToDraft(), Order);
}

/// <summary>What the coordinator enters for one answer.</summary>
public sealed record QaAnswerDraft(AnswerParty Party, string PartyName, string? SpeakerRole, string Text);
