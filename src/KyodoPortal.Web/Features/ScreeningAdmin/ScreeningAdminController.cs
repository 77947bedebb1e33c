using System.Globalization;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>
/// 審査の運営 (coordinating office): starts a call's screening once its window has closed, sets
/// how the ranking is read, shows the dashboard and closes the screening. The members and recusals
/// (<see cref="ScreeningMembersController"/>), the reminder (<see cref="ScreeningRemindersController"/>)
/// and the downloads (<see cref="ScreeningExportsController"/>) are beside it. Committee members
/// score on their own pages (Features/Screening).
/// </summary>
[Route("calls/{callId:int}/screening")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class ScreeningAdminController(KyodoDbContext db, TimeProvider clock, FormCommands commands) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        var panel = await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        if (panel is null)
        {
            var waiting = await ScreeningAdminQueries.WaitingCountAsync(db, callId, cancellationToken);
            return View("Start", new StartScreeningViewModel(ScreeningAdminQueries.Header(call), clock.GetUtcNow().UtcDateTime >= call.ClosesAtUtc, waiting));
        }

        return View(await ScreeningAdminPages.DashboardAsync(db, call, panel, ScreeningSettingsInput.From(panel), new RecusalInput(), cancellationToken));
    }

    [HttpPost("start")]
    public Task<IActionResult> Start(int callId, CancellationToken cancellationToken)
    {
        var started = 0;
        return commands.RunAsync(this, new FormCommand<Call>
        {
            Load = ct => LoadCallToStartAsync(callId, ct),
            ApplyAsync = async (call, by, ct) =>
            {
                // A call locked without a panel (e.g. an interrupted start) only needs its panel.
                if (!call.CriteriaLocked)
                {
                    call.StartScreening(by.Now);
                }

                var proposals = await db.Proposals
                    .Where(p => p.CallId == callId && (p.Status == ProposalStatus.Submitted || p.Status == ProposalStatus.Resubmitted))
                    .AsSplitQuery()
                    .ToListAsync(ct);
                foreach (var proposal in proposals)
                {
                    proposal.StartScreening(by.UserId, by.Now);
                }

                db.ScreeningPanels.Add(new ScreeningPanel(call, OtherSheetsVisibility.AfterOwnSubmission, 3, null, by.Now));
                started = proposals.Count;
            },

            // Two coordinators starting at once: the unique panel per call refuses the second.
            UniqueMessage = FormCommands.ConcurrencyMessage,
            Done = _ => new("審査を開始しました。{0} 件の提案が審査中になりました。評価委員を割り当ててください。", started),
            RedirectTo = _ => ScreeningAdminPages.DashboardUrl(callId),
        }, cancellationToken);
    }

    [HttpPost("settings")]
    public Task<IActionResult> Settings(int callId, [Bind(Prefix = "Settings")] ScreeningSettingsInput input, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ScreeningCallPanel>
        {
            Load = ct => ScreeningAdminPages.LoadAsync(db, callId, ct),
            Versioned = loaded => loaded.Panel,
            Version = input.Version,
            Apply = (loaded, by) => loaded.Panel.UpdateSettings(input.Visibility!.Value, input.MinimumSheets!.Value, input.PassingScoreTenths, by.Now),
            Done = _ => "審査の設定を保存しました。",
            RedirectTo = _ => ScreeningAdminPages.DashboardUrl(callId),
            ShowAgain = async (loaded, ct) =>
                View(ScreeningAdminPages.DashboardView, await ScreeningAdminPages.DashboardAgainAsync(db, loaded.Call, input, null, ct)),
        }, cancellationToken);

    [HttpPost("close")]
    public Task<IActionResult> Close(int callId, CancellationToken cancellationToken) =>
        commands.RunAsync(this, new FormCommand<ScreeningCallPanel>
        {
            RequiresConfirmation = true,
            Load = ct => ScreeningAdminPages.LoadAsync(db, callId, ct),
            Apply = (loaded, by) => loaded.Panel.Close(by.Now),
            Done = _ => "審査を終了しました。評価票は確定し、変更できなくなりました。",
            RedirectTo = _ => ScreeningAdminPages.DashboardUrl(callId),
        }, cancellationToken);

    /// <summary>The standard deviation as the page shows it: one decimal.</summary>
    public static string Spread(double? standardDeviation) =>
        standardDeviation is { } sd ? Math.Round(sd, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) : "—";

    /// <summary>The call (tracked) whose screening has not started yet: 404, or back to the dashboard when it has.</summary>
    private async Task<Loaded<Call>> LoadCallToStartAsync(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return LoadRefusal.NotFound;
        }

        return await db.ScreeningPanels.AnyAsync(p => p.CallId == callId, cancellationToken)
            ? LoadRefusal.Redirect(ScreeningAdminPages.DashboardUrl(callId), "この募集の審査はすでに開始されています。")
            : call;
    }
}
