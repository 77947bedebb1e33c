using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Export;
using KyodoPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KyodoPortal.Web.Features.CallProposals;

/// <summary>
/// The coordinating office's view of every proposal sent to one call: who proposed what, where
/// each stands and how much city money it asks for, filterable, and downloadable for Excel.
/// </summary>
[Route("calls/{callId:int}/proposals")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class CallProposalsController(KyodoDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int callId, [FromQuery] ProposalStatus? status, [FromQuery] string? q, [FromQuery] string? sort, [FromQuery] string? dir, CancellationToken cancellationToken)
    {
        var call = await CallProposalQueries.CallAsync(db, callId, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        // An unknown status in a hand-edited URL lists everything rather than failing.
        var search = new CallProposalSearch(status is { } s && Enum.IsDefined(s) ? s : null, ListQuery.Term(q));
        var order = CallProposalQueries.Sort(db, sort, dir);
        var rows = await CallProposalQueries.RowsAsync(db, callId, search, order, CallProposalQueries.MaxRows + 1, cancellationToken);
        var truncated = rows.Count > CallProposalQueries.MaxRows;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var summary = search.IsEmpty && !truncated
            ? CallProposalQueries.SummaryOf(rows)
            : await CallProposalQueries.SummaryAsync(db, callId, cancellationToken);
        return View(new CallProposalListViewModel(call, search, order, rows, summary, truncated));
    }

    /// <summary><c>?format=xlsx|csv</c>, with the same filters as the list; anything else is a bad request.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export(int callId, [FromQuery] ExportFormat? format, [FromQuery] ProposalStatus? status, [FromQuery] string? q, [FromQuery] string? sort, [FromQuery] string? dir, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not { } chosen || !Enum.IsDefined(chosen) || (status is { } s && !Enum.IsDefined(s)))
        {
            return BadRequest();
        }

        var call = await CallProposalQueries.CallAsync(db, callId, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        var rows = await CallProposalQueries.RowsAsync(db, callId, new CallProposalSearch(status, ListQuery.Term(q)), CallProposalQueries.Sort(db, sort, dir), CallProposalQueries.MaxRows, cancellationToken);
        var table = ExportTable.Create(localizer["{0}_提案一覧", call.Name].Value, rows, c => c
            .Number(localizer["提案番号"], r => r.Id)
            .Text(localizer["事業名"], r => r.Title)
            .Text(localizer["提案者"], r => Proposer(call.ProposalType, r))
            .Text(localizer["担当課"], r => r.DepartmentName)
            .Text(localizer["状態"], r => localizer.Label(r.Status))
            .Yen(localizer["市負担金合計"], r => r.CityShareTotal)
            .UtcDateTime(localizer["提出日時"], r => r.SubmittedAtUtc)
            .UtcDateTime(localizer["最終更新"], r => r.UpdatedAtUtc));
        return ExportFileResult.Create(table, chosen, clock);
    }

    /// <summary>
    /// Who proposed: the group (group proposals), the department (department proposals), or both
    /// (mutual proposals); whichever is known when the draft is not complete yet.
    /// </summary>
    public static string? Proposer(ProposalType type, CallProposalRow row) => type switch
    {
        ProposalType.GroupProposal => row.GroupName,
        ProposalType.DepartmentProposal => row.DepartmentName,
        _ => row.GroupName is null || row.DepartmentName is null
            ? row.GroupName ?? row.DepartmentName
            : $"{row.GroupName} / {row.DepartmentName}",
    };
}
