using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.ReportMeetings;

/// <summary>
/// 報告会 for the coordinating office: list, schedule, edit (details and members present), the
/// agenda (projects in presentation order, moved with plain forms), and 開催済み.
/// </summary>
[Authorize(Policy = KyodoPolicies.Office)]
[Route("meetings")]
public sealed class ReportMeetingsController(KyodoDbContext db, TimeProvider clock, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormView = "Form";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default) =>
        View(await ReportMeetingQueries.ListAsync(db, new ListRequest(q, sort, dir), page, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        var year = FiscalYear.Of(clock.GetUtcNow()).StartYear;
        var input = new MeetingInput { ReportedFiscalYear = year - 1, IsPublic = true };
        return View(FormView, await FormAsync(null, input, cancellationToken));
    }

    [HttpPost("new")]
    public Task<IActionResult> New([Bind(Prefix = "Input")] MeetingInput input, CancellationToken cancellationToken)
    {
        ReportMeeting? meeting = null;
        return commands.RunAsync(this, new FormCommand<NoRecord>
        {
            Load = NoRecord.LoadAsync,
            Once = true,
            ApplyAsync = async (_, by, ct) =>
            {
                meeting = ReportMeeting.Schedule(input.ToDetails(), by.UserId, by.Now);
                meeting.SetAttendees(await CommitteeOnlyAsync(input.AttendeeIds, ct), by.Now);
                db.ReportMeetings.Add(meeting);
            },
            Done = _ => "報告会を登録しました。議題に報告する協働事業を追加してください。",
            RedirectTo = _ => MeetingUrl(meeting!.Id),
            ShowAgain = async (_, ct) => View(FormView, await FormAsync(null, input, ct)),
        }, cancellationToken);
    }

    [HttpGet("{id:int}")]
    public Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, MeetingAsync(id, tracking: false, cancellationToken), async meeting =>
            View(await PageAsync(meeting, new AgendaAddInput { Version = meeting.Version }, cancellationToken)));

    [HttpGet("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, MeetingAsync(id, tracking: false, cancellationToken), async meeting =>
            View(FormView, await FormAsync(id, MeetingInput.From(meeting), cancellationToken)));

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] MeetingInput input, CancellationToken cancellationToken)
    {
        var saving = ModelState.IsValid;
        return commands.RunAsync(this, new FormCommand<ReportMeeting>
        {
            Load = ct => MeetingAsync(id, tracking: true, ct),
            Versioned = meeting => meeting,
            Version = input.Version,
            ApplyAsync = async (meeting, by, ct) =>
            {
                meeting.Update(input.ToDetails(), by.Now);
                meeting.SetAttendees(await CommitteeOnlyAsync(input.AttendeeIds, ct), by.Now);
            },
            Done = _ => "報告会を保存しました。",
            RedirectTo = _ => MeetingUrl(id),
            ShowAgain = async (_, ct) =>
            {
                // After a refused save the form carries the current version, so saving once more
                // (after reading the reason) stores it deliberately; a form with missing input keeps its own.
                if (saving)
                {
                    input.Version = (await ReportMeetingQueries.LoadAsync(db, id, tracking: false, ct))?.Version ?? input.Version;
                }

                return View(FormView, await FormAsync(id, input, ct));
            },
        }, cancellationToken);
    }

    /// <summary>Adds a project in progress at the end of the agenda.</summary>
    [HttpPost("{id:int}/agenda")]
    public async Task<IActionResult> AddToAgenda(int id, [Bind(Prefix = "Agenda")] AgendaAddInput input, CancellationToken cancellationToken)
    {
        // Only a project being carried out can be reported on: said next to the choice, like a missing one.
        var draft = input.ProjectId is { } projectId ? await ReportMeetingQueries.AgendaDraftAsync(db, projectId, cancellationToken) : null;
        if (input.ProjectId is not null && draft is null)
        {
            ModelState.AddModelError("Agenda.ProjectId", localizer["実施中の協働事業を選択してください。"]);
        }

        return await commands.RunAsync(this, new FormCommand<ReportMeeting>
        {
            Load = ct => MeetingAsync(id, tracking: true, ct),
            Versioned = meeting => meeting,
            Version = input.Version,
            Apply = (meeting, by) => meeting.SetAgenda([.. meeting.Agenda.OrderBy(a => a.Order).Select(a => a.ToDraft()), draft!], by.Now),
            Done = _ => "議題に追加しました。",
            RedirectTo = _ => AgendaUrl(id),
            ShowAgain = async (_, ct) =>
            {
                if (await ReportMeetingQueries.LoadAsync(db, id, tracking: false, ct) is not { } fresh)
                {
                    return NotFound();
                }

                input.Version = fresh.Version;
                return View(nameof(Details), await PageAsync(fresh, input, ct));
            },
        }, cancellationToken);
    }

    /// <summary>Moves an agenda item one place up or down.</summary>
    [HttpPost("{id:int}/agenda/{projectId:int}/move")]
    public Task<IActionResult> MoveAgendaItem(int id, int projectId, [FromForm] MoveDirection direction, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnAgenda(id, version, items =>
        {
            var index = items.FindIndex(i => i.ProjectId == projectId);
            var target = direction == MoveDirection.Up ? index - 1 : index + 1;
            if (index < 0 || target < 0 || target >= items.Count)
            {
                return false;
            }

            (items[index], items[target]) = (items[target], items[index]);
            return true;
        }, "議題の順番を変更しました。"), cancellationToken);

    [HttpPost("{id:int}/agenda/{projectId:int}/remove")]
    public Task<IActionResult> RemoveAgendaItem(int id, int projectId, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnAgenda(id, version, items => items.RemoveAll(i => i.ProjectId == projectId) > 0, "議題から外しました。"), cancellationToken);

    /// <summary>予定 → 開催済み (on or after the day); the minutes can be started then.</summary>
    [HttpPost("{id:int}/held")]
    public Task<IActionResult> MarkHeld(int id, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ReportMeeting>
        {
            RequiresConfirmation = true,
            Load = ct => MeetingAsync(id, tracking: true, ct),
            Versioned = meeting => meeting,
            Version = version,
            Apply = (meeting, by) => meeting.MarkHeld(by.Now),
            Done = _ => "開催済みにしました。議事録を作成できます。",
            RedirectTo = _ => MeetingUrl(id),
        }, cancellationToken);

    private static string MeetingUrl(int id) => $"/meetings/{id}";

    private static string AgendaUrl(int id) => $"/meetings/{id}#agenda";

    /// <summary>A change of the agenda's items (a button on the meeting page); one that changes nothing goes back without a word.</summary>
    private FormCommand<MeetingAgenda> OnAgenda(int id, int version, Func<List<AgendaItemDraft>, bool> change, UserMessage done) => new()
    {
        Load = async ct =>
        {
            if (await ReportMeetingQueries.LoadAsync(db, id, tracking: true, ct) is not { } meeting)
            {
                return LoadRefusal.NotFound;
            }

            var items = meeting.Agenda.OrderBy(a => a.Order).Select(a => a.ToDraft()).ToList();
            return change(items) ? new MeetingAgenda(meeting, items) : LoadRefusal.Redirect(AgendaUrl(id));
        },
        Versioned = agenda => agenda.Meeting,
        Version = version,
        Apply = (agenda, by) => agenda.Meeting.SetAgenda(agenda.Items, by.Now),
        Done = _ => done,
        RedirectTo = _ => AgendaUrl(id),
    };

    private async Task<Loaded<ReportMeeting>> MeetingAsync(int id, bool tracking, CancellationToken cancellationToken) =>
        await ReportMeetingQueries.LoadAsync(db, id, tracking, cancellationToken) is { } meeting ? meeting : LoadRefusal.NotFound;

    /// <summary>The chosen ids that are committee members (a forged id is dropped, not stored).</summary>
    private async Task<List<string>> CommitteeOnlyAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var committee = (await PeopleDirectory.InRoleAsync(db, KyodoRoles.CommitteeMember, cancellationToken)).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        return [.. ids.Where(committee.Contains).Distinct(StringComparer.Ordinal)];
    }

    private async Task<MeetingFormViewModel> FormAsync(int? id, MeetingInput input, CancellationToken cancellationToken) =>
        new(
            id,
            input,
            [.. (await PeopleDirectory.InRoleAsync(db, KyodoRoles.CommitteeMember, cancellationToken)).OrderBy(p => p.DisplayName, StringComparer.Ordinal)],
            await ReportMeetingQueries.ReportableYearsAsync(db, FiscalYear.Of(clock.GetUtcNow()).StartYear, cancellationToken));

    private async Task<MeetingPageViewModel> PageAsync(ReportMeeting meeting, AgendaAddInput input, CancellationToken cancellationToken)
    {
        var names = await PeopleDirectory.NamesAsync(db, meeting.Attendees.Select(a => a.UserId), cancellationToken);
        var attendees = meeting.Attendees.OrderBy(a => a.Order).Select(a => names.Person(a.UserId)).ToList();
        var candidates = (await ReportMeetingQueries.CandidatesAsync(db, cancellationToken)).Where(c => !meeting.HasOnAgenda(c.Id)).ToList();
        return new MeetingPageViewModel(meeting, attendees, candidates, await ReportMeetingQueries.MinutesStatusAsync(db, meeting.Id, cancellationToken), input);
    }
}

/// <summary>A meeting and its agenda items after a change, to be set.</summary>
public sealed record MeetingAgenda(ReportMeeting Meeting, List<AgendaItemDraft> Items);
