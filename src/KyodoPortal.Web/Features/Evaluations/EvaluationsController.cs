using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Screening;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.Evaluations;

/// <summary>
/// 評価・検証 for committee members: the rounds they are assigned to, the conflict-of-interest
/// declaration (as in screening: before the sheet, a conflict recuses them) and their sheet with
/// the project's materials for the year beside it. A round they are not assigned to is 404; a
/// recused member gets 403 on the sheet; an undeclared member is sent back to declare.
/// </summary>
[Authorize(Policy = KyodoPolicies.Committee)]
public sealed class EvaluationsController(KyodoDbContext db, FormCommands commands, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string SheetView = "Sheet";

    [HttpGet("/evaluations")]
    public async Task<IActionResult> Index(string? q, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default) =>
        View(await EvaluationQueries.MyRoundsAsync(db, User.UserId(), new ListRequest(q, sort, dir), page, cancellationToken));

    [HttpGet("/evaluations/{roundId:int}")]
    public Task<IActionResult> Round(int roundId, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadMemberRoundAsync(roundId, tracking: false, cancellationToken), async round =>
            View(await RoundPageAsync(round, new DeclarationInput(), cancellationToken)));

    /// <summary>Declarations live on the round: two members declaring at once retry once, so neither is lost.</summary>
    [HttpPost("/evaluations/{roundId:int}/declare")]
    public Task<IActionResult> Declare(int roundId, [Bind(Prefix = "Input")] DeclarationInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<EvaluationRound>
        {
            Load = ct => LoadMemberRoundAsync(roundId, tracking: true, ct),
            RetryOnConflict = true,
            Apply = (round, by) => round.Declare(by.UserId, input.HasConflict!.Value, input.Reason, by.Now),
            Done = _ => input.HasConflict == true
                ? "利害関係ありと申告しました。この事業の評価には加わりません。"
                : "利害関係なしと申告しました。評価票を入力できます。",
            RedirectTo = _ => input.HasConflict == true ? RoundUrl(roundId) : SheetUrl(roundId),
            ShowAgain = async (_, ct) =>
            {
                var round = (await EvaluationQueries.RoundAsync(db, roundId, tracking: false, ct))!;
                return View(nameof(Round), await RoundPageAsync(round, input, ct));
            },
        }, cancellationToken);

    [HttpGet("/evaluations/{roundId:int}/sheet")]
    public Task<IActionResult> Sheet(int roundId, CancellationToken cancellationToken) =>
        commands.ShowAsync(this, LoadSheetAsync(roundId, tracking: false, cancellationToken), form =>
            SheetViewAsync(form.Round, form.Sheet, input: null, cancellationToken));

    /// <summary>下書き保存, or 提出 (save, then submit). Refusals come back on the form with the member's input.</summary>
    [HttpPost("/evaluations/{roundId:int}/sheet")]
    public Task<IActionResult> Sheet(int roundId, [Bind(Prefix = "Input")] SheetInput input, CancellationToken cancellationToken)
    {
        var submitted = false;
        return commands.RunAsync(this, new FormCommand<MemberSheet>
        {
            Load = async ct =>
            {
                var loaded = await LoadSheetAsync(roundId, tracking: true, ct);
                if (loaded.Value is { } form)
                {
                    // The scores are checked against the round's rubric before anything is saved.
                    input.CheckAgainstRubric(ModelState, form.Round.Rubric, input.IsSubmit() || form.Sheet?.IsSubmitted == true, localizer);
                }

                return loaded;
            },
            Versioned = form => form.Sheet,
            Version = input.Version,
            Apply = (form, by) =>
            {
                var sheet = form.Sheet;
                if (sheet is null)
                {
                    // Opening the first sheet fixes the criteria, a change of the round.
                    db.Attach(form.Round);
                    sheet = form.Round.OpenSheet(by.UserId, by.Now);
                    db.EvaluationSheets.Add(sheet);
                }

                var wasSubmitted = sheet.IsSubmitted;
                sheet.Save(form.Round, input.ToDrafts(), input.OverallComment, by.Now);
                if (input.IsSubmit() && !sheet.IsSubmitted)
                {
                    sheet.Submit(form.Round, by.Now);
                }

                submitted = input.IsSubmit() && !wasSubmitted;
            },
            Done = _ => submitted ? "評価票を提出しました。" : "評価票を保存しました。",
            RedirectTo = _ => SheetUrl(roundId),

            // Two first saves of the same member's sheet at once: the second one was too late.
            UniqueMessage = FormCommands.ConcurrencyMessage,
            ShowAgain = async (form, ct) =>
            {
                var fresh = await EvaluationQueries.SheetOfAsync(db, roundId, User.UserId(), tracking: false, ct);
                input.Version = fresh?.Version ?? FormCommands.NotYetCreated;
                return await SheetViewAsync(form.Round, fresh, input, ct);
            },
        }, cancellationToken);
    }

    private static string RoundUrl(int roundId) => $"/evaluations/{roundId}";

    private static string SheetUrl(int roundId) => $"/evaluations/{roundId}/sheet";

    /// <summary>The round when the user is assigned to it; else 404.</summary>
    private async Task<Loaded<EvaluationRound>> LoadMemberRoundAsync(int roundId, bool tracking, CancellationToken cancellationToken) =>
        await EvaluationQueries.RoundAsync(db, roundId, tracking, cancellationToken) is { } round && round.IsMember(User.UserId())
            ? round
            : LoadRefusal.NotFound;

    /// <summary>The round and the member's sheet: 404 when not assigned, 403 when recused, back to the round page before the declaration.</summary>
    private async Task<Loaded<MemberSheet>> LoadSheetAsync(int roundId, bool tracking, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var round = await EvaluationQueries.RoundAsync(db, roundId, tracking: false, cancellationToken);
        if (round is null || !round.IsMember(userId))
        {
            return LoadRefusal.NotFound;
        }

        if (round.IsRecused(userId))
        {
            return LoadRefusal.Forbidden;
        }

        if (!round.HasDeclared(userId))
        {
            return LoadRefusal.Redirect(RoundUrl(roundId), "評価票を開く前に、この事業との利害関係の有無を申告してください。");
        }

        return new MemberSheet(round, await EvaluationQueries.SheetOfAsync(db, roundId, userId, tracking, cancellationToken));
    }

    private async Task<MemberRoundViewModel> RoundPageAsync(EvaluationRound round, DeclarationInput input, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var sheet = await EvaluationQueries.SheetOfAsync(db, round.Id, userId, tracking: false, cancellationToken);
        var declaration = round.DeclarationOf(userId);
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
            SheetUrl(round.Id),
            EvaluationQueries.CriteriaOf(round),
            input ?? SheetInput.From(rubric, sheet?.Entries ?? [], sheet?.OverallComment, sheet?.Version ?? FormCommands.NotYetCreated),
            sheet?.Status,
            round.CanScore(User.UserId()),
            "評価が終了しているため、評価票は変更できません。");
        var ownScore = sheet is not null && sheet.IsSubmitted ? ScoreAggregation.MemberScore(rubric, sheet.Entries) : null;
        return View(SheetView, new EvaluationSheetViewModel(
            await EvaluationQueries.HeaderAsync(db, round, cancellationToken),
            form,
            ownScore,
            await EvaluationQueries.MaterialsAsync(db, round, cancellationToken)));
    }
}

/// <summary>A committee member's round and their sheet of it (null before the first save).</summary>
public sealed record MemberSheet(EvaluationRound Round, EvaluationSheet? Sheet);
