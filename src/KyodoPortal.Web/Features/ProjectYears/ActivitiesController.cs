using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.ProjectYears;

/// <summary>
/// 実施記録: the parties of a project (its group, its department, and the coordinating office)
/// record each activity held, correct it or delete it, while the project is 実施中. The record's
/// fee is checked against the plan on the fiscal-year page. Non-parties get 404.
/// </summary>
[Authorize]
[Route("projects/{id:int}/activities")]
public sealed class ActivitiesController(KyodoDbContext db, TimeProvider clock, FormCommands commands) : Controller
{
    private const string FormView = "ActivityForm";
    private const string DeleteView = "DeleteActivity";

    [HttpGet("new")]
    public Task<IActionResult> Create(int id, int? fy, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadProjectAsync(id, fy, cancellationToken), async year =>
        {
            var today = clock.JapanToday();
            var input = new ActivityInput { HeldOn = FiscalYear.Of(today).StartYear == year.FiscalYear ? today : null };
            return View(FormView, await FormAsync(year.Project, year.FiscalYear, null, input, cancellationToken));
        });

    [HttpPost("new")]
    public Task<IActionResult> Create(int id, int? fy, [Bind(Prefix = "Input")] ActivityInput input, CancellationToken cancellationToken)
    {
        ActivityRecord? record = null;
        return commands.RunAsync(this, new FormCommand<ProjectYear>
        {
            Load = ct => LoadProjectAsync(id, fy, ct),
            Once = true,
            Apply = (year, by) => db.ActivityRecords.Add(record = ActivityRecord.Record(year.Project, input.ToDraft(), by.UserId, by.Now)),
            Done = _ => new("実施記録「{0}」を登録しました。", record!.Title),
            RedirectTo = _ => YearUrl(id, record!.FiscalYear),
            ShowAgain = async (year, ct) => View(FormView, await FormAsync(year.Project, year.FiscalYear, null, input, ct)),
        }, cancellationToken);
    }

    [HttpGet("{activityId:int}/edit")]
    public Task<IActionResult> Edit(int id, int activityId, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadRecordAsync(id, activityId, tracking: false, cancellationToken), async loaded =>
            View(FormView, await FormAsync(loaded.Project, loaded.Record.FiscalYear, loaded.Record, ActivityInput.From(loaded.Record), cancellationToken)));

    [HttpPost("{activityId:int}/edit")]
    public Task<IActionResult> Edit(int id, int activityId, [Bind(Prefix = "Input")] ActivityInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ProjectActivity>
        {
            Load = ct => LoadRecordAsync(id, activityId, tracking: true, ct),
            Versioned = loaded => loaded.Record,
            Version = input.Version,
            Apply = (loaded, by) => loaded.Record.Update(loaded.Project, input.ToDraft(), by.Now),
            Done = loaded => new("実施記録「{0}」を更新しました。", loaded.Record.Title),
            RedirectTo = loaded => YearUrl(id, loaded.Record.FiscalYear),
            UniqueField = "Input.Title",

            // Show the person's input again; after a conflict it carries the current version, so
            // saving once more (after reading the message) stores it deliberately.
            ShowAgain = async (loaded, ct) =>
            {
                var fresh = await db.ActivityRecords.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId && a.ProjectId == id, ct);
                if (fresh is null)
                {
                    return commands.Refused(this, LoadRefusal.Redirect(YearUrl(id, loaded.Record.FiscalYear), "この実施記録は削除されています。"));
                }

                input.Version = fresh.Version;
                return View(FormView, await FormAsync(loaded.Project, fresh.FiscalYear, fresh, input, ct));
            },
        }, cancellationToken);

    [HttpGet("{activityId:int}/delete")]
    public Task<IActionResult> Delete(int id, int activityId, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadRecordAsync(id, activityId, tracking: false, cancellationToken), loaded =>
            Task.FromResult<IActionResult>(View(DeleteView, new DeleteActivityViewModel(loaded.Project.Id, loaded.Project.Title, loaded.Record))));

    [HttpPost("{activityId:int}/delete")]
    public Task<IActionResult> Delete(int id, int activityId, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ProjectActivity>
        {
            Load = ct => LoadRecordAsync(id, activityId, tracking: true, ct),
            Versioned = loaded => loaded.Record,
            Version = version,
            Apply = (loaded, _) => db.ActivityRecords.Remove(loaded.Record),
            Done = loaded => new("実施記録「{0}」を削除しました。", loaded.Record.Title),
            RedirectTo = loaded => YearUrl(id, loaded.Record.FiscalYear),
        }, cancellationToken);

    internal static string YearUrl(int projectId, int fiscalYear) => $"/projects/{projectId}/years/{fiscalYear}";

    /// <summary>The project and the year a new record goes in, for a party (else 404) while the project is 実施中.</summary>
    private async Task<Loaded<ProjectYear>> LoadProjectAsync(int id, int? fy, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || ProjectAccess.SideOf(User, project) == ProjectSide.None)
        {
            return LoadRefusal.NotFound;
        }

        var year = YearOf(project, fy);
        return NotInProgress(project, year) ?? (Loaded<ProjectYear>)new ProjectYear(project, year);
    }

    /// <summary>The project and one of its records, checked: 404 for non-parties and for another project's record.</summary>
    private async Task<Loaded<ProjectActivity>> LoadRecordAsync(int id, int activityId, bool tracking, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || ProjectAccess.SideOf(User, project) == ProjectSide.None)
        {
            return LoadRefusal.NotFound;
        }

        var query = tracking ? db.ActivityRecords : db.ActivityRecords.AsNoTracking();
        var record = await query.FirstOrDefaultAsync(a => a.Id == activityId && a.ProjectId == id, cancellationToken);
        if (record is null)
        {
            return LoadRefusal.NotFound;
        }

        return NotInProgress(project, record.FiscalYear) ?? (Loaded<ProjectActivity>)new ProjectActivity(project, record);
    }

    /// <summary>The requested year when it is in the term; else the current year when it is, else the first year.</summary>
    private int YearOf(Project project, int? requested)
    {
        if (requested is { } year && project.CoversFiscalYear(year))
        {
            return year;
        }

        var current = FiscalYear.Of(clock.JapanToday()).StartYear;
        return project.CoversFiscalYear(current) ? current : project.StartFiscalYear;
    }

    /// <summary>Activities are recorded only while the project is 実施中: otherwise back to the year with the reason.</summary>
    private static LoadRefusal? NotInProgress(Project project, int fiscalYear) => project.Status switch
    {
        ProjectStatus.InProgress => null,
        ProjectStatus.Closed => LoadRefusal.Redirect(YearUrl(project.Id, fiscalYear), "終了した協働事業では実施記録を登録・修正できません。"),
        _ => LoadRefusal.Redirect(YearUrl(project.Id, fiscalYear), "実施記録は協定の締結後（実施中の協働事業）に登録できます。"),
    };

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

/// <summary>A project and the fiscal year a new activity record goes in.</summary>
public sealed record ProjectYear(Project Project, int FiscalYear);

/// <summary>A project and one of its activity records.</summary>
public sealed record ProjectActivity(Project Project, ActivityRecord Record);

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
