using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QaMinutes = KyodoPortal.Domain.Meetings.Minutes;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>
/// 議事録（質疑応答） of a 報告会: the minutes page and the forms on it. The office starts the
/// minutes, adds exchanges and, after publication, starts a correction (the next version); a party
/// of an agenda project reads its own projects' exchanges once circulated and suggests corrections
/// to its own answers. Anyone else gets 404; a party asking for what only the office does gets 403.
/// The page's one-button moves are in <see cref="MinutesWorkflowController"/>, a row's own page in
/// <see cref="MinutesRowsController"/>, printing and downloads in <see cref="MinutesExportController"/>.
/// </summary>
[Authorize]
[Route("meetings/{id:int}/minutes")]
public sealed class MinutesController(KyodoDbContext db, TimeProvider clock, FormCommands commands) : Controller
{
    internal static string MinutesUrl(int id) => $"/meetings/{id}/minutes";

    [HttpGet("")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var context = await MinutesContext.LoadAsync(db, User, id, tracking: false, cancellationToken);
        return context is null ? NotFound() : View(await MinutesQueries.PageAsync(db, context, clock.JapanToday(), null, cancellationToken));
    }

    /// <summary>Starts version 1 (the meeting must have been held).</summary>
    [HttpPost("start")]
    public Task<IActionResult> Start(int id, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<MinutesContext>
        {
            Load = ct => NotStartedAsync(id, ct),
            Apply = (context, by) => db.Minutes.Add(QaMinutes.Start(context.Meeting, by.UserId, by.Now)),
            Done = _ => "議事録（下書き）を作成しました。質疑応答を入力してください。",
            RedirectTo = _ => MinutesUrl(id),

            // Someone started them a moment earlier (the version number is unique per meeting).
            UniqueMessage = FormCommands.ConcurrencyMessage,
        }, cancellationToken);

    /// <summary>Adds an exchange at the end of its agenda item and opens it to add the answers.</summary>
    [HttpPost("rows")]
    public Task<IActionResult> AddRow(int id, [Bind(Prefix = "Row")] RowInput input, [FromForm] int version, CancellationToken cancellationToken)
    {
        QaRow? row = null;
        return commands.RunAsync(this, new FormCommand<MinutesContext>
        {
            Load = ct => MinutesContext.CurrentForOfficeAsync(db, User, id, tracking: true, ct),
            Versioned = context => context.Current,
            Version = version,
            ApplyAsync = async (context, by, ct) =>
                row = context.Current!.AddRow(context.Meeting, input.ToDraft(await MinutesQueries.MemberNamesAsync(db, context.Meeting, ct)), by.Now),
            Done = _ => "質疑応答を追加しました。回答を入力してください。",
            RedirectTo = _ => $"{MinutesUrl(id)}/rows/{row!.Number}",
            ShowAgain = (_, ct) => ShowAgainAsync(id, forms => forms with { NewRow = input }, ct),
        }, cancellationToken);
    }

    /// <summary>A party suggests new wording for one of its own answers while the minutes are 確認中.</summary>
    [HttpPost("answers/{answer:int}/suggest")]
    public Task<IActionResult> Suggest(int id, int answer, [Bind(Prefix = "Suggestion")] SuggestionInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<PartyAnswer>
        {
            Load = ct => PartyAnswerAsync(id, answer, ct),
            Versioned = loaded => loaded.Minutes,
            Version = version,
            Apply = (loaded, by) => loaded.Minutes.SuggestCorrection(answer, input.Text!, loaded.Party, loaded.ProjectId, by.UserId, by.Now),
            Done = _ => "修正案を提案しました。協働推進担当が確認します。",
            RedirectTo = _ => $"{MinutesUrl(id)}#answer-{answer}",
            ShowAgain = (_, ct) => ShowAgainAsync(id, forms => forms with { SuggestAnswerNumber = answer, Suggestion = input }, ct),
        }, cancellationToken);

    /// <summary>訂正版: the next version of the published minutes, with the reason; the published one stays public until the correction is published.</summary>
    [HttpPost("correction")]
    public Task<IActionResult> Correction(int id, [Bind(Prefix = "Correction")] MinutesCorrectionInput input, CancellationToken cancellationToken)
    {
        QaMinutes? correction = null;
        return commands.RunAsync(this, new FormCommand<MinutesContext>
        {
            // The published version is only read: the correction is a new row.
            Load = ct => MinutesContext.CurrentForOfficeAsync(db, User, id, tracking: false, ct),
            Apply = (context, by) => db.Minutes.Add(correction = context.Current!.StartCorrection(input.Reason!, by.UserId, by.Now)),
            Done = _ => new("訂正版（第{0}版）を作成しました。公開中の議事録は訂正版を公開するまでそのまま掲載されます。", correction!.VersionNumber),
            RedirectTo = _ => MinutesUrl(id),
            UniqueMessage = FormCommands.ConcurrencyMessage,
            ShowAgain = (_, ct) => ShowAgainAsync(id, forms => forms with { Correction = input }, ct),
        }, cancellationToken);
    }

    /// <summary>The minutes for the office before they are started; once started, back to the page (nothing to say).</summary>
    private async Task<Loaded<MinutesContext>> NotStartedAsync(int id, CancellationToken cancellationToken)
    {
        var loaded = await MinutesContext.ForOfficeAsync(db, User, id, tracking: false, cancellationToken);
        return loaded.Value is { Versions.Count: > 0 } ? LoadRefusal.Redirect(MinutesUrl(id)) : loaded;
    }

    /// <summary>The answer a party suggests on: 404 unless it is in one of the user's projects, 403 for the office.</summary>
    private async Task<Loaded<PartyAnswer>> PartyAnswerAsync(int id, int answer, CancellationToken cancellationToken)
    {
        var context = await MinutesContext.LoadAsync(db, User, id, tracking: true, cancellationToken);
        if (context is null)
        {
            return LoadRefusal.NotFound;
        }

        if (context.IsOffice || context.Current is not { } minutes)
        {
            return LoadRefusal.Forbidden;
        }

        var row = minutes.Rows.FirstOrDefault(r => r.Answers.Any(a => a.Number == answer));
        if (row is null || !context.MayRead(row.AgendaProjectId))
        {
            return LoadRefusal.NotFound;
        }

        if (context.PartyFor(row.AgendaProjectId) is not { } party)
        {
            return LoadRefusal.Forbidden;
        }

        return new PartyAnswer(minutes, row.AgendaProjectId, party);
    }

    /// <summary>The minutes page from the database (nothing of the refused attempt kept) with the person's input and the reasons.</summary>
    private async Task<IActionResult> ShowAgainAsync(int id, Func<MinutesForms, MinutesForms> keep, CancellationToken cancellationToken)
    {
        var context = await MinutesContext.LoadAsync(db, User, id, tracking: false, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        var page = await MinutesQueries.PageAsync(db, context, clock.JapanToday(), null, cancellationToken);
        return View(nameof(Details), page with { Forms = keep(page.Forms) });
    }
}

/// <summary>The version a party suggests on, the agenda project of the answer and the party the user is on it.</summary>
public sealed record PartyAnswer(QaMinutes Minutes, int ProjectId, ProjectParty Party);
