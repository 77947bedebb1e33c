using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using KyodoPortal.Web.Infrastructure.People;

namespace KyodoPortal.Web.Features.ReportMeetings;

/// <summary>One line of the meetings list.</summary>
public sealed record MeetingListRow(int Id, string Name, DateOnly HeldOn, TimeOnly? StartsAt, string? Venue, int ReportedFiscalYear, bool IsPublic, MeetingStatus Status, int AgendaCount, MinutesStatus? MinutesStatus, int? MinutesVersion);

/// <summary>The meetings list: its rows and the search and order that produced them.</summary>
public sealed record MeetingListViewModel(PageOf<MeetingListRow> Page, ListQuery Query);

/// <summary>A project that may be put on an agenda (実施中).</summary>
public sealed record AgendaCandidate(int Id, string Title);

/// <param name="Years">The 報告対象年度 offered, newest first: see <see cref="ReportMeetingQueries.ReportableYearsAsync"/>.</param>
public sealed record MeetingFormViewModel(int? MeetingId, MeetingInput Input, IReadOnlyList<PersonName> Committee, IReadOnlyList<int> Years)
{
    public bool IsNew => MeetingId is null;

    public string Action => IsNew ? "/meetings/new" : $"/meetings/{MeetingId}/edit";
}

public sealed record MeetingPageViewModel(
    ReportMeeting Meeting,
    IReadOnlyList<PersonName> Attendees,
    IReadOnlyList<AgendaCandidate> Candidates,
    MinutesStatus? MinutesStatus,
    AgendaAddInput AgendaInput);

/// <summary>Display data of the 報告会 pages; a fixed number of queries each.</summary>
public static class ReportMeetingQueries
{
    /// <summary>How many past years the form offers when no project is older (a new portal).</summary>
    public const int RecentYears = 3;

    /// <summary>
    /// The years a meeting may report on, newest first: from the first year of the oldest project
    /// (a city bringing its past projects reports on them too, e.g. a 2018 meeting on 平成29年度)
    /// or the last <see cref="RecentYears"/> years, whichever is earlier, up to the current year.
    /// </summary>
    public static async Task<List<int>> ReportableYearsAsync(KyodoDbContext db, int currentFiscalYear, CancellationToken cancellationToken)
    {
        var oldest = await db.Projects.AsNoTracking().MinAsync(p => (int?)p.StartFiscalYear, cancellationToken);
        var first = Math.Min(oldest ?? currentFiscalYear, currentFiscalYear - RecentYears);
        return [.. Enumerable.Range(first, currentFiscalYear - first + 1).Reverse()];
    }

    /// <summary>報告会の名称, 開催日 (the default, latest first), 報告対象年度, 状態 (予定 before 開催済み).</summary>
    public static readonly SortColumns<ReportMeeting> Columns = new SortColumns<ReportMeeting>("date", defaultDescending: true, m => m.Id)
        .Column("name", m => m.Name)
        .Column("date", m => m.HeldOn).ThenBy(m => m.StartsAt)
        .Column("year", m => m.ReportedFiscalYear).ThenBy(m => m.HeldOn)
        .Column("status", m => m.Status == MeetingStatus.Scheduled ? 0 : 1).ThenBy(m => m.HeldOn);

    /// <summary>
    /// Meetings searched by name and venue, sorted as asked, paged: the count and the page (the latest
    /// minutes' status and version are correlated in the same statement).
    /// </summary>
    public static async Task<MeetingListViewModel> ListAsync(KyodoDbContext db, ListRequest request, int page, CancellationToken cancellationToken)
    {
        var query = Columns.Query(request);
        var list = db.ReportMeetings.AsNoTracking();
        if (query.Q is { } term)
        {
            list = list.Where(m => m.Name.Contains(term) || (m.Venue != null && m.Venue.Contains(term)));
        }

        var meetings = await Columns.Apply(list, query.Sort)
            .Select(m => new MeetingListRow(
                m.Id, m.Name, m.HeldOn, m.StartsAt, m.Venue, m.ReportedFiscalYear, m.IsPublic, m.Status, m.Agenda.Count,
                db.Minutes.Where(x => x.MeetingId == m.Id).OrderByDescending(x => x.VersionNumber).Select(x => (MinutesStatus?)x.Status).FirstOrDefault(),
                db.Minutes.Where(x => x.MeetingId == m.Id).OrderByDescending(x => x.VersionNumber).Select(x => (int?)x.VersionNumber).FirstOrDefault()))
            .ToPageAsync(page, cancellationToken);
        return new MeetingListViewModel(meetings, query);
    }

    public static Task<ReportMeeting?> LoadAsync(KyodoDbContext db, int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.ReportMeetings.AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>Projects being carried out, for the agenda's choice.</summary>
    public static Task<List<AgendaCandidate>> CandidatesAsync(KyodoDbContext db, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking()
            .Where(p => p.Status == ProjectStatus.InProgress)
            .OrderBy(p => p.Title)
            .Select(p => new AgendaCandidate(p.Id, p.Title))
            .ToListAsync(cancellationToken);

    /// <summary>The minutes' latest version's status, or null before minutes are started.</summary>
    public static Task<MinutesStatus?> MinutesStatusAsync(KyodoDbContext db, int meetingId, CancellationToken cancellationToken) =>
        db.Minutes.AsNoTracking()
            .Where(m => m.MeetingId == meetingId)
            .OrderByDescending(m => m.VersionNumber)
            .Select(m => (MinutesStatus?)m.Status)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// What the agenda item snapshots of a project: its title and its parties as printed
    /// (団体／担当課, e.g. かまくら主婦’ｓネットワーク／商工課) — the agreement's parties once signed.
    /// </summary>
    public static async Task<AgendaItemDraft?> AgendaDraftAsync(KyodoDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(p => p.Id == projectId && p.Status == ProjectStatus.InProgress, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var parties = project.Agreement?.Parties.OrderBy(p => p.Kind == AgreementPartyKind.Department ? 1 : 0).ThenBy(p => p.SortOrder).Select(p => p.Name).ToList() ?? [];
        if (parties.Count == 0)
        {
            var names = await Projects.ProjectQueries.NamesAsync(db, project, cancellationToken);
            parties = [.. new[] { names.GroupName, names.DepartmentName }.OfType<string>()];
        }

        var text = string.Join("／", parties);
        return new AgendaItemDraft(project.Id, project.Title, text.Length == 0 ? null : text[..Math.Min(text.Length, AgendaItem.PartiesTextMaxLength)]);
    }
}
