using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.AnnualReports;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QaMinutes = KyodoPortal.Domain.Meetings.Minutes;

namespace KyodoPortal.Web.Features.Minutes;

/// <summary>
/// The office's one-button moves on the minutes page, each on the version the page showed: the
/// workflow (circulate to the parties, mailed; back to the draft; approve; publish), the parties'
/// suggestions (accept or reject), the rows' order and removal, and a follow-up done (also after
/// publication). A refusal comes back to the page as a message. Non-parties get 404, parties 403.
/// </summary>
[Authorize]
[Route("meetings/{id:int}/minutes")]
public sealed partial class MinutesWorkflowController(
    KyodoDbContext db,
    IMailSender mail,
    FormCommands commands,
    ILogger<MinutesWorkflowController> logger) : Controller
{
    /// <summary>下書き → 確認中, and mails each agenda project's parties.</summary>
    [HttpPost("circulate")]
    public Task<IActionResult> Circulate(int id, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnCurrent(
            id, version, (minutes, by) => minutes.Circulate(MinutesActor.Coordinator, by.UserId, by.Now),
            "議事録を確認中にしました。各協働事業の当事者に確認を依頼するメールを送りました。",
            afterCommit: NotifyPartiesAsync), cancellationToken);

    [HttpPost("draft")]
    public Task<IActionResult> ReturnToDraft(int id, [FromForm] int version, [FromForm] string? comment, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnCurrent(id, version, (minutes, by) => minutes.ReturnToDraft(MinutesActor.Coordinator, by.UserId, comment, by.Now), "議事録を下書きに戻しました。"), cancellationToken);

    [HttpPost("approve")]
    public Task<IActionResult> Approve(int id, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnCurrent(id, version, (minutes, by) => minutes.Approve(MinutesActor.Coordinator, by.UserId, by.Now), "議事録を承認しました。"), cancellationToken);

    [HttpPost("publish")]
    public Task<IActionResult> Publish(int id, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnCurrent(id, version, (minutes, by) => minutes.Publish(MinutesActor.Coordinator, by.UserId, by.Now), "議事録を公開しました。公開サイトに掲載されます。", requiresConfirmation: true), cancellationToken);

    [HttpPost("suggestions/{number:int}/accept")]
    public Task<IActionResult> AcceptSuggestion(int id, int number, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnCurrent(id, version, (minutes, by) => minutes.AcceptSuggestion(number, by.UserId, by.Now), "修正提案を反映しました。", "#suggestions"), cancellationToken);

    [HttpPost("suggestions/{number:int}/reject")]
    public Task<IActionResult> RejectSuggestion(int id, int number, [FromForm] int version, [FromForm] string? comment, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnCurrent(id, version, (minutes, by) => minutes.RejectSuggestion(number, comment, by.UserId, by.Now), "修正提案を不採用にしました。", "#suggestions"), cancellationToken);

    [HttpPost("rows/{number:int}/move")]
    public Task<IActionResult> MoveRow(int id, int number, [FromForm] MoveDirection direction, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnCurrent(id, version, (minutes, by) => minutes.MoveRow(number, direction, by.Now), "質疑応答の順番を変更しました。", $"#row-{number}"), cancellationToken);

    [HttpPost("rows/{number:int}/delete")]
    public Task<IActionResult> RemoveRow(int id, int number, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnCurrent(id, version, (minutes, by) => minutes.RemoveRow(number, by.Now), "質疑応答を削除しました。"), cancellationToken);

    /// <summary>Records that a follow-up was done, today, by this user; allowed after publication too.</summary>
    [HttpPost("rows/{number:int}/follow-up/done")]
    public Task<IActionResult> FollowUpDone(int id, int number, [FromForm] int version, CancellationToken cancellationToken) =>
        commands.RunAsync(this, OnCurrent(id, version, (minutes, by) => minutes.MarkFollowUpDone(number, by.Today, by.UserId, by.Now), "対応事項を完了にしました。", "#follow-ups"), cancellationToken);

    /// <summary>One button on the minutes page, on the current version the page showed; back to the page (at <paramref name="anchor"/>) either way.</summary>
    private FormCommand<MinutesContext> OnCurrent(
        int id,
        int version,
        Action<QaMinutes, Actor> apply,
        UserMessage done,
        string anchor = "",
        Func<MinutesContext, CancellationToken, Task<UserMessage?>>? afterCommit = null,
        bool requiresConfirmation = false) => new()
        {
            RequiresConfirmation = requiresConfirmation,
            Load = ct => MinutesContext.CurrentForOfficeAsync(db, User, id, tracking: true, ct),
            Versioned = context => context.Current,
            Version = version,
            Apply = (context, by) => apply(context.Current!, by),
            Done = _ => done,
            RedirectTo = _ => MinutesController.MinutesUrl(id) + anchor,
            AfterCommit = afterCommit,
        };

    /// <summary>
    /// Mails the accounts of every party of each agenda project. A project whose mail fails
    /// is logged and the others are still mailed; the office is told to let them know otherwise.
    /// </summary>
    private async Task<UserMessage?> NotifyPartiesAsync(MinutesContext context, CancellationToken cancellationToken)
    {
        var meeting = context.Meeting;
        var url = $"{Request.Scheme}://{Request.Host}{MinutesController.MinutesUrl(meeting.Id)}";
        UserMessage? warning = null;
        foreach (var item in meeting.Agenda.OrderBy(a => a.Order))
        {
            if (!context.Projects.TryGetValue(item.ProjectId, out var project))
            {
                continue;
            }

            try
            {
                // Every party checks its own answers, the third party of a 三者協定 included.
                var recipients = await ReportRecipients.EveryPartyAsync(db, project, cancellationToken);
                if (recipients.Count > 0)
                {
                    await mail.SendAsync(new OutgoingMail(recipients, MinutesNotice.CirculatedSubject(meeting.Name), MinutesNotice.CirculatedBody(meeting.Name, item.ProjectTitle, url)), cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogNoticeFailed(logger, exception, meeting.Id, project.Id);
                warning = FormCommands.NoticeFailedMessage;
            }
        }

        return warning;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The minutes notice for meeting {MeetingId}, project {ProjectId} could not be sent.")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, int meetingId, int projectId);
}
