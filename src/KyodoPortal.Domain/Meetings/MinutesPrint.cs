using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Meetings;

/// <summary>
/// The minutes as the city prints them (seed 000): a title, then per agenda item in order the
/// project's title, its parties in brackets, and the exchanges as 「Ｑ …」 and 「Ａ （商工課）…」
/// lines. The print view and the Word-friendly HTML render this; follow-ups are not printed.
/// </summary>
public static class MinutesPrint
{
    public const string QuestionMark = "Ｑ";
    public const string AnswerMark = "Ａ";

    /// <summary>Heading for exchanges whose project was taken off the agenda after they were written.</summary>
    public const string OffAgendaHeading = "（議題から外れた協働事業）";

    public static MinutesDocument Compose(ReportMeeting meeting, Minutes minutes)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.MeetingId != meeting.Id)
        {
            throw new ArgumentException("The minutes belong to another meeting.", nameof(minutes));
        }

        var sections = meeting.Agenda
            .OrderBy(item => item.Order)
            .Select(item => new MinutesSection(item.ProjectId, Heading(item), item.PartiesText is null ? null : $"（{item.PartiesText}）", Lines(minutes.RowsFor(item.ProjectId))))
            .ToList();
        sections.AddRange(minutes.Rows
            .Select(row => row.AgendaProjectId)
            .Distinct()
            .Where(projectId => !meeting.HasOnAgenda(projectId))
            .Order()
            .Select(projectId => new MinutesSection(projectId, OffAgendaHeading, null, Lines(minutes.RowsFor(projectId)))));

        return new MinutesDocument($"{meeting.Name} 質疑応答", minutes.VersionNumber, minutes.CorrectionReason, sections);
    }

    /// <summary>「Ｑ 女性とは即ち主婦なのか。」</summary>
    public static string QuestionLine(QaRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $"{QuestionMark} {row.Question}";
    }

    /// <summary>「Ａ （商工課）特に主婦に限定していない。…」; a speaker role follows the party name: （商工課課長）.</summary>
    public static string AnswerLine(QaAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return $"{AnswerMark} （{answer.PartyName}{answer.SpeakerRole}）{answer.Text}";
    }

    private static string Heading(AgendaItem item) =>
        item.ProjectKindLabel is null ? $"「{item.ProjectTitle}」" : $"「{item.ProjectTitle}」（{item.ProjectKindLabel}）";

    private static List<MinutesLine> Lines(IEnumerable<QaRow> rows)
    {
        var lines = new List<MinutesLine>();
        foreach (var row in rows)
        {
            lines.Add(new MinutesLine(MinutesLineKind.Question, row.Number, QuestionLine(row), Asker(row)));
            lines.AddRange(row.Answers.OrderBy(answer => answer.Order).Select(answer => new MinutesLine(MinutesLineKind.Answer, row.Number, AnswerLine(answer), Asker: null)));
        }

        return lines;
    }

    private static string Asker(QaRow row) => row.AskerKind switch
    {
        AskerKind.CommitteeMember => $"{row.AskerName}委員",
        AskerKind.Floor => row.AskerName is null ? AskerKind.Floor.DisplayName() : $"{AskerKind.Floor.DisplayName()}（{row.AskerName}）",
        _ => row.AskerName ?? AskerKind.Other.DisplayName(),
    };
}

/// <summary>The printable minutes of one version.</summary>
public sealed record MinutesDocument(string Title, int VersionNumber, string? CorrectionReason, IReadOnlyList<MinutesSection> Sections)
{
    /// <summary>The whole document as text: the title, then each section's heading, parties and lines, separated by blank lines.</summary>
    public string ToPlainText()
    {
        var blocks = new List<string> { Title };
        blocks.AddRange(Sections.Select(section => section.ToPlainText()));
        return string.Join("\n\n", blocks);
    }
}

/// <summary>One agenda item: 「title」（kind）, （parties）, and the Ｑ/Ａ lines in order.</summary>
public sealed record MinutesSection(int ProjectId, string Heading, string? PartiesLine, IReadOnlyList<MinutesLine> Lines)
{
    public string ToPlainText()
    {
        var lines = new List<string> { Heading };
        if (PartiesLine is not null)
        {
            lines.Add(PartiesLine);
        }

        lines.AddRange(Lines.Select(line => line.Text));
        return string.Join("\n", lines);
    }
}

/// <summary>
/// One printed line (its text may hold line breaks). <see cref="Asker"/> names who asked a
/// question (e.g. 山田委員, 会場) for views that show it; the seed's print does not.
/// </summary>
public sealed record MinutesLine(MinutesLineKind Kind, int RowNumber, string Text, string? Asker);

public enum MinutesLineKind
{
    Question,
    Answer,
}
