using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.ScreeningAdmin;
using KyodoPortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.CallResults;

/// <summary>One decided proposal on the public results page; rank and score only when published.</summary>
public sealed record CallResultLine(int ProposalId, string Title, string? Proposer, bool Selected, int? Rank, Score? Score);

public sealed record CallResultsViewModel(int CallId, string CallName, int FiscalYear, bool RankingPublished, DateTime? PublishedAtUtc, IReadOnlyList<CallResultLine> Lines);

/// <summary>
/// 選考結果 (public): for a published call whose screening has decisions, the selected proposals;
/// once the coordinator publishes the ranking, every decided proposal with its rank and score as
/// recorded at the decision. Nothing here before a decision exists (404).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class CallResultsController(KyodoDbContext db) : Controller
{
    [HttpGet("/calls/{callId:int}/results")]
    public async Task<IActionResult> Index(int callId, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking()
            .Where(c => c.Id == callId && c.IsPublished)
            .Select(c => new { c.Id, c.Name, c.FiscalYear, c.ProposalType })
            .FirstOrDefaultAsync(cancellationToken);
        var panel = call is null
            ? null
            : await db.ScreeningPanels.AsNoTracking().Include(p => p.Decisions).FirstOrDefaultAsync(p => p.CallId == callId, cancellationToken);
        if (call is null || panel is null || panel.IsOpen || panel.Decisions.Count == 0)
        {
            return NotFound();
        }

        var published = panel.IsRankingPublished;
        var shown = panel.Decisions.Where(d => published || d.Selected).ToList();
        var ids = shown.Select(d => d.ProposalId).ToList();
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && (p.Status == ProposalStatus.Selected || p.Status == ProposalStatus.NotSelected))
            .Select(p => new { p.Id, p.Title, p.ProposingGroupId, p.PartnerDepartmentId })
            .ToListAsync(cancellationToken);
        var groupIds = proposals.Where(p => p.ProposingGroupId is not null).Select(p => p.ProposingGroupId!.Value).Distinct().ToList();
        var departmentIds = proposals.Where(p => p.PartnerDepartmentId is not null).Select(p => p.PartnerDepartmentId!.Value).Distinct().ToList();
        var groups = await db.CitizenGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Name }).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

        var lines = (
            from decision in shown
            join proposal in proposals on decision.ProposalId equals proposal.Id
            let proposer = ScreeningAdminQueries.Proposer(
                call.ProposalType,
                proposal.ProposingGroupId is { } g ? groups.GetValueOrDefault(g) : null,
                proposal.PartnerDepartmentId is { } d ? departments.GetValueOrDefault(d) : null)
            select new CallResultLine(
                proposal.Id,
                proposal.Title,
                proposer,
                decision.Selected,
                published ? decision.RankAtDecision : null,
                published && decision.ScoreTenthsAtDecision is { } tenths ? Score.FromTenths((int)tenths) : null))
            .OrderBy(line => line.Rank ?? int.MaxValue)
            .ThenBy(line => line.ProposalId)
            .ToList();
        return View(new CallResultsViewModel(call.Id, call.Name, call.FiscalYear, published, panel.RankingPublishedAtUtc, lines));
    }
}
