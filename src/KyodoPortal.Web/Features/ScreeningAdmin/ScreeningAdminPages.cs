using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Forms;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>A call and its screening panel (tracked), as the coordinator's screening actions load them.</summary>
public sealed record ScreeningCallPanel(Call Call, ScreeningPanel Panel);

/// <summary>What the coordinator's screening controllers share: the loader, the dashboard and its URL.</summary>
internal static class ScreeningAdminPages
{
    /// <summary>The name of the dashboard view every controller of this folder shows again after a refusal.</summary>
    public const string DashboardView = "Index";

    public static string DashboardUrl(int callId) => $"/calls/{callId}/screening";

    /// <summary>The call and its panel (tracked); 404 when there is no such call or its screening has not started.</summary>
    public static async Task<Loaded<ScreeningCallPanel>> LoadAsync(KyodoDbContext db, int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        return call is null || panel is null ? LoadRefusal.NotFound : new ScreeningCallPanel(call, panel);
    }

    /// <summary>The dashboard: progress, candidates (the committee and anyone already on the panel), recusals and ranking.</summary>
    public static async Task<ScreeningDashboardViewModel> DashboardAsync(
        KyodoDbContext db, Call call, ScreeningPanel panel, ScreeningSettingsInput settings, RecusalInput recusal, CancellationToken cancellationToken)
    {
        var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
        var committee = await PeopleDirectory.InRoleAsync(db, KyodoRoles.CommitteeMember, cancellationToken);
        var others = await PeopleDirectory.NamesAsync(db, ScreeningAdminQueries.ReferencedUserIds(data), cancellationToken);
        return ScreeningAdminQueries.Dashboard(data, committee, [.. others.All], settings, recusal);
    }

    /// <summary>
    /// The dashboard again after a refused form (the change tracker was cleared): the panel as it is
    /// now, with the person's input; the settings form carries the current version, so saving once
    /// more (after reading the message) is deliberate.
    /// </summary>
    public static async Task<ScreeningDashboardViewModel> DashboardAgainAsync(
        KyodoDbContext db, Call call, ScreeningSettingsInput? settings, RecusalInput? recusal, CancellationToken cancellationToken)
    {
        var panel = await db.ScreeningPanels.AsNoTracking().AsSplitQuery().FirstAsync(p => p.CallId == call.Id, cancellationToken);
        if (settings is not null)
        {
            settings.Version = panel.Version;
        }

        return await DashboardAsync(db, call, panel, settings ?? ScreeningSettingsInput.From(panel), recusal ?? new RecusalInput(), cancellationToken);
    }
}
