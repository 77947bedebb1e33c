using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.CallProposals;

/// <summary>What the coordinator's list of a call's proposals is filtered by; every part optional.</summary>
public sealed record CallProposalSearch(ProposalStatus? Status, string? Q)
{
    public bool IsEmpty => Status is null && string.IsNullOrWhiteSpace(Q);

    /// <summary>The filters as a query string (<c>status=Submitted&amp;q=…</c>, escaped), empty when none, for links that keep them.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>(2);
        if (Status is { } status)
        {
            parts.Add("status=" + Uri.EscapeDataString(status.ToString()));
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add("q=" + Uri.EscapeDataString(Q.Trim()));
        }

        return string.Join('&', parts);
    }
}

public sealed record CallHeader(int Id, string Name, ProposalType ProposalType, int FiscalYear);

/// <summary>One proposal of a call as the coordinating office reviews it.</summary>
public sealed record CallProposalRow(
    int Id,
    string Title,
    string? GroupName,
    string? DepartmentName,
    ProposalStatus Status,
    long CityShareTotal,
    DateTime UpdatedAtUtc,
    DateTime? SubmittedAtUtc);

public sealed record StatusCount(ProposalStatus Status, int Count);

/// <summary>Counts over every proposal of the call (whatever the filter) and the city share asked for by those not withdrawn.</summary>
public sealed record CallProposalSummary(int Total, IReadOnlyList<StatusCount> ByStatus, long CityShareTotal);

public sealed record CallProposalListViewModel(
    CallHeader Call,
    CallProposalSearch Search,
    ListSort Sort,
    IReadOnlyList<CallProposalRow> Rows,
    CallProposalSummary Summary,
    bool Truncated)
{
    /// <summary>"?format=xlsx&amp;status=…": the export link for the list as filtered (and sorted, when not in the default order).</summary>
    public string ExportUrl(string format)
    {
        var filters = Search.ToQueryString();
        var order = Sort == CallProposalQueries.DefaultSort ? string.Empty : $"&sort={Uri.EscapeDataString(Sort.Key)}&dir={Sort.Direction}";
        return $"/calls/{Call.Id}/proposals/export?format={format}" + (filters.Length > 0 ? "&" + filters : string.Empty) + order;
    }
}

/// <summary>
/// Projections for the coordinator's list of a call's proposals. Names, the city share and the
/// submission time are scalar subqueries of the one row query (no navigation needs APPLY, so it
/// runs on SQLite as well as PostgreSQL): the list is one command however many proposals it shows.
/// </summary>
public static class CallProposalQueries
{
    /// <summary>A call has tens of proposals; this is only a safety net.</summary>
    public const int MaxRows = 500;

    public static Task<CallHeader?> CallAsync(KyodoDbContext db, int callId, CancellationToken cancellationToken) =>
        db.Calls.AsNoTracking()
            .Where(c => c.Id == callId)
            .Select(c => new CallHeader(c.Id, c.Name, c.ProposalType, c.FiscalYear))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// 事業名, 提案者 (the group), 担当課, 市負担金合計, 最終更新, and the default: the order the proposals
    /// were started (提案番号).
    /// </summary>
    public static readonly ListSort DefaultSort = new("number", Descending: false);

    private static SortColumns<Proposal> Columns(KyodoDbContext db) => new SortColumns<Proposal>(DefaultSort.Key, DefaultSort.Descending, p => p.Id)
        .Column("number", p => p.Id)
        .Column("title", p => p.Title)
        .Column("proposer", p => db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault())
        .Column("department", p => db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault())
        .Column("cityShare", p => p.BudgetLines.Where(l => l.Category == BudgetCategory.CityShare).Sum(l => l.Amount))
        .Column("updated", p => p.UpdatedAtUtc);

    /// <summary>The order a request asks for, or the default.</summary>
    public static ListSort Sort(KyodoDbContext db, string? sort, string? dir) => Columns(db).Resolve(sort, dir);

    /// <summary>
    /// The proposals of <paramref name="callId"/> that match <paramref name="search"/>, in the order
    /// asked for (by default the order they were started); at most <paramref name="take"/> rows.
    /// </summary>
    public static Task<List<CallProposalRow>> RowsAsync(KyodoDbContext db, int callId, CallProposalSearch search, ListSort sort, int take, CancellationToken cancellationToken)
    {
        var query = db.Proposals.AsNoTracking().Where(p => p.CallId == callId);
        if (search.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            var term = search.Q.Trim();
            query = query.Where(p => p.Title.Contains(term)
                || db.CitizenGroups.Any(g => g.Id == p.ProposingGroupId && g.Name.Contains(term)));
        }

        return Columns(db).Apply(query, sort)
            .Select(p => new CallProposalRow(
                p.Id,
                p.Title,
                db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault(),
                db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault(),
                p.Status,
                p.BudgetLines.Where(l => l.Category == BudgetCategory.CityShare).Sum(l => l.Amount),
                p.UpdatedAtUtc,
                p.History.Where(h => h.To == ProposalStatus.Submitted || h.To == ProposalStatus.Resubmitted).Max(h => (DateTime?)h.AtUtc)))
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One command: each proposal's status and city share (tens of rows), totalled here.</summary>
    public static async Task<CallProposalSummary> SummaryAsync(KyodoDbContext db, int callId, CancellationToken cancellationToken)
    {
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.CallId == callId)
            .Select(p => new { p.Status, CityShare = p.BudgetLines.Where(l => l.Category == BudgetCategory.CityShare).Sum(l => l.Amount) })
            .ToListAsync(cancellationToken);
        return Summarize([.. rows.Select(r => (r.Status, r.CityShare))]);
    }

    /// <summary>
    /// The summary of rows that are every proposal of the call (the unfiltered list, not truncated):
    /// no second command for what the rows already hold.
    /// </summary>
    public static CallProposalSummary SummaryOf(IReadOnlyList<CallProposalRow> everyProposal) =>
        Summarize([.. everyProposal.Select(r => (r.Status, r.CityShareTotal))]);

    private static CallProposalSummary Summarize(IReadOnlyList<(ProposalStatus Status, long CityShare)> rows) =>
        new(
            rows.Count,
            [.. rows.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => new StatusCount(g.Key, g.Count()))],
            rows.Where(r => r.Status != ProposalStatus.Withdrawn).Sum(r => r.CityShare));
}
