using System.Security.Claims;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Screening;

/// <summary>
/// 審査 for committee members (評価委員): the panels they are assigned to, 利害関係の申告 per
/// proposal, and their 評価票. A member sees a proposal's content only after declaring no
/// conflict; the panel decides everything else (open, recused, whose sheets may be read).
/// Someone not assigned to a panel gets 404 for it, so its existence is not revealed.
/// </summary>
[Authorize(Roles = KyodoRoles.CommitteeMember)]
public sealed class ScreeningController(KyodoDbContext db, TimeProvider clock, IFileStore files, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/screening")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ScreeningQueries.MyPanelsAsync(db, UserId, cancellationToken));

    [HttpGet("/screening/{panelId:int}")]
    public async Task<IActionResult> Panel(int panelId, CancellationToken cancellationToken)
    {
        var panel = await ScreeningQueries.PanelAsync(db, panelId, tracking: false, cancellationToken);
        if (panel is null || !panel.IsMember(UserId))
        {
            return NotFound();
        }

        return View(await ScreeningQueries.PanelPageAsync(db, panel, UserId, null, null, cancellationToken));
    }

    /// <summary>
    /// Declarations live on the panel (one version for all members), so two members declaring at
    /// once collide: the loser reloads the panel and declares again, once, so neither is lost.
    /// </summary>
    [HttpPost("/screening/{panelId:int}/proposals/{proposalId:int}/declare")]
    public async Task<IActionResult> Declare(int panelId, int proposalId, [Bind(Prefix = "Input")] DeclarationInput input, CancellationToken cancellationToken)
    {
        var panel = await ScreeningQueries.PanelAsync(db, panelId, tracking: true, cancellationToken);
        if (panel is null || !panel.IsMember(UserId) || !await ScreeningQueries.IsScreenedProposalAsync(db, panel, proposalId, cancellationToken))
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
                    panel = (await ScreeningQueries.PanelAsync(db, panelId, tracking: true, cancellationToken))!;
                }

                panel.Declare(UserId, proposalId, input.HasConflict!.Value, input.Reason, Now);
            },
            cancellationToken))
        {
            TempData["Success"] = input.HasConflict == true
                ? localizer["利害関係ありと申告しました。この提案の審査には加わりません。"].Value
                : localizer["利害関係なしと申告しました。評価票を入力できます。"].Value;
            return input.HasConflict == true
                ? RedirectToAction(nameof(Panel), new { panelId })
                : RedirectToAction(nameof(Sheet), new { panelId, proposalId });
        }

        panel = (await ScreeningQueries.PanelAsync(db, panelId, tracking: false, cancellationToken))!;
        return View(nameof(Panel), await ScreeningQueries.PanelPageAsync(db, panel, UserId, proposalId, input, cancellationToken));
    }

    [HttpGet("/screening/{panelId:int}/proposals/{proposalId:int}/sheet")]
    public async Task<IActionResult> Sheet(int panelId, int proposalId, CancellationToken cancellationToken)
    {
        var (panel, denied) = await AuthorizeSheetAsync(panelId, proposalId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var sheet = await OwnSheetAsync(panelId, proposalId, tracking: false, cancellationToken);
        return await SheetViewAsync(panel!, proposalId, sheet, input: null, cancellationToken);
    }

    /// <summary>
    /// 下書き保存, or 提出 (save, then submit). The first save opens the sheet; nothing is stored
    /// by only looking at it. Refusals come back on the form with the member's input.
    /// </summary>
    [HttpPost("/screening/{panelId:int}/proposals/{proposalId:int}/sheet")]
    public async Task<IActionResult> Sheet(int panelId, int proposalId, [Bind(Prefix = "Input")] SheetInput input, CancellationToken cancellationToken)
    {
        var (panel, denied) = await AuthorizeSheetAsync(panelId, proposalId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var call = await CallAsync(panel!, cancellationToken);
        var criteria = RubricCriterion.FromCall(call);
        var sheet = await OwnSheetAsync(panelId, proposalId, tracking: true, cancellationToken);
        var mustBeComplete = input.IsSubmit() || sheet?.IsSubmitted == true;
        input.CheckAgainstRubric(ModelState, criteria, mustBeComplete, localizer);

        if (ModelState.IsValid)
        {
            try
            {
                if (sheet is null)
                {
                    sheet = panel!.OpenSheet(UserId, proposalId, Now);
                    db.ScoreSheets.Add(sheet);
                }
                else
                {
                    db.ExpectVersion(sheet, input.Version);
                }

                var wasSubmitted = sheet.IsSubmitted;
                sheet.Save(panel!, criteria, input.ToDrafts(), input.OverallComment, Now);
                if (input.IsSubmit() && !sheet.IsSubmitted)
                {
                    sheet.Submit(panel!, criteria, Now);
                }

                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = (input.IsSubmit() && !wasSubmitted
                    ? localizer["評価票を提出しました。"]
                    : localizer["評価票を保存しました。"]).Value;
                return RedirectToAction(nameof(Sheet), new { panelId, proposalId });
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
                // The same member opened the sheet in another tab and saved first.
                ModelState.AddModelError(string.Empty, localizer[FormSave.ConcurrencyMessage]);
            }

            db.ChangeTracker.Clear();
        }

        var fresh = await OwnSheetAsync(panelId, proposalId, tracking: false, cancellationToken);

        // Keep the member's input, but carry the current version so saving again is deliberate.
        input.Version = fresh?.Version ?? 0;
        return await SheetViewAsync(panel!, proposalId, fresh, input, cancellationToken);
    }

    /// <summary>
    /// A proposal's attachment for a member who may read the proposal beside their sheet: assigned,
    /// declared no conflict (recused → 403, like the sheet). Also after screening closed.
    /// </summary>
    [HttpGet("/screening/{panelId:int}/proposals/{proposalId:int}/attachments/{attachmentId:int}")]
    public async Task<IActionResult> Attachment(int panelId, int proposalId, int attachmentId, CancellationToken cancellationToken)
    {
        var (_, denied) = await AuthorizeSheetAsync(panelId, proposalId, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var attachment = await db.Proposals.AsNoTracking()
            .Where(p => p.Id == proposalId)
            .SelectMany(p => p.Attachments)
            .FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        var stream = attachment is null ? null : await files.OpenReadAsync(attachment.StorageKey, cancellationToken);
        return stream is null
            ? NotFound()
            : File(stream, attachment!.ContentType, attachment.FileName, enableRangeProcessing: false);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// 404 for a panel the user is not assigned to or a proposal it does not screen; 403 when
    /// recused; back to the panel page (with the reason) before the conflict declaration.
    /// </summary>
    private async Task<(ScreeningPanel? Panel, IActionResult? Denied)> AuthorizeSheetAsync(int panelId, int proposalId, CancellationToken cancellationToken)
    {
        var panel = await ScreeningQueries.PanelAsync(db, panelId, tracking: false, cancellationToken);
        if (panel is null || !panel.IsMember(UserId) || !await ScreeningQueries.IsScreenedProposalAsync(db, panel, proposalId, cancellationToken))
        {
            return (null, NotFound());
        }

        if (panel.IsRecused(UserId, proposalId))
        {
            return (panel, Forbid());
        }

        if (!panel.HasDeclared(UserId, proposalId))
        {
            TempData["Error"] = localizer["評価票を開く前に、この提案との利害関係の有無を申告してください。"].Value;
            return (panel, RedirectToAction(nameof(Panel), new { panelId }));
        }

        return (panel, null);
    }

    private Task<ScoreSheet?> OwnSheetAsync(int panelId, int proposalId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.ScoreSheets : db.ScoreSheets.AsNoTracking();
        return query.FirstOrDefaultAsync(s => s.PanelId == panelId && s.ProposalId == proposalId && s.MemberUserId == UserId, cancellationToken);
    }

    private Task<Call> CallAsync(ScreeningPanel panel, CancellationToken cancellationToken) =>
        db.Calls.AsNoTracking().AsSplitQuery().FirstAsync(c => c.Id == panel.CallId, cancellationToken);

    private async Task<IActionResult> SheetViewAsync(ScreeningPanel panel, int proposalId, ScoreSheet? sheet, SheetInput? input, CancellationToken cancellationToken)
    {
        var call = await CallAsync(panel, cancellationToken);
        var criteria = RubricCriterion.FromCall(call);
        var proposal = await db.Proposals.AsNoTracking().AsSplitQuery().FirstAsync(p => p.Id == proposalId, cancellationToken);
        var names = await ProposalQueries.NamesAsync(db, proposal, cancellationToken);
        var page = new ProposalPageViewModel(proposal, call, names, IsProposer: false, IsOffice: false, CanEdit: false, Problems: [], CallIsOpen: false, Actor: ProposalActor.Coordinator);
        var submitted = sheet?.IsSubmitted == true;
        var othersVisible = panel.CanSeeOtherSheets(UserId, proposalId, submitted);
        var others = othersVisible ? await ScreeningQueries.OtherSheetsAsync(db, panel, proposalId, UserId, criteria, cancellationToken) : [];
        return View("Sheet", new SheetPageViewModel(
            await ScreeningQueries.HeaderAsync(db, panel, cancellationToken),
            page,
            ScreeningQueries.CriteriaOf(call),
            input ?? SheetInput.From(criteria, sheet),
            sheet?.Status,
            CanEdit: panel.CanScore(UserId, proposalId),
            OwnScore: sheet is null ? null : ScreeningQueries.MemberScoreOrNull(criteria, sheet),
            othersVisible,
            others));
    }
}
