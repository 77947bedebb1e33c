using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using KyodoPortal.Web.Infrastructure.People;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>
/// What the screening dashboard links to rather than lists in full, so that a call of a hundred
/// proposals keeps a dashboard of a readable size: every change of the members' declarations, a page
/// at a time, and one proposal's score per criterion.
/// </summary>
[Route("calls/{callId:int}/screening")]
[Authorize(Policy = KyodoPolicies.Office)]
public sealed class ScreeningDetailsController(KyodoDbContext db) : Controller
{
    public const int HistoryPageSize = 50;

    [HttpGet("declarations")]
    public async Task<IActionResult> Declarations(int callId, int page = 1, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(callId, cancellationToken) is not var (call, panel))
        {
            return NotFound();
        }

        var proposalIds = panel.DeclarationHistory.Select(c => c.SubjectId).Distinct().ToList();
        var titles = await db.Proposals.AsNoTracking()
            .Where(p => proposalIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Title })
            .ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var people = await PeopleDirectory.NamesAsync(
            db, panel.DeclarationHistory.SelectMany(c => new[] { c.MemberUserId, c.ChangedByUserId }).Distinct(StringComparer.Ordinal), cancellationToken);
        var changes = ScreeningAdminQueries.DeclarationChanges(panel, titles, people.NameOf);

        return View(new DeclarationHistoryViewModel(ScreeningAdminQueries.Header(call), changes.ToPage(page, HistoryPageSize)));
    }

    [HttpGet("proposals/{proposalId:int}")]
    public async Task<IActionResult> Breakdown(int callId, int proposalId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(callId, cancellationToken) is not var (call, panel))
        {
            return NotFound();
        }

        var data = await ScreeningAdminQueries.LoadAsync(db, call, panel, cancellationToken);
        var line = data.Ranking.FirstOrDefault(l => l.Proposal.Id == proposalId);
        return line is null ? NotFound() : View(new ProposalBreakdownViewModel(ScreeningAdminQueries.Header(call), line));
    }

    /// <summary>The call and its panel (read only); null when there is no such call or its screening has not started.</summary>
    private async Task<(Call Call, ScreeningPanel Panel)?> LoadAsync(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        var panel = call is null ? null : await db.ScreeningPanels.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(p => p.CallId == callId, cancellationToken);
        return call is null || panel is null ? null : (call, panel);
    }
}
