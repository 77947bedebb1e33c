using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Export;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>審査の運営: the ranking and every score sheet as Excel or CSV, as the dashboard shows them.</summary>
[Route("calls/{callId:int}/screening")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class ScreeningExportsController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>
    /// <c>?format=xlsx|csv</c>: every score sheet, one row per member and proposal, with the points
    /// (or 該当なし) per criterion, the member's score and comments — the table a clerk used to type.
    /// </summary>
    [HttpGet("scores/export")]
    public async Task<IActionResult> ExportScores(int callId, [FromQuery] ExportFormat? format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        var call = await db.Calls.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
        var names = (await PeopleDirectory.NamesAsync(db, data.Sheets.Select(s => s.MemberUserId), cancellationToken)).ToDisplayNames();
        var rows = ScoreTableRow.From(data, names);
        var criteria = RubricCriterion.FromCall(call);
        var table = ExportTable.Create(localizer["{0}_評価票一覧", call.Name].Value, rows, c =>
        {
            c.Text(localizer["事業名"], r => r.ProposalTitle)
                .Text(localizer["評価委員"], r => r.MemberName)
                .Text(localizer["状態"], r => r.Submitted ? localizer["提出済み"].Value : localizer["下書き"].Value)
                .Text(localizer["集計"], r => r.Counted ? localizer["集計対象"].Value
                    : r.Recused ? localizer["集計対象外（利害関係により回避）"].Value : localizer["集計対象外"].Value);
            foreach (var criterion in criteria)
            {
                c.Text(localizer["{0}（{1}点満点・重み{2}）", criterion.Name, criterion.MaxPoints, criterion.Weight], r => r.Points(criterion.Id, localizer["該当なし"].Value));
            }

            c.Number(localizer["委員の得点"], r => r.Score?.Rounded)
                .Text(localizer["コメント"], r => r.Comments)
                .Text(localizer["総評"], r => r.OverallComment);
        });
        return ExportFileResult.Create(table, chosen, clock);
    }

    /// <summary><c>?format=xlsx|csv</c>: the ranking as the dashboard shows it; anything else is a bad request.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export(int callId, [FromQuery] ExportFormat? format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await ScreeningAdminQueries.PanelAsync(db, callId, cancellationToken);
        if (call is null || panel is null)
        {
            return NotFound();
        }

        var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
        var table = ExportTable.Create(localizer["{0}_審査順位", call.Name].Value, data.Ranking, c => c
            .Number(localizer["順位"], r => r.Row.Rank)
            .Text(localizer["事業名"], r => r.Proposal.Title)
            .Text(localizer["提案者"], r => r.Proposal.Proposer)
            .Yen(localizer["市負担金合計"], r => r.Proposal.CityShareTotal)
            .Number(localizer["得点"], r => r.Row.Score?.Rounded)
            .Number(localizer["最低点"], r => r.Summary.Lowest?.Rounded)
            .Number(localizer["最高点"], r => r.Summary.Highest?.Rounded)
            .Number(localizer["ばらつき（標準偏差）"], r => r.Summary.StandardDeviation is { } sd ? Math.Round((decimal)sd, 1, MidpointRounding.AwayFromZero) : null)
            .Number(localizer["集計した評価票"], r => r.Row.SheetsCounted)
            .Number(localizer["予定の評価票"], r => r.Row.SheetsExpected)
            .Text(localizer["注意"], r => string.Join(" / ", r.WarningKeys.Select(key => localizer[key].Value))));
        return ExportFileResult.Create(table, chosen, clock);
    }
}
