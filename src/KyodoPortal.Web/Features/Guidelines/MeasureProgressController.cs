using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.Guidelines;

/// <summary>
/// 進捗: the department in charge (or the coordinator) records a fiscal year's progress of a
/// measure and submits it; the coordinator returns it with a reason or confirms it. A department
/// not in charge of the measure does not see it (404).
/// </summary>
[Route("guideline/measures/{id:int}/progress/{year:int}")]
[Authorize(Policy = KyodoPolicies.Staff)]
public sealed class MeasureProgressController(KyodoDbContext db, FormCommands commands) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Edit(int id, int year, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadAsync(id, year, cancellationToken), target =>
            Task.FromResult<IActionResult>(View("Progress", new ProgressFormViewModel(
                target.Measure,
                year,
                target.Progress,
                target.Progress is { } progress ? ProgressInput.From(progress) : new ProgressInput(),
                GuidelineViewer.Of(User)))));

    [HttpPost("")]
    public Task<IActionResult> Edit(int id, int year, [Bind(Prefix = "Input")] ProgressInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ProgressTarget>
        {
            Load = ct => LoadAsync(id, year, ct),
            Versioned = target => target.Progress,
            Version = input.Version,
            Apply = (target, _) =>
            {
                if (target.Progress is { } progress)
                {
                    progress.Update(input.ToEntry());
                }
                else
                {
                    db.MeasureProgress.Add(new MeasureProgress(target.Measure, year, input.ToEntry()));
                }
            },
            Done = target => new("{0}の進捗を保存しました。", new Domain.Common.FiscalYear(year)),
            RedirectTo = _ => $"/guideline/measures/{id}",
            ShowAgain = (target, _) => Task.FromResult<IActionResult>(View("Progress", new ProgressFormViewModel(target.Measure, year, target.Progress, input, GuidelineViewer.Of(User)))),
            UniqueMessage = FormCommands.ConcurrencyMessage,
        }, cancellationToken);

    [HttpPost("submit")]
    public Task<IActionResult> Submit(int id, int year, int version, CancellationToken cancellationToken) =>
        Move(id, year, version, (progress, by) => progress.Submit(GuidelineViewer.Of(User).Actor, by.UserId, by.Now), "{0}の進捗を提出しました。", cancellationToken);

    [HttpPost("confirm")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Confirm(int id, int year, int version, CancellationToken cancellationToken) =>
        Move(id, year, version, (progress, by) => progress.Confirm(by.UserId, by.Now), "{0}の進捗を確認しました。", cancellationToken);

    [HttpPost("return")]
    [Authorize(Policy = KyodoPolicies.Office)]
    public Task<IActionResult> Return(int id, int year, [Bind(Prefix = "Return")] ReturnInput input, CancellationToken cancellationToken) =>
        Move(id, year, input.Version, (progress, by) => progress.Return(input.Reason ?? string.Empty, by.UserId, by.Now), "{0}の進捗を差し戻しました。", cancellationToken);

    private Task<IActionResult> Move(int id, int year, int version, Action<MeasureProgress, Actor> move, string done, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ProgressTarget>
        {
            Load = async ct => await LoadAsync(id, year, ct) is { Value: { Progress: not null } target } ? target : LoadRefusal.NotFound,
            Versioned = target => target.Progress,
            Version = version,
            Apply = (target, by) => move(target.Progress!, by),
            Done = _ => new(done, new Domain.Common.FiscalYear(year)),
            RedirectTo = _ => $"/guideline/measures/{id}",
        }, cancellationToken);

    /// <summary>The measure if the viewer may record its progress (404 otherwise), and the year's record.</summary>
    private async Task<Loaded<ProgressTarget>> LoadAsync(int id, int year, CancellationToken cancellationToken)
    {
        if (await GuidelineQueries.MeasureAsync(db, id, GuidelineViewer.Of(User), cancellationToken, tracked: true) is not { } measure || !measure.Period.Covers(year))
        {
            return LoadRefusal.NotFound;
        }

        return new ProgressTarget(measure, await GuidelineQueries.ProgressAsync(db, id, year, cancellationToken));
    }
}
