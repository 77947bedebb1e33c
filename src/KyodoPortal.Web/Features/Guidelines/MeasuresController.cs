using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 具体的施策: a period's measures (the office sees all, a department those it is in charge of), a
/// measure's page with its progress by year, and the coordinator's create and edit forms.
/// </summary>
[Authorize(Policy = KyodoPolicies.Staff)]
public sealed class MeasuresController(KyodoDbContext db, TimeProvider clock, FormCommands commands) : Controller
{
    [HttpGet("guideline/periods/{number:int}/measures")]
    public async Task<IActionResult> Index(int number, int? area, int? classification, int? department, string? q, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        if (await GuidelineQueries.GuidelineAsync(db, cancellationToken) is not { } guideline || guideline.Periods.FirstOrDefault(p => p.Number == number) is not { } period)
        {
            return NotFound();
        }

        var viewer = GuidelineViewer.Of(User);
        var query = GuidelineQueries.Columns.Query(new ListRequest(q, sort, dir));
        var filter = new MeasureFilter(area, classification, department);
        return View("Measures", new MeasureListViewModel(
            guideline,
            period,
            await GuidelineQueries.MeasuresAsync(db, period.Id, query, filter, viewer, page, cancellationToken),
            query,
            filter,
            await GuidelineQueries.DepartmentsAsync(db, cancellationToken),
            viewer));
    }

    [HttpGet("guideline/measures/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var viewer = GuidelineViewer.Of(User);
        if (await GuidelineQueries.MeasureAsync(db, id, viewer, cancellationToken) is not { } measure)
        {
            return NotFound();
        }

        var progress = await GuidelineQueries.ProgressOfAsync(db, id, cancellationToken);
        var today = clock.JapanToday();
        var years = measure.Period.FiscalYears.Select(year =>
        {
            var record = progress.FirstOrDefault(p => p.FiscalYear == year);
            return new ProgressRow(year, record, measure.Period.DueOn(year), measure.Period.IsOverdue(year, today, record?.Review));
        }).ToList();
        return View("Measure", new MeasurePageViewModel(
            measure,
            await GuidelineQueries.DepartmentNamesAsync(db, measure.Departments.Select(d => d.DepartmentId), cancellationToken),
            years,
            viewer,
            await ReviewQueries.HistoryAsync(db, measure, cancellationToken),
            await MeasureLinkQueries.LinksAsync(db, id, cancellationToken),
            viewer.IsOffice && !measure.Period.IsClosed ? await MeasureLinkQueries.OptionsAsync(db, cancellationToken) : []));
    }

    [HttpGet("guideline/periods/{number:int}/measures/new")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public async Task<IActionResult> Create(int number, CancellationToken cancellationToken) =>
        await GuidelineQueries.GuidelineAsync(db, cancellationToken) is { } guideline && guideline.Periods.FirstOrDefault(p => p.Number == number) is { } period
            ? View("MeasureForm", new MeasureFormViewModel(null, period.Number, guideline, await GuidelineQueries.DepartmentsAsync(db, cancellationToken), new MeasureInput()))
            : NotFound();

    [HttpPost("guideline/periods/{number:int}/measures/new")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Create(int number, [Bind(Prefix = "Input")] MeasureInput input, CancellationToken cancellationToken)
    {
        GuidelineMeasure? created = null;
        return commands.RunAsync(this, new FormCommand<Guideline>
        {
            Load = LoadGuidelineAsync,
            Once = true,
            Apply = (guideline, _) =>
            {
                created = new GuidelineMeasure(guideline, guideline.PeriodNumbered(number), input.ToDraft(guideline));
                db.GuidelineMeasures.Add(created);
            },
            Done = _ => new("施策「{0}」を登録しました。", created!.Title),
            RedirectTo = _ => $"/guideline/measures/{created!.Id}",
            ShowAgain = async (guideline, ct) => View("MeasureForm", new MeasureFormViewModel(null, number, guideline, await GuidelineQueries.DepartmentsAsync(db, ct), input)),
        }, cancellationToken);
    }

    [HttpGet("guideline/measures/{id:int}/edit")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (await GuidelineQueries.MeasureAsync(db, id, GuidelineViewer.Of(User), cancellationToken) is not { } measure)
        {
            return NotFound();
        }

        var guideline = (await GuidelineQueries.GuidelineAsync(db, cancellationToken))!;
        return View("MeasureForm", new MeasureFormViewModel(id, measure.Period.Number, guideline, await GuidelineQueries.DepartmentsAsync(db, cancellationToken), MeasureInput.From(measure)));
    }

    [HttpPost("guideline/measures/{id:int}/edit")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] MeasureInput input, CancellationToken cancellationToken)
    {
        GuidelineMeasure? measure = null;
        return commands.RunAsync(this, new FormCommand<Guideline>
        {
            Load = async ct =>
            {
                measure = await GuidelineQueries.MeasureAsync(db, id, GuidelineViewer.Of(User), ct, tracked: true);
                return measure is null ? LoadRefusal.NotFound : await LoadGuidelineAsync(ct);
            },
            Versioned = _ => measure,
            Version = input.Version,
            Apply = (guideline, _) => measure!.Update(guideline, input.ToDraft(guideline)),
            Done = _ => new("施策「{0}」を更新しました。", measure!.Title),
            RedirectTo = _ => $"/guideline/measures/{id}",
            ShowAgain = async (guideline, ct) => View("MeasureForm", new MeasureFormViewModel(id, measure!.Period.Number, guideline, await GuidelineQueries.DepartmentsAsync(db, ct), input)),
        }, cancellationToken);
    }

    private async Task<Loaded<Guideline>> LoadGuidelineAsync(CancellationToken cancellationToken) =>
        await GuidelineQueries.GuidelineAsync(db, cancellationToken, tracked: true) is { } guideline ? guideline : LoadRefusal.NotFound;
}
