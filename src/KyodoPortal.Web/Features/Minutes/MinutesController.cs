using System.Security.Claims;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.AnnualReports;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Infrastructure.Export;
using KyodoPortal.Web.Infrastructure.Formatting;
using KyodoPortal.Web.Infrastructure.Mail;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using QaMinutes = KyodoPortal.Domain.Meetings.Minutes;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>
/// 議事録（質疑応答） of a 報告会. The office writes the rows while the minutes are a draft,
/// circulates them to the projects' parties (mailed), takes suggestions, approves and publishes;
/// a correction after publication is the next version. A party of an agenda project reads its
/// own projects' exchanges once circulated and suggests corrections to its own answers.
/// Anyone else gets 404; a party asking for what only the office does gets 403.
/// </summary>
[Authorize]
[Route("meetings/{id:int}/minutes")]
public sealed partial class MinutesController(
    KyodoDbContext db,
    TimeProvider clock,
    IMailSender mail,
    IStringLocalizer<SharedResource> localizer,
    ILogger<MinutesController> logger) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(JapanTime.FromUtc(Now));

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var context = await MinutesContext.LoadAsync(db, User, id, tracking: false, cancellationToken);
        return context is null ? NotFound() : View(await MinutesQueries.PageAsync(db, context, Today, null, cancellationToken));
    }

    /// <summary>Starts version 1 (the meeting must have been held).</summary>
    [HttpPost("start")]
    public Task<IActionResult> Start(int id, CancellationToken cancellationToken) =>
        OfficeAsync(id, cancellationToken: cancellationToken, action: async context =>
        {
            if (context.Versions.Count > 0)
            {
                return Redirect(MinutesUrl(id));
            }

            try
            {
                db.Minutes.Add(QaMinutes.Start(context.Meeting, UserId, Now));
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = localizer["議事録（下書き）を作成しました。質疑応答を入力してください。"].Value;
            }
            catch (DomainRuleException exception)
            {
                TempData["Error"] = localizer[exception.Message].Value;
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
            }

            return Redirect(MinutesUrl(id));
        });

    /// <summary>Adds an exchange at the end of its agenda item and opens it to add the answers.</summary>
    [HttpPost("rows")]
    public Task<IActionResult> AddRow(int id, [Bind(Prefix = "Row")] RowInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        OfficeAsync(id, cancellationToken: cancellationToken, action: async context =>
        {
            if (ModelState.IsValid && context.Current is { } minutes)
            {
                try
                {
                    db.ExpectVersion(minutes, version);
                    var row = minutes.AddRow(context.Meeting, input.ToDraft(await MemberNamesAsync(context, cancellationToken)), Now);
                    if (await db.TrySaveAsync(ModelState, localizer, string.Empty, cancellationToken))
                    {
                        TempData["Success"] = localizer["質疑応答を追加しました。回答を入力してください。"].Value;
                        return Redirect($"{MinutesUrl(id)}/rows/{row.Number}");
                    }
                }
                catch (DomainRuleException exception)
                {
                    ModelState.AddModelError(string.Empty, localizer[exception.Message]);
                }
            }

            return await ShowAgainAsync(id, forms => forms with { NewRow = input }, cancellationToken);
        });

    [HttpGet("rows/{number:int}")]
    public Task<IActionResult> Row(int id, int number, CancellationToken cancellationToken) =>
        OfficeAsync(id, cancellationToken: cancellationToken, action: async context =>
        {
            if (context.Current?.Rows.FirstOrDefault(r => r.Number == number) is not { } row)
            {
                return NotFound();
            }

            if (!context.Current.IsEditable)
            {
                return Redirect(MinutesUrl(id));
            }

            return View(await RowPageAsync(context, row, RowInput.From(row), new AnswerInput(), FollowUpInput.From(row.FollowUp), null, null, cancellationToken));
        }, tracking: false);

    [HttpPost("rows/{number:int}")]
    public Task<IActionResult> UpdateRow(int id, int number, [Bind(Prefix = "Row")] RowInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        RowActionAsync(id, number, version, async (context, minutes, _) =>
            minutes.UpdateRow(context.Meeting, number, input.ToDraft(await MemberNamesAsync(context, cancellationToken)), Now),
            "質疑応答を保存しました。", page => page with { RowInput = input }, cancellationToken);

    [HttpPost("rows/{number:int}/answers")]
    public Task<IActionResult> AddAnswer(int id, int number, [Bind(Prefix = "Answer")] AnswerInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        RowActionAsync(id, number, version, (_, minutes, parties) =>
        {
            minutes.AddAnswer(number, ToDraft(parties, input), Now);
            return Task.CompletedTask;
        }, "回答を追加しました。", page => page with { NewAnswer = input }, cancellationToken);

    [HttpPost("rows/{number:int}/answers/{answer:int}")]
    public Task<IActionResult> UpdateAnswer(int id, int number, int answer, [Bind(Prefix = "Edit")] AnswerInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        RowActionAsync(id, number, version, (_, minutes, parties) =>
        {
            EnsureAnswerOf(minutes, number, answer);
            minutes.UpdateAnswer(answer, ToDraft(parties, input), Now);
            return Task.CompletedTask;
        }, "回答を保存しました。", page => page with { EditedAnswerNumber = answer, EditedAnswer = input }, cancellationToken);

    [HttpPost("rows/{number:int}/answers/{answer:int}/delete")]
    public Task<IActionResult> RemoveAnswer(int id, int number, int answer, [FromForm] int version, CancellationToken cancellationToken) =>
        RowActionAsync(id, number, version, (_, minutes, _) =>
        {
            EnsureAnswerOf(minutes, number, answer);
            minutes.RemoveAnswer(answer, Now);
            return Task.CompletedTask;
        }, "回答を削除しました。", page => page, cancellationToken);

    [HttpPost("rows/{number:int}/follow-up")]
    public Task<IActionResult> SetFollowUp(int id, int number, [Bind(Prefix = "FollowUp")] FollowUpInput input, [FromForm] int version, CancellationToken cancellationToken) =>
        RowActionAsync(id, number, version, (_, minutes, _) =>
        {
            minutes.SetFollowUp(number, input.ToDraft(), Now);
            return Task.CompletedTask;
        }, "対応事項を保存しました。", page => page with { FollowUp = input }, cancellationToken);

    [HttpPost("rows/{number:int}/follow-up/clear")]
    public Task<IActionResult> ClearFollowUp(int id, int number, [FromForm] int version, CancellationToken cancellationToken) =>
        RowActionAsync(id, number, version, (_, minutes, _) =>
        {
            minutes.ClearFollowUp(number, Now);
            return Task.CompletedTask;
        }, "対応事項を削除しました。", page => page, cancellationToken);

    [HttpPost("rows/{number:int}/move")]
    public Task<IActionResult> MoveRow(int id, int number, [FromForm] MoveDirection direction, [FromForm] int version, CancellationToken cancellationToken) =>
        SimpleAsync(id, version, minutes => minutes.MoveRow(number, direction, Now), "質疑応答の順番を変更しました。", cancellationToken, $"#row-{number}");

    [HttpPost("rows/{number:int}/delete")]
    public Task<IActionResult> RemoveRow(int id, int number, [FromForm] int version, CancellationToken cancellationToken) =>
        SimpleAsync(id, version, minutes => minutes.RemoveRow(number, Now), "質疑応答を削除しました。", cancellationToken);

    /// <summary>Records that a follow-up was done, today, by this user; allowed after publication too.</summary>
    [HttpPost("rows/{number:int}/follow-up/done")]
    public Task<IActionResult> FollowUpDone(int id, int number, [FromForm] int version, CancellationToken cancellationToken) =>
        SimpleAsync(id, version, minutes => minutes.MarkFollowUpDone(number, Today, UserId, Now), "対応事項を完了にしました。", cancellationToken, "#follow-ups");

    /// <summary>下書き → 確認中, and mails each agenda project's parties.</summary>
    [HttpPost("circulate")]
    public async Task<IActionResult> Circulate(int id, [FromForm] int version, CancellationToken cancellationToken)
    {
        var result = await SimpleAsync(id, version, minutes => minutes.Circulate(MinutesActor.Coordinator, UserId, Now), "議事録を確認中にしました。各協働事業の当事者に確認を依頼するメールを送りました。", cancellationToken);
        if (TempData.Peek("Success") is not null)
        {
            await NotifyPartiesAsync(id, cancellationToken);
        }

        return result;
    }

    [HttpPost("draft")]
    public Task<IActionResult> ReturnToDraft(int id, [FromForm] int version, [FromForm] string? comment, CancellationToken cancellationToken) =>
        SimpleAsync(id, version, minutes => minutes.ReturnToDraft(MinutesActor.Coordinator, UserId, comment, Now), "議事録を下書きに戻しました。", cancellationToken);

    [HttpPost("approve")]
    public Task<IActionResult> Approve(int id, [FromForm] int version, CancellationToken cancellationToken) =>
        SimpleAsync(id, version, minutes => minutes.Approve(MinutesActor.Coordinator, UserId, Now), "議事録を承認しました。", cancellationToken);

    [HttpPost("publish")]
    public Task<IActionResult> Publish(int id, [FromForm] int version, CancellationToken cancellationToken) =>
        SimpleAsync(id, version, minutes => minutes.Publish(MinutesActor.Coordinator, UserId, Now), "議事録を公開しました。公開サイトに掲載されます。", cancellationToken);

    [HttpPost("suggestions/{number:int}/accept")]
    public Task<IActionResult> AcceptSuggestion(int id, int number, [FromForm] int version, CancellationToken cancellationToken) =>
        SimpleAsync(id, version, minutes => minutes.AcceptSuggestion(number, UserId, Now), "修正提案を反映しました。", cancellationToken, "#suggestions");

    [HttpPost("suggestions/{number:int}/reject")]
    public Task<IActionResult> RejectSuggestion(int id, int number, [FromForm] int version, [FromForm] string? comment, CancellationToken cancellationToken) =>
        SimpleAsync(id, version, minutes => minutes.RejectSuggestion(number, comment, UserId, Now), "修正提案を不採用にしました。", cancellationToken, "#suggestions");

    /// <summary>A party suggests new wording for one of its own answers while the minutes are 確認中.</summary>
    [HttpPost("answers/{answer:int}/suggest")]
    public async Task<IActionResult> Suggest(int id, int answer, [Bind(Prefix = "Suggestion")] SuggestionInput input, [FromForm] int version, CancellationToken cancellationToken)
    {
        var context = await MinutesContext.LoadAsync(db, User, id, tracking: true, cancellationToken);
        if (context?.Current is not { } minutes || context.IsOffice)
        {
            return context is null ? NotFound() : Forbid();
        }

        var row = minutes.Rows.FirstOrDefault(r => r.Answers.Any(a => a.Number == answer));
        if (row is null || !context.MayRead(row.AgendaProjectId))
        {
            return NotFound();
        }

        if (context.PartyFor(row.AgendaProjectId) is not { } party)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            try
            {
                db.ExpectVersion(minutes, version);
                minutes.SuggestCorrection(answer, input.Text!, party, row.AgendaProjectId, UserId, Now);
                if (await db.TrySaveAsync(ModelState, localizer, string.Empty, cancellationToken))
                {
                    TempData["Success"] = localizer["修正案を提案しました。協働推進担当が確認します。"].Value;
                    return Redirect($"{MinutesUrl(id)}#answer-{answer}");
                }
            }
            catch (DomainRuleException exception)
            {
                ModelState.AddModelError(string.Empty, localizer[exception.Message]);
            }
        }

        return await ShowAgainAsync(id, forms => forms with { SuggestAnswerNumber = answer, Suggestion = input }, cancellationToken);
    }

    /// <summary>訂正版: the next version of the published minutes, with the reason; the published one stays public until the correction is published.</summary>
    [HttpPost("correction")]
    public Task<IActionResult> Correction(int id, [Bind(Prefix = "Correction")] MinutesCorrectionInput input, CancellationToken cancellationToken) =>
        OfficeAsync(id, cancellationToken: cancellationToken, action: async context =>
        {
            if (ModelState.IsValid && context.Current is { } minutes)
            {
                try
                {
                    var correction = minutes.StartCorrection(input.Reason!, UserId, Now);
                    db.Minutes.Add(correction);
                    await db.SaveChangesAsync(cancellationToken);
                    TempData["Success"] = localizer["訂正版（第{0}版）を作成しました。公開中の議事録は訂正版を公開するまでそのまま掲載されます。", correction.VersionNumber].Value;
                    return Redirect(MinutesUrl(id));
                }
                catch (DomainRuleException exception)
                {
                    ModelState.AddModelError(string.Empty, localizer[exception.Message]);
                }
                catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
                {
                    ModelState.AddModelError(string.Empty, localizer[FormSave.ConcurrencyMessage]);
                }
            }

            return await ShowAgainAsync(id, forms => forms with { Correction = input }, cancellationToken);
        }, tracking: false);

    [HttpGet("print")]
    public Task<IActionResult> Print(int id, CancellationToken cancellationToken) =>
        DocumentAsync(id, cancellationToken: cancellationToken, render: document => View(document));

    /// <summary>Word-friendly HTML: an HTML document Word opens as .doc.</summary>
    [HttpGet("export/doc")]
    public Task<IActionResult> ExportDoc(int id, CancellationToken cancellationToken) =>
        DocumentAsync(id, cancellationToken: cancellationToken, render: document =>
        {
            var name = ExportFileResult.FileName(document.Title, ExportFormat.Csv, Today);
            Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = Path.ChangeExtension(name, ".doc") }.ToString();
            var view = View("WordExport", document);
            view.ContentType = "application/msword; charset=utf-8";
            return view;
        });

    [HttpGet("export/xlsx")]
    public Task<IActionResult> ExportXlsx(int id, CancellationToken cancellationToken) =>
        DocumentAsync(id, cancellationToken: cancellationToken, render: document =>
        {
            var lines = document.Sections.SelectMany(section => section.Lines.Select(line => (Section: section, Line: line)));
            var table = ExportTable.Create(document.Title, lines, c => c
                .Text(localizer["協働事業"].Value, r => r.Section.Heading)
                .Text(localizer["当事者"].Value, r => r.Section.PartiesLine)
                .Number(localizer["番号"].Value, r => r.Line.RowNumber)
                .Text(localizer["区分"].Value, r => r.Line.Kind == MinutesLineKind.Question ? MinutesPrint.QuestionMark : MinutesPrint.AnswerMark)
                .Text(localizer["質問者"].Value, r => r.Line.Asker)
                .Text(localizer["内容"].Value, r => r.Line.Text));
            return ExportFileResult.Create(table, ExportFormat.Xlsx, clock);
        });

    private static string MinutesUrl(int id) => $"/meetings/{id}/minutes";

    private static void EnsureAnswerOf(QaMinutes minutes, int rowNumber, int answerNumber)
    {
        if (minutes.RowOfAnswer(answerNumber).Number != rowNumber)
        {
            throw new DomainRuleException("指定された回答が見つかりません。");
        }
    }

    /// <summary>The answer draft from the chosen party, which must be one of the project's parties.</summary>
    private static QaAnswerDraft ToDraft(IReadOnlyList<PartyChoice> choices, AnswerInput input)
    {
        var choice = choices.FirstOrDefault(c => c.Value == input.Party)
            ?? throw new DomainRuleException("回答した当事者をこの協働事業の当事者から選択してください。");
        return new QaAnswerDraft(choice.Party, choice.Name, input.SpeakerRole, input.Text!);
    }

    private async Task<Dictionary<string, string>> MemberNamesAsync(MinutesContext context, CancellationToken cancellationToken)
    {
        var ids = context.Meeting.Attendees.Select(a => a.UserId).ToList();
        return (await ScreeningAdmin.ScreeningAdminQueries.NamesAsync(db, ids, cancellationToken)).ToDictionary(p => p.UserId, p => p.DisplayName, StringComparer.Ordinal);
    }

    /// <summary>Loads the minutes for the office (404 for non-parties, 403 for parties) and runs <paramref name="action"/>.</summary>
    private async Task<IActionResult> OfficeAsync(int id, Func<MinutesContext, Task<IActionResult>> action, CancellationToken cancellationToken, bool tracking = true)
    {
        var context = await MinutesContext.LoadAsync(db, User, id, tracking, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        return context.IsOffice ? await action(context) : Forbid();
    }

    /// <summary>One office move on the current version; a refusal is shown as a message on the minutes page.</summary>
    private Task<IActionResult> SimpleAsync(int id, int version, Action<QaMinutes> apply, string done, CancellationToken cancellationToken, string anchor = "") =>
        OfficeAsync(id, cancellationToken: cancellationToken, action: async context =>
        {
            if (context.Current is not { } minutes)
            {
                return NotFound();
            }

            try
            {
                db.ExpectVersion(minutes, version);
                apply(minutes);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = localizer[done].Value;
            }
            catch (DomainRuleException exception)
            {
                TempData["Error"] = localizer[exception.Message].Value;
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Error"] = localizer[FormSave.ConcurrencyMessage].Value;
            }

            return Redirect(MinutesUrl(id) + anchor);
        });

    /// <summary>One change on a row's page; refused input is shown again on that page with the reason.</summary>
    private Task<IActionResult> RowActionAsync(int id, int number, int version, Func<MinutesContext, QaMinutes, IReadOnlyList<PartyChoice>, Task> apply, string done, Func<RowPageViewModel, RowPageViewModel> keep, CancellationToken cancellationToken) =>
        OfficeAsync(id, cancellationToken: cancellationToken, action: async context =>
        {
            if (context.Current?.Rows.FirstOrDefault(r => r.Number == number) is null)
            {
                return NotFound();
            }

            var parties = await MinutesQueries.PartiesAsync(db, context, cancellationToken);
            if (ModelState.IsValid)
            {
                try
                {
                    db.ExpectVersion(context.Current, version);
                    await apply(context, context.Current, parties.GetValueOrDefault(context.Current.Row(number).AgendaProjectId) ?? []);
                    if (await db.TrySaveAsync(ModelState, localizer, string.Empty, cancellationToken))
                    {
                        TempData["Success"] = localizer[done].Value;
                        return Redirect($"{MinutesUrl(id)}/rows/{number}");
                    }
                }
                catch (DomainRuleException exception)
                {
                    ModelState.AddModelError(string.Empty, localizer[exception.Message]);
                }
            }

            db.ChangeTracker.Clear();
            var fresh = await MinutesContext.LoadAsync(db, User, id, tracking: false, cancellationToken);
            if (fresh?.Current?.Rows.FirstOrDefault(r => r.Number == number) is not { } row || !fresh.Current.IsEditable)
            {
                TempData["Error"] = ModelState.Values.SelectMany(v => v.Errors).FirstOrDefault()?.ErrorMessage ?? localizer[FormSave.ConcurrencyMessage].Value;
                return Redirect(MinutesUrl(id));
            }

            var page = await RowPageAsync(fresh, row, RowInput.From(row), new AnswerInput(), FollowUpInput.From(row.FollowUp), null, null, cancellationToken);
            return View(nameof(Row), keep(page));
        });

    private async Task<RowPageViewModel> RowPageAsync(MinutesContext context, QaRow row, RowInput rowInput, AnswerInput newAnswer, FollowUpInput followUp, int? editedNumber, AnswerInput? edited, CancellationToken cancellationToken)
    {
        var parties = await MinutesQueries.PartiesAsync(db, context, cancellationToken);
        var names = await MemberNamesAsync(context, cancellationToken);
        return new RowPageViewModel(context.Meeting, context.Current!, row, MinutesQueries.AttendeesOf(context.Meeting, names), parties.GetValueOrDefault(row.AgendaProjectId) ?? [], rowInput, newAnswer, followUp, editedNumber, edited);
    }

    /// <summary>The minutes page from the database (nothing of the refused attempt kept) with the person's input and the reasons.</summary>
    private async Task<IActionResult> ShowAgainAsync(int id, Func<MinutesForms, MinutesForms> keep, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var context = await MinutesContext.LoadAsync(db, User, id, tracking: false, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        var page = await MinutesQueries.PageAsync(db, context, Today, null, cancellationToken);
        return View(nameof(Details), page with { Forms = keep(page.Forms) });
    }

    /// <summary>The printable document of the current version, for the office.</summary>
    private Task<IActionResult> DocumentAsync(int id, Func<MinutesDocument, IActionResult> render, CancellationToken cancellationToken) =>
        OfficeAsync(id, cancellationToken: cancellationToken, action: context => Task.FromResult(context.Current is { } minutes
            ? render(MinutesPrint.Compose(context.Meeting, minutes))
            : NotFound()), tracking: false);

    /// <summary>Mails each agenda project's group members and department staff; a failure is logged and shown, the move stays.</summary>
    private async Task NotifyPartiesAsync(int id, CancellationToken cancellationToken)
    {
        var context = await MinutesContext.LoadAsync(db, User, id, tracking: false, cancellationToken);
        if (context is null)
        {
            return;
        }

        var url = $"{Request.Scheme}://{Request.Host}{MinutesUrl(id)}";
        foreach (var item in context.Meeting.Agenda.OrderBy(a => a.Order))
        {
            if (!context.Projects.TryGetValue(item.ProjectId, out var project))
            {
                continue;
            }

            try
            {
                var recipients = (await ReportRecipients.GroupMembersAsync(db, project, cancellationToken))
                    .Concat(await ReportRecipients.DepartmentStaffAsync(db, project, cancellationToken))
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (recipients.Count > 0)
                {
                    await mail.SendAsync(new OutgoingMail(recipients, MinutesNotice.CirculatedSubject(context.Meeting.Name), MinutesNotice.CirculatedBody(context.Meeting.Name, item.ProjectTitle, url)), cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogNoticeFailed(logger, exception, id, project.Id);
                TempData[AnnualReportsController.MailWarningKey] = localizer["操作は記録しましたが、通知メールを送信できませんでした。相手に別の方法でお知らせください。"].Value;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The minutes notice for meeting {MeetingId}, project {ProjectId} could not be sent.")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, int meetingId, int projectId);
}
