using System.Security.Claims;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.ProjectYears;

/// <summary>
/// 実施記録: the parties of a project (its group, its department, and the coordinating office)
/// record each activity held, correct it or delete it, while the project is 実施中. The record's
/// fee is checked against the plan on the fiscal-year page. Non-parties get 404.
/// </summary>
[Authorize]
[Route("projects/{id:int}/activities")]
public sealed class ActivitiesController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    // The views live beside the fiscal-year page they return to, not in a folder of their own.
    private const string FormView = "/Features/ProjectYears/ActivityForm.cshtml";
    private const string DeleteView = "/Features/ProjectYears/DeleteActivity.cshtml";

    [HttpGet("new")]
    public async Task<IActionResult> Create(int id, int? fy, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || ProjectAccess.SideOf(User, project) == ProjectSide.None)
        {
            return NotFound();
        }

        var year = YearOf(project, fy);
        if (NotInProgress(project, year) is { } refused)
        {
            return refused;
        }

        var today = Today;
        var input = new ActivityInput { HeldOn = FiscalYear.Of(today).StartYear == year ? today : null };
        return View(FormView, await FormAsync(project, year, null, input, cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(int id, int? fy, [Bind(Prefix = "Input")] ActivityInput input, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || ProjectAccess.SideOf(User, project) == ProjectSide.None)
        {
            return NotFound();
        }

        var year = YearOf(project, fy);
        if (NotInProgress(project, year) is { } refused)
        {
            return refused;
        }

        if (ModelState.IsValid)
        {
            try
            {
                var record = ActivityRecord.Record(project, input.ToDraft(), UserId, Now);
                db.ActivityRecords.Add(record);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = localizer["実施記録「{0}」を登録しました。", record.Title].Value;
                return Redirect(YearUrl(id, record.FiscalYear));
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
        }

        return View(FormView, await FormAsync(project, year, null, input, cancellationToken));
    }

    [HttpGet("{activityId:int}/edit")]
    public async Task<IActionResult> Edit(int id, int activityId, CancellationToken cancellationToken)
    {
        var (project, record, denied) = await LoadAsync(id, activityId, tracking: false, cancellationToken);
        return denied ?? View(FormView, await FormAsync(project!, record!.FiscalYear, record, ActivityInput.From(record), cancellationToken));
    }

    [HttpPost("{activityId:int}/edit")]
    public async Task<IActionResult> Edit(int id, int activityId, [Bind(Prefix = "Input")] ActivityInput input, CancellationToken cancellationToken)
    {
        var (project, record, denied) = await LoadAsync(id, activityId, tracking: true, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.ExpectVersion(record!, input.Version);
                record!.Update(project!, input.ToDraft(), Now);
                if (await db.TrySaveAsync(ModelState, localizer, "Input.Title", cancellationToken))
                {
                    TempData["Success"] = localizer["実施記録「{0}」を更新しました。", record.Title].Value;
                    return Redirect(YearUrl(id, record.FiscalYear));
                }
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
        }

        // Show the person's input again; after a conflict it carries the current version, so
        // saving once more (after reading the message) stores it deliberately.
        db.ChangeTracker.Clear();
        var fresh = await db.ActivityRecords.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId && a.ProjectId == id, cancellationToken);
        if (fresh is null)
        {
            TempData["Error"] = localizer["この実施記録は削除されています。"].Value;
            return Redirect(YearUrl(id, record!.FiscalYear));
        }

        input.Version = fresh.Version;
        return View(FormView, await FormAsync(project!, fresh.FiscalYear, fresh, input, cancellationToken));
    }

    [HttpGet("{activityId:int}/delete")]
    public async Task<IActionResult> Delete(int id, int activityId, CancellationToken cancellationToken)
    {
        var (project, record, denied) = await LoadAsync(id, activityId, tracking: false, cancellationToken);
        return denied ?? View(DeleteView, new DeleteActivityViewModel(project!.Id, project.Title, record!));
    }

    [HttpPost("{activityId:int}/delete")]
    public async Task<IActionResult> Delete(int id, int activityId, [FromForm] int version, CancellationToken cancellationToken)
    {
        var (_, record, denied) = await LoadAsync(id, activityId, tracking: true, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        try
        {
            db.ExpectVersion(record!, version);
            db.ActivityRecords.Remove(record!);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = localizer["実施記録「{0}」を削除しました。", record!.Title].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return Redirect(YearUrl(id, record!.FiscalYear));
    }

    internal static string YearUrl(int projectId, int fiscalYear) => $"/projects/{projectId}/years/{fiscalYear}";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(JapanTime.FromUtc(Now));

    /// <summary>The requested year when it is in the term; else the current year when it is, else the first year.</summary>
    private int YearOf(Project project, int? requested)
    {
        if (requested is { } year && project.CoversFiscalYear(year))
        {
            return year;
        }

        var current = FiscalYear.Of(Today).StartYear;
        return project.CoversFiscalYear(current) ? current : project.StartFiscalYear;
    }

    /// <summary>Activities are recorded only while the project is 実施中: otherwise back to the year with the reason.</summary>
    private RedirectResult? NotInProgress(Project project, int fiscalYear)
    {
        if (project.Status == ProjectStatus.InProgress)
        {
            return null;
        }

        TempData["Error"] = project.Status == ProjectStatus.Closed
            ? localizer["終了した協働事業では実施記録を登録・修正できません。"].Value
            : localizer["実施記録は協定の締結後（実施中の協働事業）に登録できます。"].Value;
        return Redirect(YearUrl(project.Id, fiscalYear));
    }

    /// <summary>The project and one of its records, checked: 404 for non-parties and for another project's record.</summary>
    private async Task<(Project? Project, ActivityRecord? Record, IActionResult? Denied)> LoadAsync(int id, int activityId, bool tracking, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || ProjectAccess.SideOf(User, project) == ProjectSide.None)
        {
            return (null, null, NotFound());
        }

        var query = tracking ? db.ActivityRecords : db.ActivityRecords.AsNoTracking();
        var record = await query.FirstOrDefaultAsync(a => a.Id == activityId && a.ProjectId == id, cancellationToken);
        if (record is null)
        {
            return (project, null, NotFound());
        }

        return (project, record, NotInProgress(project, record.FiscalYear));
    }

    private async Task<ActivityFormViewModel> FormAsync(Project project, int fiscalYear, ActivityRecord? record, ActivityInput input, CancellationToken cancellationToken)
    {
        var plan = await ProjectQueries.CurrentPlanAsync(db, project.Id, cancellationToken);
        return new ActivityFormViewModel(
            project.Id,
            project.Title,
            new FiscalYear(fiscalYear),
            record?.Id,
            input,
            plan?.Content.PlannedParticipantFees(fiscalYear) ?? [],
            new FiscalYear(project.StartFiscalYear).FirstDay,
            new FiscalYear(project.EndFiscalYear).LastDay);
    }
}

/// <summary>The 実施記録 form, new (<see cref="ActivityId"/> null) or edit.</summary>
public sealed record ActivityFormViewModel(
    int ProjectId,
    string ProjectTitle,
    FiscalYear FiscalYear,
    int? ActivityId,
    ActivityInput Input,
    IReadOnlyList<long> PlannedFees,
    DateOnly TermFirstDay,
    DateOnly TermLastDay)
{
    public bool IsNew => ActivityId is null;

    public string Action => IsNew
        ? $"/projects/{ProjectId}/activities/new?fy={FiscalYear.StartYear}"
        : $"/projects/{ProjectId}/activities/{ActivityId}/edit";
}

/// <summary>The confirmation before a record is deleted (it is gone afterwards).</summary>
public sealed record DeleteActivityViewModel(int ProjectId, string ProjectTitle, ActivityRecord Record);
