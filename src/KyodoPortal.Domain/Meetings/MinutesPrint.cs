using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Meetings;

/// <summary>
/// The minutes as the city prints them (seed 000): a title, the meeting's header (会議名, 報告対象年度,
/// 日時, 会場, 出席者), then per agenda item in order the project's title, its parties in brackets,
/// and the exchanges as 「Ｑ …」 (with who asked) and 「Ａ （商工課）…」 lines. The print view, the
/// Word-friendly HTML and the public page render this; follow-ups are not printed.
/// </summary>
public static class MinutesPrint
{
    public const string QuestionMark = "Ｑ";
    public const string AnswerMark = "Ａ";

    /// <summary>Heading for exchanges whose project was taken off the agenda after they were written.</summary>
    public const string OffAgendaHeading = "（議題から外れた協働事業）";

    /// <summary>The office's document without the members' names (the sections are the same for every reader).</summary>
    public static MinutesDocument Compose(ReportMeeting meeting, Minutes minutes) =>
        Compose(meeting, minutes, new Dictionary<string, string>(), MinutesAudience.Office);

    /// <summary>
    /// The document for <paramref name="audience"/>, naming the members present by
    /// <paramref name="memberNames"/> (display names by user id). The public reads committee
    /// members' names only when the meeting was public (公開), and never the name of a person from
    /// the floor or anyone else: they are private persons.
    /// </summary>
    public static MinutesDocument Compose(ReportMeeting meeting, Minutes minutes, IReadOnlyDictionary<string, string> memberNames, MinutesAudience audience)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(memberNames);
        if (minutes.MeetingId != meeting.Id)
        {
            throw new ArgumentException("The minutes belong to another meeting.", nameof(minutes));
        }

        var namesMembers = audience == MinutesAudience.Office || meeting.IsPublic;
        var sections = meeting.Agenda
            .OrderBy(item => item.Order)
            .Select(item => new MinutesSection(item.ProjectId, Heading(item), item.PartiesText is null ? null : $"（{item.PartiesText}）", Lines(minutes.RowsFor(item.ProjectId), audience, namesMembers)))
            .ToList();
        sections.AddRange(minutes.Rows
            .Select(row => row.AgendaProjectId)
            .Distinct()
            .Where(projectId => !meeting.HasOnAgenda(projectId))
            .Order()
            .Select(projectId => new MinutesSection(projectId, OffAgendaHeading, null, Lines(minutes.RowsFor(projectId), audience, namesMembers))));

        var attendees = meeting.Attendees
            .OrderBy(attendee => attendee.Order)
            .Select(attendee => new MinutesAttendee(
                namesMembers ? memberNames.GetValueOrDefault(attendee.UserId) ?? (audience == MinutesAudience.Office ? attendee.UserId : null) : null,
                AskerKind.CommitteeMember.DisplayName()))
            .ToList();
        var header = new MinutesHeader(meeting.Name, new FiscalYear(meeting.ReportedFiscalYear), meeting.HeldOn, meeting.StartsAt, meeting.EndsAt, meeting.Venue, attendees);
        return new MinutesDocument($"{meeting.Name} 質疑応答", header, minutes.VersionNumber, minutes.CorrectionReason, sections);
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

    private static List<MinutesLine> Lines(IEnumerable<QaRow> rows, MinutesAudience audience, bool namesMembers)
    {
        var lines = new List<MinutesLine>();
        foreach (var row in rows)
        {
            lines.Add(new MinutesLine(MinutesLineKind.Question, row.Number, QuestionLine(row), Asker(row, audience, namesMembers)));
            lines.AddRange(row.Answers.OrderBy(answer => answer.Order).Select(answer => new MinutesLine(MinutesLineKind.Answer, row.Number, AnswerLine(answer), Asker: null)));
        }

        return lines;
    }

    private static string Asker(QaRow row, MinutesAudience audience, bool namesMembers) => row.AskerKind switch
    {
        AskerKind.CommitteeMember => namesMembers ? $"{row.AskerName}{AskerKind.CommitteeMember.DisplayName()}" : AskerKind.CommitteeMember.DisplayName(),
        AskerKind.Floor => row.AskerName is null || audience == MinutesAudience.Public ? AskerKind.Floor.DisplayName() : $"{AskerKind.Floor.DisplayName()}（{row.AskerName}）",
        _ => audience == MinutesAudience.Public ? AskerKind.Other.DisplayName() : row.AskerName ?? AskerKind.Other.DisplayName(),
    };
}

/// <summary>Who reads a minutes document: the office (print, .doc, .xlsx) or the public site.</summary>
public enum MinutesAudience
{
    Office,
    Public,
}

/// <summary>
/// The block a city's 議事録 opens with: 会議名, 報告対象年度, 日時 (date, start–end), 会場 and
/// 出席者. An attendee without a name is one the reader may not know by name (counted only).
/// </summary>
public sealed record MinutesHeader(string MeetingName, FiscalYear ReportedFiscalYear, DateOnly HeldOn, TimeOnly? StartsAt, TimeOnly? EndsAt, string? Venue, IReadOnlyList<MinutesAttendee> Attendees);

/// <summary>A person present with their role at the meeting (the model records the committee members present: 委員).</summary>
public sealed record MinutesAttendee(string? Name, string Role);

/// <summary>The printable minutes of one version.</summary>
public sealed record MinutesDocument(string Title, MinutesHeader Header, int VersionNumber, string? CorrectionReason, IReadOnlyList<MinutesSection> Sections)
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
