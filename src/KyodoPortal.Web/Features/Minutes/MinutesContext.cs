using System.Security.Claims;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.ReportMeetings;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>
/// A meeting's minutes as the minutes pages need them: every version (oldest first), the agenda's
/// projects and the party the user is on each. The office sees every version; a party of an
/// agenda project sees the latest version that has left the draft (確認中 and after), only its own
/// projects' exchanges; anyone else gets nothing (→ 404).
/// </summary>
public sealed record MinutesContext(ReportMeeting Meeting, List<Domain.Meetings.Minutes> Versions, Dictionary<int, Project> Projects, Dictionary<int, ProjectParty?> Parties, bool IsOffice)
{
    /// <summary>The version the page shows and acts on: the latest for the office; the latest past the draft for a party.</summary>
    public Domain.Meetings.Minutes? Current => IsOffice
        ? Versions.LastOrDefault()
        : Versions.LastOrDefault(v => v.Status != MinutesStatus.Draft);

    /// <summary>The agenda projects whose exchanges this user may read.</summary>
    public bool MayRead(int projectId) => IsOffice || PartyFor(projectId) is not null;

    /// <summary>The party a user is on <paramref name="projectId"/>, whose answers they may correct; null for the office and non-parties.</summary>
    public ProjectParty? PartyFor(int projectId) => IsOffice ? null : Parties.GetValueOrDefault(projectId);

    /// <summary>The minutes for what only the office does: 404 for anyone who may not see them, 403 for a party.</summary>
    public static async Task<Loaded<MinutesContext>> ForOfficeAsync(KyodoDbContext db, ClaimsPrincipal user, int meetingId, bool tracking, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(db, user, meetingId, tracking, cancellationToken);
        if (context is null)
        {
            return LoadRefusal.NotFound;
        }

        return context.IsOffice ? context : LoadRefusal.Forbidden;
    }

    /// <summary>As <see cref="ForOfficeAsync"/>, for a change to the current version: 404 before the minutes are started.</summary>
    public static async Task<Loaded<MinutesContext>> CurrentForOfficeAsync(KyodoDbContext db, ClaimsPrincipal user, int meetingId, bool tracking, CancellationToken cancellationToken)
    {
        var loaded = await ForOfficeAsync(db, user, meetingId, tracking, cancellationToken);
        return loaded.Value is { Current: null } ? LoadRefusal.NotFound : loaded;
    }

    public static async Task<MinutesContext?> LoadAsync(KyodoDbContext db, ClaimsPrincipal user, int meetingId, bool tracking, CancellationToken cancellationToken)
    {
        var meeting = await ReportMeetingQueries.LoadAsync(db, meetingId, tracking: false, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var query = db.Minutes.AsSplitQuery().Where(m => m.MeetingId == meetingId).OrderBy(m => m.VersionNumber);
        var versions = await (tracking ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
        var projectIds = meeting.Agenda.Select(a => a.ProjectId)
            .Concat(versions.SelectMany(v => v.Rows.Select(r => r.AgendaProjectId)))
            .Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().AsSplitQuery()
            .Where(p => projectIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var office = user.IsOffice();
        var parties = projects.Values.ToDictionary(p => p.Id, p => ProjectAccess.PartyOf(user, p));
        var context = new MinutesContext(meeting, versions, projects, parties, office);
        if (!office && (context.Current is null || parties.Values.All(party => party is null)))
        {
            return null;
        }

        return context;
    }
}
