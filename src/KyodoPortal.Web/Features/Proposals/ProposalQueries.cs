using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Proposals;

public sealed record ProposalNames(string CallName, string? GroupName, string? DepartmentName);

public sealed record MyProposalRow(int Id, string Title, int CallId, string CallName, ProposalStatus Status, DateTime UpdatedAtUtc, long CityShareTotal);

/// <summary>A proposer's own proposals in the order asked for (a group's or a department's: few, no search).</summary>
public sealed record MyProposalListViewModel(IReadOnlyList<MyProposalRow> Proposals, ListSort Sort);

public sealed record PartnerOptions(IReadOnlyList<SelectOption> Departments, IReadOnlyList<SelectOption> Groups);

public sealed record ProposalPageViewModel(
    Proposal Proposal,
    Call Call,
    ProposalNames Names,
    bool IsProposer,
    bool IsOffice,
    bool CanEdit,
    IReadOnlyList<SubmissionProblem> Problems,
    bool CallIsOpen,
    ProposalActor Actor,
    ProposalDecisionView? Decision = null,
    int? ProjectId = null);

/// <summary>
/// The screening decision (選考結果) on a decided proposal. The rank and score (as recorded with the
/// decision) only once the coordinator has published the ranking; null otherwise.
/// </summary>
public sealed record ProposalDecisionView(bool Selected, string? Reason, DateTime DecidedAtUtc, int? PublishedRank, Score? PublishedScore);

/// <summary>What every section editor shows around its form (the header and the section links).</summary>
public abstract record ProposalSection(Proposal Proposal, Call Call, ProposalNames Names);

/// <summary>A section editor: the proposal for context, and the section's input.</summary>
public sealed record ProposalSectionViewModel<TInput>(Proposal Proposal, Call Call, ProposalNames Names, TInput Input, PartnerOptions Partners)
    : ProposalSection(Proposal, Call, Names)
    where TInput : IVersionedInput;

public sealed record NewProposalViewModel(Call Call, NewProposalInput Input, PartnerOptions Partners);

public static class ProposalQueries
{
    /// <summary>
    /// The whole proposal aggregate (split query: one command per section) and its call, for the
    /// actions that change or show a single proposal. Null when it does not exist.
    /// </summary>
    public static async Task<(Proposal Proposal, Call Call)?> LoadAsync(KyodoDbContext db, int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Proposals.AsSplitQuery();
        var proposal = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == proposal.CallId, cancellationToken);
        return (proposal, call);
    }

    /// <summary>The proposals of the user's own group and department, newest first.</summary>
    /// <summary>事業名, 募集 (the call's name, looked up in the same statement), 更新日時 (the default, latest first).</summary>
    public static SortColumns<Proposal> MineColumns(KyodoDbContext db) => new SortColumns<Proposal>("updated", defaultDescending: true, p => p.Id)
        .Column("title", p => p.Title)
        .Column("call", p => db.Calls.Where(c => c.Id == p.CallId).Select(c => c.Name).FirstOrDefault())
        .Column("updated", p => p.UpdatedAtUtc);

    public static async Task<MyProposalListViewModel> MineAsync(KyodoDbContext db, int? groupId, int? departmentId, string? sort, string? dir, CancellationToken cancellationToken)
    {
        var columns = MineColumns(db);
        var order = columns.Resolve(sort, dir);
        var mine = db.Proposals.AsNoTracking()
            .Where(p => (groupId != null && p.ProposingGroupId == groupId) || (departmentId != null && p.PartnerDepartmentId == departmentId));
        var rows = await columns.Apply(mine, order)
            .Select(p => new MyProposalRow(
                p.Id,
                p.Title,
                p.CallId,
                db.Calls.Where(c => c.Id == p.CallId).Select(c => c.Name).First(),
                p.Status,
                p.UpdatedAtUtc,
                p.BudgetLines.Where(l => l.Category == BudgetCategory.CityShare).Sum(l => l.Amount)))
            .Take(200)
            .ToListAsync(cancellationToken);
        return new MyProposalListViewModel(rows, order);
    }

    public static async Task<ProposalNames> NamesAsync(KyodoDbContext db, Proposal proposal, CancellationToken cancellationToken)
    {
        var names = await db.Calls.AsNoTracking()
            .Where(c => c.Id == proposal.CallId)
            .Select(c => new ProposalNames(
                c.Name,
                db.CitizenGroups.Where(g => g.Id == proposal.ProposingGroupId).Select(g => g.Name).FirstOrDefault(),
                db.Departments.Where(d => d.Id == proposal.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault()))
            .SingleAsync(cancellationToken);
        return names;
    }

    /// <summary>The recorded decision of a decided (採択 / 不採択) proposal, one command; null otherwise.</summary>
    /// <summary>The project a selected proposal became, so its page leads on to it (none before the project is created).</summary>
    public static async Task<int?> ProjectIdAsync(KyodoDbContext db, Proposal proposal, CancellationToken cancellationToken)
    {
        if (proposal.Status != ProposalStatus.Selected)
        {
            return null;
        }

        var proposalId = proposal.Id;
        return await db.Projects.AsNoTracking().Where(p => p.ProposalId == proposalId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public static async Task<ProposalDecisionView?> DecisionAsync(KyodoDbContext db, Proposal proposal, CancellationToken cancellationToken)
    {
        if (proposal.Status is not (ProposalStatus.Selected or ProposalStatus.NotSelected))
        {
            return null;
        }

        var proposalId = proposal.Id;
        var row = await db.ScreeningPanels.AsNoTracking()
            .SelectMany(p => p.Decisions, (p, d) => new { p.RankingPublishedAtUtc, d.ProposalId, d.Selected, d.Reason, d.DecidedAtUtc, d.RankAtDecision, d.ScoreTenthsAtDecision })
            .Where(d => d.ProposalId == proposalId)
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var published = row.RankingPublishedAtUtc is not null;
        return new ProposalDecisionView(
            row.Selected,
            row.Reason,
            row.DecidedAtUtc,
            published ? row.RankAtDecision : null,
            published && row.ScoreTenthsAtDecision is { } tenths ? Score.FromTenths((int)tenths) : null);
    }

    /// <summary>Active departments and groups, plus the proposal's current ones even if since deactivated (else saving would drop them).</summary>
    public static async Task<PartnerOptions> PartnerOptionsAsync(KyodoDbContext db, int? currentDepartmentId, int? currentGroupId, CancellationToken cancellationToken) =>
        new(
            await db.Departments.AsNoTracking().Where(d => d.IsActive || d.Id == currentDepartmentId).OrderBy(d => d.Name).Select(d => new SelectOption(d.Id, d.Name)).ToListAsync(cancellationToken),
            await db.CitizenGroups.AsNoTracking().Where(g => g.IsActive || g.Id == currentGroupId).OrderBy(g => g.NameKana ?? g.Name).Select(g => new SelectOption(g.Id, g.Name)).ToListAsync(cancellationToken));
}
