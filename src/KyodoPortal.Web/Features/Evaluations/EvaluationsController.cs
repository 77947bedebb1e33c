using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Screening;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Evaluations;

/// <summary>
/// 評価・検証 for committee members: the rounds they are assigned to, the conflict-of-interest
/// declaration (as in screening: before the sheet, a conflict recuses them) and their sheet with
/// the project's materials for the year beside it. A round they are not assigned to is 404; a
/// recused member gets 403 on the sheet; an undeclared member is sent back to declare.
/// </summary>
[Authorize(Roles = KyodoRoles.CommitteeMember)]
public sealed class EvaluationsController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/evaluations")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await EvaluationQueries.MyRoundsAsync(db, UserId, cancellationToken));

    [HttpGet("/evaluations/{roundId:int}")]
    public async Task<IActionResult> Round(int roundId, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: false, cancellationToken);
        if (round is null || !round.IsMember(UserId))
        {
            return NotFound();
        }

        return View(await RoundPageAsync(round, new DeclarationInput(), cancellationToken));
    }

    /// <summary>Declarations live on the round: two members declaring at once retry once, so neither is lost.</summary>
    [HttpPost("/evaluations/{roundId:int}/declare")]
    public async Task<IActionResult> Declare(int roundId, [Bind(Prefix = "Input")] DeclarationInput input, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: true, cancellationToken);
        if (round is null || !round.IsMember(UserId))
        {
            return NotFound();
        }

        if (ModelState.IsValid && await db.TryApplyWithOneRetryAsync(
            ModelState,
            localizer,
            async reload =>
            {
                if (reload)
                {
                    round = (await EvaluationQueries.RoundAsync(db, roundId, tracking: true, cancellationToken))!;
                }

                round.Declare(UserId, input.HasConflict!.Value, input.Reason, Now);
            },
            cancellationToken))
        {
            TempData["Success"] = input.HasConflict == true
                ? localizer["利害関係ありと申告しました。この事業の評価には加わりません。"].Value
                : localizer["利害関係なしと申告しました。評価票を入力できます。"].Value;
            return input.HasConflict == true
                ? RedirectToAction(nameof(Round), new { roundId })
                : RedirectToAction(nameof(Sheet), new { roundId });
        }

        round = (await EvaluationQueries.RoundAsync(db, roundId, tracking: false, cancellationToken))!;
        return View(nameof(Round), await RoundPageAsync(round, input, cancellationToken));
    }

    [HttpGet("/evaluations/{roundId:int}/sheet")]
    public async Task<IActionResult> Sheet(int roundId, CancellationToken cancellationToken)
    {
        var (round, denied) = await AuthorizeSheetAsync(roundId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var sheet = await EvaluationQueries.SheetOfAsync(db, roundId, UserId, tracking: false, cancellationToken);
        return await SheetViewAsync(round!, sheet, input: null, cancellationToken);
    }

    /// <summary>下書き保存, or 提出 (save, then submit). Refusals come back on the form with the member's input.</summary>
    [HttpPost("/evaluations/{roundId:int}/sheet")]
    public async Task<IActionResult> Sheet(int roundId, [Bind(Prefix = "Input")] SheetInput input, CancellationToken cancellationToken)
    {
        var (round, denied) = await AuthorizeSheetAsync(roundId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var sheet = await EvaluationQueries.SheetOfAsync(db, roundId, UserId, tracking: true, cancellationToken);
        input.CheckAgainstRubric(ModelState, round!.Rubric, input.IsSubmit() || sheet?.IsSubmitted == true, localizer);
        if (ModelState.IsValid)
        {
            try
            {
                if (sheet is null)
                {
                    // Opening the first sheet fixes the criteria, a change of the round.
                    db.Attach(round);
                    sheet = round.OpenSheet(UserId, Now);
                    db.EvaluationSheets.Add(sheet);
                }
                else
                {
                    db.ExpectVersion(sheet, input.Version);
                }

                var wasSubmitted = sheet.IsSubmitted;
                sheet.Save(round, input.ToDrafts(), input.OverallComment, Now);
                if (input.IsSubmit() && !sheet.IsSubmitted)
                {
                    sheet.Submit(round, Now);
                }

                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = (input.IsSubmit() && !wasSubmitted ? localizer["評価票を提出しました。"] : localizer["評価票を保存しました。"]).Value;
                return RedirectToAction(nameof(Sheet), new { roundId });
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, localizer[FormSave.ConcurrencyMessage]);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                ModelState.AddModelError(string.Empty, localizer[FormSave.ConcurrencyMessage]);
            }

            db.ChangeTracker.Clear();
        }

        var fresh = await EvaluationQueries.SheetOfAsync(db, roundId, UserId, tracking: false, cancellationToken);
        input.Version = fresh?.Version ?? 0;
        return await SheetViewAsync(round, fresh, input, cancellationToken);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>404 for a round the user is not assigned to; 403 when recused; back to the round page before the declaration.</summary>
    private async Task<(EvaluationRound? Round, IActionResult? Denied)> AuthorizeSheetAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: false, cancellationToken);
        if (round is null || !round.IsMember(UserId))
        {
            return (null, NotFound());
        }

        if (round.IsRecused(UserId))
        {
            return (round, Forbid());
        }

        if (!round.HasDeclared(UserId))
        {
            TempData["Error"] = localizer["評価票を開く前に、この事業との利害関係の有無を申告してください。"].Value;
            return (round, RedirectToAction(nameof(Round), new { roundId }));
        }

        return (round, null);
    }

    private async Task<MemberRoundViewModel> RoundPageAsync(EvaluationRound round, DeclarationInput input, CancellationToken cancellationToken)
    {
        var sheet = await EvaluationQueries.SheetOfAsync(db, round.Id, UserId, tracking: false, cancellationToken);
        var declaration = round.DeclarationOf(UserId);
        return new MemberRoundViewModel(
            await EvaluationQueries.HeaderAsync(db, round, cancellationToken),
            declaration,
            CanDeclare: round.IsOpen && declaration?.HasConflict != true,
            sheet?.Status,
            input);
    }

    private async Task<IActionResult> SheetViewAsync(EvaluationRound round, EvaluationSheet? sheet, SheetInput? input, CancellationToken cancellationToken)
    {
        var rubric = round.Rubric;
        var form = new ScoreFormModel(
            $"/evaluations/{round.Id}/sheet",
            EvaluationQueries.CriteriaOf(round),
            input ?? SheetInput.From(rubric, sheet?.Entries ?? [], sheet?.OverallComment, sheet?.Version ?? 0),
            sheet?.Status,
            round.CanScore(UserId),
            "評価が終了しているため、評価票は変更できません。");
        var ownScore = sheet is not null && sheet.IsSubmitted ? ScoreAggregation.MemberScore(rubric, sheet.Entries) : null;
        return View("Sheet", new EvaluationSheetViewModel(
            await EvaluationQueries.HeaderAsync(db, round, cancellationToken),
            form,
            ownScore,
            await EvaluationQueries.MaterialsAsync(db, round, cancellationToken)));
    }
}
