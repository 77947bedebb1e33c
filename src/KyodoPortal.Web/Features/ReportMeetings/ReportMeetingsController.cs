using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.ScreeningAdmin;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using KyodoPortal.Web.Infrastructure.People;

namespace KyodoPortal.Web.Features.ReportMeetings;

/// <summary>
/// 報告会 for the coordinating office: list, schedule, edit (details and members present), the
/// agenda (projects in presentation order, moved with plain forms), and 開催済み.
/// </summary>
[Authorize(Roles = KyodoRoles.MasterDataEditors)]
[Route("meetings")]
public sealed class ReportMeetingsController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ReportMeetingQueries.ListAsync(db, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        var year = FiscalYear.Of(clock.GetUtcNow()).StartYear;
        var input = new MeetingInput { ReportedFiscalYear = year - 1, IsPublic = true };
        return View("Form", await FormAsync(null, input, cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> New([Bind(Prefix = "Input")] MeetingInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var meeting = ReportMeeting.Schedule(input.ToDetails(), UserId, Now);
                meeting.SetAttendees(await CommitteeOnlyAsync(input.AttendeeIds, cancellationToken), Now);
                db.ReportMeetings.Add(meeting);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = localizer["報告会を登録しました。議題に報告する協働事業を追加してください。"].Value;
                return Redirect($"/meetings/{meeting.Id}");
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
        }

        return View("Form", await FormAsync(null, input, cancellationToken));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var meeting = await ReportMeetingQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        return meeting is null ? NotFound() : View(await PageAsync(meeting, new AgendaAddInput { Version = meeting.Version }, cancellationToken));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var meeting = await ReportMeetingQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        return meeting is null ? NotFound() : View("Form", await FormAsync(id, MeetingInput.From(meeting), cancellationToken));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] MeetingInput input, CancellationToken cancellationToken)
    {
        var meeting = await ReportMeetingQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.ExpectVersion(meeting, input.Version);
                meeting.Update(input.ToDetails(), Now);
                meeting.SetAttendees(await CommitteeOnlyAsync(input.AttendeeIds, cancellationToken), Now);
                if (await db.TrySaveAsync(ModelState, localizer, string.Empty, cancellationToken))
                {
                    TempData["Success"] = localizer["報告会を保存しました。"].Value;
                    return Redirect($"/meetings/{id}");
                }
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }

            db.ChangeTracker.Clear();
            input.Version = (await ReportMeetingQueries.LoadAsync(db, id, tracking: false, cancellationToken))?.Version ?? input.Version;
        }

        return View("Form", await FormAsync(id, input, cancellationToken));
    }

    /// <summary>Adds a project in progress at the end of the agenda.</summary>
    [HttpPost("{id:int}/agenda")]
    public async Task<IActionResult> AddToAgenda(int id, [Bind(Prefix = "Agenda")] AgendaAddInput input, CancellationToken cancellationToken)
    {
        var meeting = await ReportMeetingQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var draft = await ReportMeetingQueries.AgendaDraftAsync(db, input.ProjectId!.Value, cancellationToken);
            if (draft is null)
            {
                ModelState.AddModelError("Agenda.ProjectId", localizer["実施中の協働事業を選択してください。"]);
            }
            else
            {
                try
                {
                    db.ExpectVersion(meeting, input.Version);
                    meeting.SetAgenda([.. meeting.Agenda.OrderBy(a => a.Order).Select(a => a.ToDraft()), draft], Now);
                    if (await db.TrySaveAsync(ModelState, localizer, string.Empty, cancellationToken))
                    {
                        TempData["Success"] = localizer["議題に追加しました。"].Value;
                        return Redirect($"/meetings/{id}#agenda");
                    }
                }
                catch (DomainRuleException exception)
                {
                    ModelState.AddModelError("Agenda.ProjectId", localizer[exception.Message]);
                }
            }
        }

        db.ChangeTracker.Clear();
        var fresh = await ReportMeetingQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        input.Version = fresh!.Version;
        return View(nameof(Details), await PageAsync(fresh, input, cancellationToken));
    }

    /// <summary>Moves an agenda item one place up or down.</summary>
    [HttpPost("{id:int}/agenda/{projectId:int}/move")]
    public Task<IActionResult> MoveAgendaItem(int id, int projectId, [FromForm] MoveDirection direction, [FromForm] int version, CancellationToken cancellationToken) =>
        ChangeAgendaAsync(id, version, items =>
        {
            var index = items.FindIndex(i => i.ProjectId == projectId);
            var target = direction == MoveDirection.Up ? index - 1 : index + 1;
            if (index < 0 || target < 0 || target >= items.Count)
            {
                return false;
            }

            (items[index], items[target]) = (items[target], items[index]);
            return true;
        }, localizer["議題の順番を変更しました。"], cancellationToken);

    [HttpPost("{id:int}/agenda/{projectId:int}/remove")]
    public Task<IActionResult> RemoveAgendaItem(int id, int projectId, [FromForm] int version, CancellationToken cancellationToken) =>
        ChangeAgendaAsync(id, version, items => items.RemoveAll(i => i.ProjectId == projectId) > 0, localizer["議題から外しました。"], cancellationToken);

    /// <summary>予定 → 開催済み (on or after the day); the minutes can be started then.</summary>
    [HttpPost("{id:int}/held")]
    public async Task<IActionResult> MarkHeld(int id, [FromForm] int version, CancellationToken cancellationToken)
    {
        var meeting = await ReportMeetingQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        try
        {
            db.ExpectVersion(meeting, version);
            meeting.MarkHeld(Now);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = localizer["開催済みにしました。議事録を作成できます。"].Value;
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return Redirect($"/meetings/{id}");
    }

    private async Task<IActionResult> ChangeAgendaAsync(int id, int version, Func<List<AgendaItemDraft>, bool> change, LocalizedString done, CancellationToken cancellationToken)
    {
        var meeting = await ReportMeetingQueries.LoadAsync(db, id, tracking: true, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        var items = meeting.Agenda.OrderBy(a => a.Order).Select(a => a.ToDraft()).ToList();
        if (!change(items))
        {
            return Redirect($"/meetings/{id}#agenda");
        }

        try
        {
            db.ExpectVersion(meeting, version);
            meeting.SetAgenda(items, Now);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = done.Value;
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return Redirect($"/meetings/{id}#agenda");
    }

    /// <summary>The chosen ids that are committee members (a forged id is dropped, not stored).</summary>
    private async Task<List<string>> CommitteeOnlyAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var committee = (await ScreeningAdminQueries.CommitteeMembersAsync(db, cancellationToken)).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        return [.. ids.Where(committee.Contains).Distinct(StringComparer.Ordinal)];
    }

    private async Task<MeetingFormViewModel> FormAsync(int? id, MeetingInput input, CancellationToken cancellationToken) =>
        new(id, input, [.. (await ScreeningAdminQueries.CommitteeMembersAsync(db, cancellationToken)).OrderBy(p => p.DisplayName, StringComparer.Ordinal)], FiscalYear.Of(clock.GetUtcNow()).StartYear);

    private async Task<MeetingPageViewModel> PageAsync(ReportMeeting meeting, AgendaAddInput input, CancellationToken cancellationToken)
    {
        var attendeeIds = meeting.Attendees.Select(a => a.UserId).ToList();
        var names = (await ScreeningAdminQueries.NamesAsync(db, attendeeIds, cancellationToken)).ToDictionary(p => p.UserId, StringComparer.Ordinal);
        var attendees = meeting.Attendees.OrderBy(a => a.Order).Select(a => names.TryGetValue(a.UserId, out var p) ? p : new PersonName(a.UserId, a.UserId, null)).ToList();
        var candidates = (await ReportMeetingQueries.CandidatesAsync(db, cancellationToken)).Where(c => !meeting.HasOnAgenda(c.Id)).ToList();
        return new MeetingPageViewModel(meeting, attendees, candidates, await ReportMeetingQueries.MinutesStatusAsync(db, meeting.Id, cancellationToken), input);
    }
}
