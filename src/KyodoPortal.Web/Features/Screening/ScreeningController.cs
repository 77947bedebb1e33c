using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Files;
using KyodoPortal.Web.Infrastructure.Forms;
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
[Authorize(Policy = KyodoPolicies.Committee)]
public sealed class ScreeningController(KyodoDbContext db, IFileStore files, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("/screening")]
    public async Task<IActionResult> Index(string? sort, string? dir, CancellationToken cancellationToken) =>
        View(await ScreeningQueries.MyPanelsAsync(db, User.UserId(), sort, dir, cancellationToken));

    [HttpGet("/screening/{panelId:int}")]
    public async Task<IActionResult> Panel(int panelId, CancellationToken cancellationToken)
    {
        var panel = await ScreeningQueries.PanelAsync(db, panelId, tracking: false, cancellationToken);
        if (panel is null || !panel.IsMember(User.UserId()))
        {
            return NotFound();
        }

        return View(await ScreeningQueries.PanelPageAsync(db, panel, User.UserId(), null, null, cancellationToken));
    }

    /// <summary>
    /// Declarations live on the panel (one version for all members), so two members declaring at
    /// once collide: the loser reloads the panel and declares again, once, so neither is lost.
    /// </summary>
    [HttpPost("/screening/{panelId:int}/proposals/{proposalId:int}/declare")]
    public Task<IActionResult> Declare(int panelId, int proposalId, [Bind(Prefix = "Input")] DeclarationInput input, CancellationToken cancellationToken)
    {
        var corrected = false;
        return commands.RunAsync(this, new FormCommand<ScreeningPanel>
        {
            Load = async ct =>
            {
                var panel = await ScreeningQueries.PanelAsync(db, panelId, tracking: true, ct);
                return panel is null || !panel.IsMember(User.UserId()) || !await ScreeningQueries.IsScreenedProposalAsync(db, panel, proposalId, ct)
                    ? LoadRefusal.NotFound
                    : panel;
            },
            RetryOnConflict = true,
            Apply = (panel, by) =>
            {
                corrected = panel.HasDeclared(by.UserId, proposalId);
                panel.Declare(by.UserId, proposalId, input.HasConflict!.Value, input.Reason, by.Now);
            },
            Done = _ => (input.HasConflict, corrected) switch
            {
                (true, true) => "申告を「利害関係あり」に変更しました。この提案の審査には加わらず、評価票は集計に含まれません。変更は事務局の履歴に残ります。",
                (true, false) => "利害関係ありと申告しました。この提案の審査には加わりません。",
                _ => "利害関係なしと申告しました。評価票を入力できます。",
            },
            RedirectTo = _ => input.HasConflict == true ? PanelUrl(panelId) : SheetUrl(panelId, proposalId),
            ShowAgain = async (_, ct) =>
            {
                var panel = (await ScreeningQueries.PanelAsync(db, panelId, tracking: false, ct))!;
                return View(nameof(Panel), await ScreeningQueries.PanelPageAsync(db, panel, User.UserId(), proposalId, input, ct));
            },
        }, cancellationToken);
    }

    [HttpGet("/screening/{panelId:int}/proposals/{proposalId:int}/sheet")]
    public Task<IActionResult> Sheet(int panelId, int proposalId, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, AuthorizeSheetAsync(panelId, proposalId, cancellationToken), async panel =>
            await SheetViewAsync(panel, proposalId, await OwnSheetAsync(panelId, proposalId, tracking: false, cancellationToken), input: null, cancellationToken));

    /// <summary>
    /// 下書き保存, or 提出 (save, then submit). The first save opens the sheet; nothing is stored
    /// by only looking at it. Refusals come back on the form with the member's input.
    /// </summary>
    [HttpPost("/screening/{panelId:int}/proposals/{proposalId:int}/sheet")]
    public Task<IActionResult> Sheet(int panelId, int proposalId, [Bind(Prefix = "Input")] SheetInput input, CancellationToken cancellationToken)
    {
        var submitted = false;
        return commands.RunAsync(this, new FormCommand<MemberSheet>
        {
            Load = async ct =>
            {
                var loaded = await LoadSheetAsync(panelId, proposalId, ct);
                if (loaded.Value is { } scoring)
                {
                    input.CheckAgainstRubric(ModelState, scoring.Criteria, input.IsSubmit() || scoring.Sheet?.IsSubmitted == true, localizer);
                }

                return loaded;
            },
            Versioned = scoring => scoring.Sheet,
            Version = input.Version,
            Apply = (scoring, by) =>
            {
                var sheet = scoring.Sheet;
                if (sheet is null)
                {
                    sheet = scoring.Panel.OpenSheet(by.UserId, proposalId, by.Now);
                    db.ScoreSheets.Add(sheet);
                }

                var wasSubmitted = sheet.IsSubmitted;
                sheet.Save(scoring.Panel, scoring.Criteria, input.ToDrafts(), input.OverallComment, by.Now);
                if (input.IsSubmit() && !sheet.IsSubmitted)
                {
                    sheet.Submit(scoring.Panel, scoring.Criteria, by.Now);
                }

                submitted = input.IsSubmit() && !wasSubmitted;
            },

            // The same member opened the sheet in another tab and saved first.
            UniqueMessage = FormCommands.ConcurrencyMessage,
            Done = _ => submitted ? "評価票を提出しました。" : "評価票を保存しました。",
            RedirectTo = _ => SheetUrl(panelId, proposalId),
            ShowAgain = async (scoring, ct) =>
            {
                // Keep the member's input, but carry the current version so saving again is deliberate.
                var fresh = await OwnSheetAsync(panelId, proposalId, tracking: false, ct);
                input.Version = fresh?.Version ?? FormCommands.NotYetCreated;
                return await SheetViewAsync(scoring.Panel, proposalId, fresh, input, ct);
            },
        }, cancellationToken);
    }

    /// <summary>
    /// A proposal's attachment for a member who may read the proposal beside their sheet: assigned,
    /// declared no conflict (recused → 403, like the sheet). Also after screening closed.
    /// </summary>
    [HttpGet("/screening/{panelId:int}/proposals/{proposalId:int}/attachments/{attachmentId:int}")]
    public Task<IActionResult> Attachment(int panelId, int proposalId, int attachmentId, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, AuthorizeSheetAsync(panelId, proposalId, cancellationToken), async _ =>
        {
            var attachment = await db.Proposals.AsNoTracking()
                .Where(p => p.Id == proposalId)
                .SelectMany(p => p.Attachments)
                .FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
            var stream = attachment is null ? null : await files.OpenReadAsync(attachment.StorageKey, cancellationToken);
            return stream is null
                ? NotFound()
                : File(stream, attachment!.ContentType, attachment.FileName, enableRangeProcessing: false);
        });

    private static string PanelUrl(int panelId) => $"/screening/{panelId}";

    private static string SheetUrl(int panelId, int proposalId) => $"/screening/{panelId}/proposals/{proposalId}/sheet";

    /// <summary>
    /// 404 for a panel the user is not assigned to or a proposal it does not screen; 403 when
    /// recused; back to the panel page (with the reason) before the conflict declaration.
    /// </summary>
    private async Task<Loaded<ScreeningPanel>> AuthorizeSheetAsync(int panelId, int proposalId, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var panel = await ScreeningQueries.PanelAsync(db, panelId, tracking: false, cancellationToken);
        if (panel is null || !panel.IsMember(userId) || !await ScreeningQueries.IsScreenedProposalAsync(db, panel, proposalId, cancellationToken))
        {
            return LoadRefusal.NotFound;
        }

        if (panel.IsRecused(userId, proposalId))
        {
            return LoadRefusal.Forbidden;
        }

        return panel.HasDeclared(userId, proposalId)
            ? panel
            : LoadRefusal.Redirect(PanelUrl(panelId), "評価票を開く前に、この提案との利害関係の有無を申告してください。");
    }

    /// <summary>The panel (checked as above), the call's rubric and the member's own sheet (tracked), if opened.</summary>
    private async Task<Loaded<MemberSheet>> LoadSheetAsync(int panelId, int proposalId, CancellationToken cancellationToken)
    {
        var authorized = await AuthorizeSheetAsync(panelId, proposalId, cancellationToken);
        if (authorized.Value is not { } panel)
        {
            return authorized.Refusal!;
        }

        var criteria = RubricCriterion.FromCall(await CallAsync(panel, cancellationToken));
        return new MemberSheet(panel, criteria, await OwnSheetAsync(panelId, proposalId, tracking: true, cancellationToken));
    }

    private Task<ScoreSheet?> OwnSheetAsync(int panelId, int proposalId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.ScoreSheets : db.ScoreSheets.AsNoTracking();
        var userId = User.UserId();
        return query.FirstOrDefaultAsync(s => s.PanelId == panelId && s.ProposalId == proposalId && s.MemberUserId == userId, cancellationToken);
    }

    private Task<Call> CallAsync(ScreeningPanel panel, CancellationToken cancellationToken) =>
        db.Calls.AsNoTracking().AsSplitQuery().FirstAsync(c => c.Id == panel.CallId, cancellationToken);

    private async Task<IActionResult> SheetViewAsync(ScreeningPanel panel, int proposalId, ScoreSheet? sheet, SheetInput? input, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var call = await CallAsync(panel, cancellationToken);
        var criteria = RubricCriterion.FromCall(call);
        var proposal = await db.Proposals.AsNoTracking().AsSplitQuery().FirstAsync(p => p.Id == proposalId, cancellationToken);
        var names = await ProposalQueries.NamesAsync(db, proposal, cancellationToken);
        var page = new ProposalPageViewModel(proposal, call, names, IsProposer: false, IsOffice: false, CanEdit: false, Problems: [], CallIsOpen: false, Actor: ProposalActor.Coordinator);
        var submitted = sheet?.IsSubmitted == true;
        var othersVisible = panel.CanSeeOtherSheets(userId, proposalId, submitted);
        var others = othersVisible ? await ScreeningQueries.OtherSheetsAsync(db, panel, proposalId, userId, criteria, cancellationToken) : [];
        return View("Sheet", new SheetPageViewModel(
            await ScreeningQueries.HeaderAsync(db, panel, cancellationToken),
            page,
            ScreeningQueries.CriteriaOf(call),
            input ?? SheetInput.From(criteria, sheet),
            sheet?.Status,
            CanEdit: panel.CanScore(userId, proposalId),
            OwnScore: sheet is null ? null : ScreeningQueries.MemberScoreOrNull(criteria, sheet),
            othersVisible,
            others));
    }
}

/// <summary>A member's panel, the call's rubric and their own sheet of one proposal (null before the first save).</summary>
public sealed record MemberSheet(ScreeningPanel Panel, IReadOnlyList<RubricCriterion> Criteria, ScoreSheet? Sheet);
