using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Export;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 体系: a period's measures as seed 002 prints them, by area and sub-area (・title 【分類】＜重点施策＞
/// and the description), filtered by classification, 重点施策, department and a fiscal year's progress
/// status, printable; and the period's measures as xlsx or CSV with a status column per fiscal year
/// (the matrix as a table). A department sees, and downloads, the measures it is in charge of.
/// </summary>
[Route("guideline/periods/{number:int}")]
[Authorize(Policy = KyodoPolicies.Staff)]
public sealed class GuidelineTreeController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("tree")]
    public async Task<IActionResult> Index(int number, int? classification, bool priority, int? department, int? year, MeasureProgressStatus? status, CancellationToken cancellationToken)
    {
        if (await GuidelineQueries.GuidelineAsync(db, cancellationToken) is not { } guideline || guideline.Periods.FirstOrDefault(p => p.Number == number) is not { } period)
        {
            return NotFound();
        }

        var viewer = GuidelineViewer.Of(User);
        var filter = new TreeFilter(classification, priority, department, status);
        var shown = ShownYear(period, year);
        var measures = await GuidelineTreeQueries.MeasuresAsync(db, period.Id, filter, shown, everyYear: false, viewer, cancellationToken);
        return View("Tree", new GuidelineTreeViewModel(
            guideline,
            period,
            filter,
            shown,
            await GuidelineQueries.DepartmentsAsync(db, cancellationToken),
            viewer,
            new MeasureTreeModel(MeasureTreeModel.Place(guideline, measures), "/guideline/measures/", shown, IsPublic: false),
            measures.Count));
    }

    /// <summary><c>?format=xlsx|csv</c>, with the tree's filters.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export(int number, [FromQuery] ExportFormat? format, int? classification, bool priority, int? department, int? year, MeasureProgressStatus? status, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        if (await GuidelineQueries.GuidelineAsync(db, cancellationToken) is not { } guideline || guideline.Periods.FirstOrDefault(p => p.Number == number) is not { } period)
        {
            return NotFound();
        }

        var filter = new TreeFilter(classification, priority, department, status);
        var measures = await GuidelineTreeQueries.MeasuresAsync(db, period.Id, filter, ShownYear(period, year), everyYear: true, GuidelineViewer.Of(User), cancellationToken);
        var areas = guideline.Areas.ToDictionary(a => a.Id);
        var subAreas = guideline.Areas.SelectMany(a => a.SubAreas).ToDictionary(s => s.Id);
        var table = ExportTable.Create(localizer["指針 第{0}期の施策", period.Number].Value, measures, c =>
        {
            c.Text(localizer["分野"], m => localizer["（{0}）{1}", areas[m.AreaId].Number, areas[m.AreaId].Title].Value)
                .Text(localizer["項目"], m => m.SubAreaId is { } s ? $"{subAreas[s].Letter} {subAreas[s].Title}" : null)
                .Text(localizer["施策名"], m => m.Title)
                .Text(localizer["分類"], m => m.ClassificationCode)
                .Text(localizer["重点施策"], m => m.IsPriority ? localizer["重点施策"].Value : null)
                .Text(localizer["担当課"], m => string.Join("、", m.Departments))
                .Text(localizer["説明"], m => m.Description);

            // The matrix as a table: a column per fiscal year, the status and where its record is in the review.
            foreach (var fiscalYear in period.FiscalYears)
            {
                c.Text(DisplayFormat.FiscalYear(new FiscalYear(fiscalYear)), m => m.Cells.TryGetValue(fiscalYear, out var cell)
                    ? localizer["{0}（{1}）", localizer.Label(cell.Status), localizer.Label(cell.Review)].Value
                    : null);
            }
        });
        return ExportFileResult.Create(table, chosen, clock);
    }

    /// <summary>The year asked for when the period covers it, else this fiscal year within the period.</summary>
    private int ShownYear(GuidelinePeriod period, int? year) =>
        year is { } asked && period.Covers(asked) ? asked : GuidelineTreeFormat.DefaultYear(period, clock.JapanToday());
}
