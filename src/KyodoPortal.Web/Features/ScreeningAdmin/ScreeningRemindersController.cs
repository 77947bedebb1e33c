using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Common;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.Mail;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>
/// 督促: one e-mail to each assigned member who still has a proposal to declare on or a sheet to
/// submit, listing those proposals. Members who have finished get nothing. The reminder is
/// recorded first; mails that cannot be sent become a warning on the dashboard.
/// </summary>
[Route("calls/{callId:int}/screening")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed partial class ScreeningRemindersController(
    KyodoDbContext db,
    IMailSender mail,
    FormCommands commands,
    ILogger<ScreeningRemindersController> logger) : Controller
{
    [HttpPost("reminders")]
    public Task<IActionResult> Remind(int callId, CancellationToken cancellationToken)
    {
        IReadOnlyList<(PersonName Member, IReadOnlyList<string> Unfinished)> recipients = [];
        var sent = 0;
        return commands.RunAsync(this, new FormCommand<ScreeningCallPanel>
        {
            Load = ct => ScreeningAdminPages.LoadAsync(db, callId, ct),
            ApplyAsync = async (loaded, by, ct) =>
            {
                var board = await ScreeningAdminPages.DashboardAsync(db, loaded.Call, loaded.Panel, ScreeningSettingsInput.From(loaded.Panel), new RecusalInput(), ct);
                recipients = ScreeningReminder.Recipients(board);
                if (recipients.Count == 0)
                {
                    throw new DomainRuleException("督促が必要な評価委員はいません。");
                }

                loaded.Panel.RecordReminder(by.Now);
            },
            AfterCommit = async (loaded, ct) =>
            {
                sent = await SendAsync(loaded, recipients, ct);
                return sent < recipients.Count
                    ? new UserMessage("{0} 名への督促メールを送信できませんでした。別の方法でお知らせください。", recipients.Count - sent)
                    : null;
            },
            Done = _ => new("{0} 名の評価委員に督促メールを送信しました。", sent),
            RedirectTo = _ => ScreeningAdminPages.DashboardUrl(callId),
        }, cancellationToken);
    }

    /// <summary>Sends each member their reminder; one that fails is logged and counted out, the others still go.</summary>
    private async Task<int> SendAsync(
        ScreeningCallPanel loaded, IReadOnlyList<(PersonName Member, IReadOnlyList<string> Unfinished)> recipients, CancellationToken cancellationToken)
    {
        var url = $"{Request.Scheme}://{Request.Host}/screening/{loaded.Panel.Id}";
        var sent = 0;
        foreach (var (member, unfinished) in recipients)
        {
            try
            {
                await mail.SendAsync(
                    new OutgoingMail([member.Email!], ScreeningReminder.Subject(loaded.Call.Name), ScreeningReminder.Body(member.DisplayName, loaded.Call.Name, unfinished, url)),
                    cancellationToken);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReminderFailed(logger, exception, loaded.Panel.Id);
            }
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A screening reminder for panel {PanelId} could not be sent.")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, int panelId);
}
