using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Evaluations;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.ScreeningAdmin;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.EvaluationAdmin;

/// <summary>
/// 評価・検証 for the coordinating office: opens a round for a project's fiscal year, edits the
/// criteria until scoring starts, assigns committee members and recuses them (as in screening),
/// follows progress and reads every sheet and both self-evaluations, closes the round, writes the
/// consolidated evaluation and publishes it as feedback (optionally to the public) or takes it back.
/// Committee members score on their own pages (Features/Evaluations).
/// </summary>
[Authorize(Roles = KyodoRoles.MasterDataEditors)]
[Route("evaluation-admin")]
public sealed class EvaluationAdminController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await EvaluationAdminQueries.RoundsAsync(db, cancellationToken));

    /// <summary>評価を開始 from the fiscal-year page; an existing round of the year is simply opened.</summary>
    [HttpPost("/projects/{id:int}/years/{fy:int}/evaluation")]
    public async Task<IActionResult> Open(int id, int fy, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, id, tracking: false, cancellationToken);
        if (project is null || !project.CoversFiscalYear(fy))
        {
            return NotFound();
        }

        if (await EvaluationQueries.RoundOfYearAsync(db, id, fy, cancellationToken) is { } existing)
        {
            return RedirectToAction(nameof(Round), new { roundId = existing.Id });
        }

        try
        {
            var accepted = await EvaluationQueries.ReportAcceptedAsync(db, id, fy, cancellationToken);
            var round = new EvaluationRound(project, fy, accepted, UserId, Now);
            db.EvaluationRounds.Add(round);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = localizer["評価を開始しました。評価項目を確認し、評価委員を割り当ててください。"].Value;
            return RedirectToAction(nameof(Round), new { roundId = round.Id });
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return Redirect($"/projects/{id}/years/{fy}");
    }

    [HttpGet("{roundId:int}")]
    public async Task<IActionResult> Round(int roundId, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: false, cancellationToken);
        return round is null ? NotFound() : View(await EvaluationAdminQueries.DashboardAsync(db, round, null, null, null, cancellationToken));
    }

    [HttpPost("{roundId:int}/criteria")]
    public async Task<IActionResult> Criteria(int roundId, [Bind(Prefix = "CriteriaForm")] CriteriaInput input, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: true, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.ExpectVersion(round, input.Version);
                round.ReplaceCriteria(input.ToDrafts(), Now);
                return await SaveAndRedirectAsync(roundId, localizer["評価項目を保存しました。"], cancellationToken);
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
        }

        return await RedisplayAsync(roundId, input, null, null, cancellationToken);
    }

    /// <summary>The checked committee members become the round's committee; unchecked ones are unassigned (their records are kept).</summary>
    [HttpPost("{roundId:int}/members")]
    public async Task<IActionResult> Members(int roundId, [FromForm] List<string>? memberUserIds, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: true, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        var selected = (memberUserIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).ToHashSet(StringComparer.Ordinal);
        var current = round.Members.Select(m => m.MemberUserId).ToHashSet(StringComparer.Ordinal);
        var toAdd = selected.Where(id => !current.Contains(id)).ToList();
        var toRemove = current.Where(id => !selected.Contains(id)).ToList();
        var committee = (await ScreeningAdminQueries.CommitteeMembersAsync(db, cancellationToken)).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        if (!toAdd.All(committee.Contains))
        {
            TempData["Error"] = localizer["評価委員として登録されている有効なアカウントだけを割り当てられます。"].Value;
            return RedirectToAction(nameof(Round), new { roundId });
        }

        try
        {
            toRemove.ForEach(id => round.RemoveMember(id, Now));
            toAdd.ForEach(id => round.AddMember(id, Now));
            return await SaveAndRedirectAsync(roundId, localizer["評価委員を更新しました（追加 {0} 名、解除 {1} 名）。", toAdd.Count, toRemove.Count], cancellationToken);
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
            return RedirectToAction(nameof(Round), new { roundId });
        }
    }

    [HttpPost("{roundId:int}/recusals")]
    public async Task<IActionResult> Recuse(int roundId, [Bind(Prefix = "RecusalForm")] EvaluationRecusalInput input, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: true, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                round.Recuse(input.MemberUserId!, input.Reason!, UserId, Now);
                return await SaveAndRedirectAsync(roundId, localizer["評価委員をこの事業の評価から除外しました。"], cancellationToken);
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
        }

        return await RedisplayAsync(roundId, null, input, null, cancellationToken);
    }

    [HttpPost("{roundId:int}/close")]
    public Task<IActionResult> Close(int roundId, CancellationToken cancellationToken) =>
        ActAsync(roundId, round => round.Close(Now), "評価を終了しました。評価票と自己評価は確定し、変更できなくなりました。", cancellationToken);

    [HttpPost("{roundId:int}/consolidation")]
    public async Task<IActionResult> Consolidate(int roundId, [Bind(Prefix = "ConsolidationForm")] ConsolidationInput input, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: true, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.ExpectVersion(round, input.Version);
                round.Consolidate(input.Strengths, input.Issues, input.Recommendation!.Value, input.RequiredChanges, UserId, Now);
                return await SaveAndRedirectAsync(roundId, localizer["総合評価を保存しました。"], cancellationToken);
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
        }

        return await RedisplayAsync(roundId, null, null, input, cancellationToken);
    }

    /// <summary>フィードバックを公開: to the parties, and to the public when <paramref name="toPublic"/> is ticked.</summary>
    [HttpPost("{roundId:int}/publish")]
    public Task<IActionResult> Publish(int roundId, [FromForm] bool toPublic, CancellationToken cancellationToken) =>
        ActAsync(
            roundId,
            round => round.PublishFeedback(toPublic, Now),
            toPublic ? "フィードバックを事業の関係者と一般に公開しました。" : "フィードバックを事業の関係者に公開しました。",
            cancellationToken);

    [HttpPost("{roundId:int}/unpublish")]
    public Task<IActionResult> Unpublish(int roundId, CancellationToken cancellationToken) =>
        ActAsync(roundId, round => round.UnpublishFeedback(Now), "フィードバックの公開を取り消しました。", cancellationToken);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> ActAsync(int roundId, Action<EvaluationRound> act, string success, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: true, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        try
        {
            act(round);
            return await SaveAndRedirectAsync(roundId, localizer[success], cancellationToken);
        }
        catch (DomainRuleException exception)
        {
            TempData["Error"] = localizer[exception.Message].Value;
            return RedirectToAction(nameof(Round), new { roundId });
        }
    }

    private async Task<IActionResult> SaveAndRedirectAsync(int roundId, LocalizedString success, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = success.Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
        }

        return RedirectToAction(nameof(Round), new { roundId });
    }

    private async Task<IActionResult> RedisplayAsync(
        int roundId, CriteriaInput? criteria, EvaluationRecusalInput? recusal, ConsolidationInput? consolidation, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var round = (await EvaluationQueries.RoundAsync(db, roundId, tracking: false, cancellationToken))!;
        return View(nameof(Round), await EvaluationAdminQueries.DashboardAsync(db, round, criteria, recusal, consolidation, cancellationToken));
    }
}
