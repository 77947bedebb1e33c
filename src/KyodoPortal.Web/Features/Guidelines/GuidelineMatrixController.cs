using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Formatting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 達成状況 (seed 002's 別紙): a period's measures × fiscal years with the status in each cell, and
/// the measures whose record of a chosen year is overdue (missing, a draft or returned after the
/// year's deadline). For the office: it shows every department's measures.
/// </summary>
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class GuidelineMatrixController(KyodoDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("guideline/periods/{number:int}/matrix")]
    public async Task<IActionResult> Index(int number, int? year, CancellationToken cancellationToken)
    {
        if (await GuidelineQueries.GuidelineAsync(db, cancellationToken) is not { } guideline || guideline.Periods.FirstOrDefault(p => p.Number == number) is not { } period)
        {
            return NotFound();
        }

        var today = clock.JapanToday();
        var rows = await GuidelineQueries.MatrixAsync(db, period.Id, cancellationToken);

        // The year asked for, else the latest year of the period whose deadline has passed, else its first year.
        var overdueYear = year is { } asked && period.Covers(asked) ? asked
            : period.FiscalYears.LastOrDefault(y => period.DueOn(y) < today, period.FirstFiscalYear);
        var dueOn = period.DueOn(overdueYear);
        var overdue = rows
            .Select(r => (Row: r, Review: r.Cells.TryGetValue(overdueYear, out var cell) ? cell.Review : (Domain.Guidelines.ProgressReviewStatus?)null))
            .Where(x => period.IsOverdue(overdueYear, today, x.Review))
            .Select(x => new OverdueMeasure(x.Row.Id, x.Row.Title, x.Review, today.DayNumber - dueOn.DayNumber))
            .ToList();
        return View("Matrix", new MatrixViewModel(guideline, period, rows, overdueYear, dueOn, today, overdue));
    }
}
