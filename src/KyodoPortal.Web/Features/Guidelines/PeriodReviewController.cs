using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Export;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 期の見直し: the review table of a period (the office and the committee read it; printable and
/// downloadable), the coordinator's forms to put every measure under review, propose a new measure
/// (追加) and start the next period from the decisions.
/// </summary>
[Authorize(Policy = KyodoPolicies.GuidelineReview)]
public sealed class PeriodReviewController(KyodoDbContext db, TimeProvider clock, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>The committee's menu entry: the review of the adopted period (or of the last closed one).</summary>
    [HttpGet("guideline/review")]
    public async Task<IActionResult> Current(CancellationToken cancellationToken) =>
        await GuidelineQueries.GuidelineAsync(db, cancellationToken) is { } guideline
            && guideline.Periods.Where(p => p.Status != GuidelinePeriodStatus.Draft).MaxBy(p => p.Number) is { } period
            ? Redirect($"/guideline/periods/{period.Number}/review")
            : NotFound();

    [HttpGet("guideline/periods/{number:int}/review")]
    public Task<IActionResult> Index(int number, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, PeriodAsync(number, cancellationToken), async target => View("Review", await TableAsync(target, cancellationToken)));

    /// <summary><c>?format=xlsx|csv</c>: the review table.</summary>
    [HttpGet("guideline/periods/{number:int}/review/export")]
    public Task<IActionResult> Export(int number, [FromQuery] ExportFormat? format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen))
        {
            return Task.FromResult<IActionResult>(BadRequest());
        }

        return commands.ShowAsync(this, PeriodAsync(number, cancellationToken), async target =>
        {
            var (_, period) = target;
            var rows = await ReviewQueries.TableAsync(db, period.Id, cancellationToken);
            string? Label<TEnum>(TEnum? value)
                where TEnum : struct, Enum => value is { } v ? localizer.Label(v) : null;
            var table = ExportTable.Create(localizer["第{0}期の見直し", period.Number].Value, rows, c => c
                .Text(localizer["分野"], r => r.AreaNumber == 0 ? null : $"（{r.AreaNumber}）{r.SubAreaLetter}")
                .Text(localizer["第{0}期の施策", period.Number], r => r.IsAddition ? null : r.Title)
                .Text(localizer["分類"], r => r.ClassificationCode)
                .Text(localizer["重点施策"], r => r.IsPriority && !r.IsAddition ? localizer["重点施策"].Value : null)
                .Text(localizer["実施状況"], r => Label(r.Cells.Implementation))
                .Text(localizer["効果"], r => Label(r.Cells.Effectiveness))
                .Text(localizer["必要性"], r => Label(r.Cells.Necessity))
                .Text(localizer["実施結果・評価"], r => r.Cells.Results)
                .Text(localizer["事務局案"], r => Label(r.Cells.Proposal))
                .Number(localizer["委員の意見"], r => r.Cells.Opinions)
                .Text(localizer["決定"], r => Label(r.Cells.Decision))
                .Text(localizer["第{0}期の施策", period.Number + 1], r => r.Cells.Decision == MeasureDecision.Delete ? null : r.Cells.NextTitle ?? (r.Cells.Decision == MeasureDecision.Keep ? r.Title : null))
                .Text(localizer["第{0}期の分類", period.Number + 1], r => r.Cells.NextClassificationCode));
            return ExportFileResult.Create(table, chosen, clock);
        });
    }

    /// <summary>見直しを始める: a review for every measure of the period that has none yet.</summary>
    [HttpPost("guideline/periods/{number:int}/review/open")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Open(int number, CancellationToken cancellationToken)
    {
        var opened = 0;
        return commands.RunAsync(this, new FormCommand<ReviewPeriod>
        {
            Load = ct => PeriodAsync(number, ct, tracked: true),
            ApplyAsync = async (target, _, ct) =>
            {
                var waiting = await ReviewQueries.UnreviewedAsync(db, target.Period.Id, ct);
                if (waiting.Count == 0)
                {
                    throw new DomainRuleException("見直しの対象になっていない施策はありません。");
                }

                db.MeasureReviews.AddRange(waiting.Select(m => new MeasureReview(m)));
                opened = waiting.Count;
            },
            Done = _ => new("{0}件の施策を見直しの対象にしました。", opened),
            RedirectTo = _ => $"/guideline/periods/{number}/review",
            UniqueMessage = FormCommands.ConcurrencyMessage,
        }, cancellationToken);
    }

    [HttpGet("guideline/periods/{number:int}/review/new")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Add(int number, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, PeriodAsync(number, cancellationToken), target =>
            Task.FromResult<IActionResult>(View("Addition", new AdditionFormViewModel(target.Guideline, target.Period, new AdditionInput()))));

    /// <summary>追加: a new measure proposed for the next period.</summary>
    [HttpPost("guideline/periods/{number:int}/review/new")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Add(int number, [Bind(Prefix = "Input")] AdditionInput input, CancellationToken cancellationToken)
    {
        MeasureReview? added = null;
        return commands.RunAsync(this, new FormCommand<ReviewPeriod>
        {
            Load = ct => PeriodAsync(number, ct, tracked: true),
            Once = true,
            Apply = (target, _) =>
            {
                added = MeasureReview.ForNewMeasure(target.Guideline, target.Period, input.Next.ToDraft(target.Guideline, []), input.Reasons);
                db.MeasureReviews.Add(added);
            },
            Done = _ => new("追加の案「{0}」を登録しました。", added!.NextTitle!),
            RedirectTo = _ => $"/guideline/reviews/{added!.Id}",
            ShowAgain = async (_, ct) => await PeriodAsync(number, ct) is { Value: { } fresh }
                ? View("Addition", new AdditionFormViewModel(fresh.Guideline, fresh.Period, input))
                : NotFound(),
        }, cancellationToken);
    }

    /// <summary>第N+1期を始める: builds the next period from the decisions and closes this one (once).</summary>
    [HttpPost("guideline/periods/{number:int}/review/start-next")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> StartNext(int number, CancellationToken cancellationToken)
    {
        var built = 0;
        return commands.RunAsync(this, new FormCommand<ReviewPeriod>
        {
            Load = ct => PeriodAsync(number, ct, tracked: true),
            RequiresConfirmation = true,
            ApplyAsync = async (target, _, ct) =>
            {
                var next = target.Guideline.Periods.FirstOrDefault(p => p.Number == number + 1);
                var (measures, reviews) = await ReviewQueries.TransitionAsync(db, target.Period.Id, ct);
                var nextHasMeasures = next is not null && await ReviewQueries.HasMeasuresAsync(db, next.Id, ct);
                var carried = PeriodTransition.StartNext(target.Guideline, target.Period, measures, reviews, nextHasMeasures);
                db.GuidelineMeasures.AddRange(carried);
                built = carried.Count;
            },
            Done = _ => new("第{0}期を終了し、第{1}期の施策を{2}件作成しました。", number, number + 1, built),
            RedirectTo = _ => $"/guideline/periods/{number + 1}/measures",
            RedirectOnRefusal = _ => $"/guideline/periods/{number}/review",
            UniqueMessage = FormCommands.ConcurrencyMessage,
        }, cancellationToken);
    }

    private async Task<ReviewTableViewModel> TableAsync(ReviewPeriod target, CancellationToken cancellationToken)
    {
        var (guideline, period) = target;
        var next = guideline.Periods.FirstOrDefault(p => p.Number == period.Number + 1);
        return new ReviewTableViewModel(
            guideline,
            period,
            next,
            await ReviewQueries.TableAsync(db, period.Id, cancellationToken),
            next is not null && await ReviewQueries.HasMeasuresAsync(db, next.Id, cancellationToken),
            User.Meets(KyodoPolicies.Office));
    }

    /// <summary>The guideline and its period numbered <paramref name="number"/>; a draft period has no review (404).</summary>
    private async Task<Loaded<ReviewPeriod>> PeriodAsync(int number, CancellationToken cancellationToken, bool tracked = false) =>
        await GuidelineQueries.GuidelineAsync(db, cancellationToken, tracked) is { } guideline
            && guideline.Periods.FirstOrDefault(p => p.Number == number && p.Status != GuidelinePeriodStatus.Draft) is { } period
            ? new ReviewPeriod(guideline, period)
            : LoadRefusal.NotFound;
}
