using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using QaMinutes = KyodoPortal.Domain.Meetings.Minutes;
using KyodoPortal.Web.Infrastructure.People;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>One agenda item as the minutes page shows it: the project and its exchanges in order.</summary>
public sealed record MinutesSectionView(int ProjectId, string Title, string? PartiesText, IReadOnlyList<QaRow> Rows, IReadOnlyList<PartyChoice> Parties);

/// <summary>The forms of the minutes page, kept with the person's input when a post is refused.</summary>
public sealed record MinutesForms(RowInput NewRow, MinutesCorrectionInput Correction, int? SuggestAnswerNumber = null, SuggestionInput? Suggestion = null);

public sealed record MinutesPageViewModel(
    MinutesContext Context,
    QaMinutes? Minutes,
    IReadOnlyList<MinutesSectionView> Sections,
    IReadOnlyList<PersonName> Attendees,
    IReadOnlyDictionary<string, string> People,
    DateOnly Today,
    MinutesForms Forms)
{
    public ReportMeeting Meeting => Context.Meeting;

    public bool IsOffice => Context.IsOffice;

    public string Url => $"/meetings/{Meeting.Id}/minutes";

    public bool CanEdit => IsOffice && Minutes?.IsEditable == true;

    public string Person(string? userId) => userId is null ? "—" : People.TryGetValue(userId, out var name) ? name : userId;

    /// <summary>Every follow-up of the rows shown, open first.</summary>
    public IEnumerable<(MinutesSectionView Section, QaRow Row, FollowUp FollowUp)> FollowUps =>
        Sections.SelectMany(s => s.Rows.Where(r => r.FollowUp is not null).Select(r => (s, r, r.FollowUp!)))
            .OrderBy(f => f.Item3.IsOpen ? 0 : 1).ThenBy(f => f.Item3.DueOn ?? DateOnly.MaxValue);
}

public sealed record RowPageViewModel(
    ReportMeeting Meeting,
    QaMinutes Minutes,
    QaRow Row,
    IReadOnlyList<PersonName> Attendees,
    IReadOnlyList<PartyChoice> Parties,
    RowInput RowInput,
    AnswerInput NewAnswer,
    FollowUpInput FollowUp,
    int? EditedAnswerNumber = null,
    AnswerInput? EditedAnswer = null)
{
    public string MinutesUrl => $"/meetings/{Meeting.Id}/minutes";

    public string Url => $"{MinutesUrl}/rows/{Row.Number}";
}

/// <summary>Builds what the minutes pages show from a loaded <see cref="MinutesContext"/>: two queries (members present, names in the history).</summary>
public static class MinutesQueries
{
    /// <summary>
    /// Who an answer can be attributed to on a project: 担当課 (by name), 団体 (printed as 団体, as
    /// in the city's minutes) and every other party of the agreement by its name there — the name
    /// by which that party's answers are its own (<see cref="QaAnswer.IsBy"/>).
    /// </summary>
    public static List<PartyChoice> PartiesOf(Project project, ProjectNames names)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(names);
        var choices = new List<PartyChoice>();
        if (names.DepartmentName is { } department)
        {
            choices.Add(new PartyChoice(AnswerParty.Department, department));
        }

        choices.Add(new PartyChoice(AnswerParty.Group, "団体"));
        foreach (var party in project.Agreement?.Parties.OrderBy(p => p.SortOrder) ?? Enumerable.Empty<AgreementParty>())
        {
            var choice = project.PartyOf(party).Kind switch
            {
                ProjectPartyKind.Department => new PartyChoice(AnswerParty.Department, party.Name),
                ProjectPartyKind.Group => null,
                _ => new PartyChoice(AnswerParty.OtherParty, party.Name),
            };
            if (choice is not null && !choices.Contains(choice))
            {
                choices.Add(choice);
            }
        }

        return choices;
    }

    public static async Task<Dictionary<int, List<PartyChoice>>> PartiesAsync(KyodoDbContext db, MinutesContext context, CancellationToken cancellationToken)
    {
        var departmentIds = context.Projects.Values.Select(p => p.DepartmentPartyId).OfType<int>().Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return context.Projects.Values.ToDictionary(
            p => p.Id,
            p => PartiesOf(p, new ProjectNames(null, p.DepartmentPartyId is { } id && departments.TryGetValue(id, out var name) ? name : null)));
    }

    public static async Task<MinutesPageViewModel> PageAsync(KyodoDbContext db, MinutesContext context, DateOnly today, MinutesForms? forms, CancellationToken cancellationToken)
    {
        var minutes = context.Current;
        var parties = await PartiesAsync(db, context, cancellationToken);
        var sections = new List<MinutesSectionView>();
        foreach (var item in context.Meeting.Agenda.OrderBy(a => a.Order).Where(a => context.MayRead(a.ProjectId)))
        {
            sections.Add(new MinutesSectionView(item.ProjectId, item.ProjectTitle, item.PartiesText, minutes?.RowsFor(item.ProjectId) ?? [], parties.GetValueOrDefault(item.ProjectId) ?? []));
        }

        foreach (var projectId in minutes?.Rows.Select(r => r.AgendaProjectId).Distinct().Where(p => !context.Meeting.HasOnAgenda(p) && context.MayRead(p)) ?? [])
        {
            sections.Add(new MinutesSectionView(projectId, MinutesPrint.OffAgendaHeading, context.Projects.GetValueOrDefault(projectId)?.Title, minutes!.RowsFor(projectId), []));
        }

        var userIds = context.Meeting.Attendees.Select(a => a.UserId)
            .Concat(minutes?.History.Select(h => h.ByUserId) ?? [])
            .Concat(minutes?.Suggestions.SelectMany(s => new[] { s.ByUserId, s.DecidedByUserId }).OfType<string>() ?? [])
            .Concat(minutes?.Rows.Select(r => r.FollowUp?.DoneByUserId).OfType<string>() ?? [])
            .Distinct(StringComparer.Ordinal).ToList();
        var people = (await PeopleDirectory.NamesAsync(db, userIds, cancellationToken)).ToDisplayNames();
        return new MinutesPageViewModel(
            context,
            minutes,
            sections,
            AttendeesOf(context.Meeting, people),
            people,
            today,
            forms ?? new MinutesForms(new RowInput { AgendaProjectId = sections.FirstOrDefault()?.ProjectId }, new MinutesCorrectionInput()));
    }

    /// <summary>The display names of the members present, by user id (one query): a committee member who asked is one of them.</summary>
    public static async Task<Dictionary<string, string>> MemberNamesAsync(KyodoDbContext db, ReportMeeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return (await PeopleDirectory.NamesAsync(db, meeting.Attendees.Select(a => a.UserId), cancellationToken)).ToDisplayNames();
    }

    public static List<PersonName> AttendeesOf(ReportMeeting meeting, IReadOnlyDictionary<string, string> people) =>
        [.. meeting.Attendees.OrderBy(a => a.Order).Select(a => new PersonName(a.UserId, people.TryGetValue(a.UserId, out var name) ? name : a.UserId, null))];
}

/// <summary>The fields of an exchange (agenda item, asker, question), for the add form and the row page.</summary>
public sealed record RowFieldsModel(RowInput Input, IReadOnlyList<(int ProjectId, string Title)> Projects, IReadOnlyList<PersonName> Attendees);

/// <summary>The fields of an answer, prefixed (Answer / Edit) and with ids unique on the page.</summary>
public sealed record AnswerFieldsModel(string Prefix, string IdPrefix, AnswerInput Input, IReadOnlyList<PartyChoice> Parties, bool ShowErrors);
