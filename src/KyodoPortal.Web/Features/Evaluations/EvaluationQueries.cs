using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Minutes;
using KyodoPortal.Web.Features.Projects;
using KyodoPortal.Web.Features.ProjectYears;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Evaluations;

/// <summary>Loading rounds, sheets and the year's materials; shared by the member, party and coordinator pages.</summary>
public static class EvaluationQueries
{
    public static Task<EvaluationRound?> RoundAsync(KyodoDbContext db, int roundId, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.EvaluationRounds.AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
    }

    public static Task<EvaluationRound?> RoundOfYearAsync(KyodoDbContext db, int projectId, int fiscalYear, CancellationToken cancellationToken) =>
        db.EvaluationRounds.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(r => r.ProjectId == projectId && r.FiscalYear == fiscalYear, cancellationToken);

    public static async Task<RoundHeader> HeaderAsync(KyodoDbContext db, EvaluationRound round, CancellationToken cancellationToken)
    {
        var title = await db.Projects.AsNoTracking().Where(p => p.Id == round.ProjectId).Select(p => p.Title).FirstAsync(cancellationToken);
        return Header(round, title);
    }

    public static RoundHeader Header(EvaluationRound round, string projectTitle) =>
        new(round.Id, round.ProjectId, projectTitle, round.FiscalYear, round.Status);

    public static IReadOnlyList<EvaluationCriterionView> CriteriaOf(EvaluationRound round) =>
        [.. round.OrderedCriteria.Select(c => new EvaluationCriterionView(c.Id, c.Category, c.Name, c.Weight, c.MaxPoints))];

    /// <summary>Whether the year has an accepted annual report (any revision): the condition for opening a round.</summary>
    public static Task<bool> ReportAcceptedAsync(KyodoDbContext db, int projectId, int fiscalYear, CancellationToken cancellationToken) =>
        db.AnnualReports.AnyAsync(r => r.ProjectId == projectId && r.FiscalYear == fiscalYear && r.Status == AnnualReportStatus.Accepted, cancellationToken);

    /// <summary>
    /// The columns of the round lists (the coordinator's and a member's): 事業名 (looked up in the same
    /// statement), 対象年度 (the default, newest first), 状態 (評価中 before 評価終了, a CASE over the text).
    /// </summary>
    public static SortColumns<EvaluationRound> RoundColumns(KyodoDbContext db) => new SortColumns<EvaluationRound>("year", defaultDescending: true, r => r.Id)
        .Column("project", r => db.Projects.Where(p => p.Id == r.ProjectId).Select(p => p.Title).FirstOrDefault())
        .Column("year", r => r.FiscalYear)
        .Column("status", r => r.Status == EvaluationRoundStatus.Open ? 0 : 1).ThenBy(r => r.FiscalYear);

    /// <summary>Rounds whose project title contains the search (all of them when there is none).</summary>
    public static IQueryable<EvaluationRound> Matching(KyodoDbContext db, IQueryable<EvaluationRound> rounds, string? term) =>
        term is null ? rounds : rounds.Where(r => db.Projects.Any(p => p.Id == r.ProjectId && p.Title.Contains(term)));

    /// <summary>The member's rounds, searched by project title and sorted as asked (newest year first by default).</summary>
    public static async Task<MyRoundListViewModel> MyRoundsAsync(KyodoDbContext db, string userId, ListRequest request, int page, CancellationToken cancellationToken)
    {
        var columns = RoundColumns(db);
        var query = columns.Query(request);
        var mine = db.EvaluationRounds.AsNoTracking().AsSplitQuery().Where(r => r.Members.Any(m => m.MemberUserId == userId));
        var found = await columns.Apply(Matching(db, mine, query.Q), query.Sort).ToPageAsync(page, cancellationToken);
        var rounds = found.Items;
        var roundIds = rounds.Select(r => r.Id).ToList();
        var projectIds = rounds.Select(r => r.ProjectId).Distinct().ToList();
        var titles = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var sheets = await db.EvaluationSheets.AsNoTracking()
            .Where(s => roundIds.Contains(s.RoundId) && s.MemberUserId == userId)
            .Select(s => new { s.RoundId, s.Status })
            .ToDictionaryAsync(s => s.RoundId, s => s.Status, cancellationToken);
        return new MyRoundListViewModel(
            found.With<MyRoundRow>(
                [
                    .. rounds.Select(r => new MyRoundRow(
                        Header(r, titles[r.ProjectId]),
                        r.HasDeclared(userId),
                        r.IsRecused(userId),
                        sheets.TryGetValue(r.Id, out var status) ? status : null)),
                ]),
            query);
    }

    public static Task<EvaluationSheet?> SheetOfAsync(KyodoDbContext db, int roundId, string memberUserId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.EvaluationSheets : db.EvaluationSheets.AsNoTracking();
        return query.FirstOrDefaultAsync(s => s.RoundId == roundId && s.MemberUserId == memberUserId, cancellationToken);
    }

    public static Task<SelfEvaluation?> SelfEvaluationAsync(KyodoDbContext db, int roundId, SelfEvaluationSide side, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.SelfEvaluations : db.SelfEvaluations.AsNoTracking();
        return query.FirstOrDefaultAsync(s => s.RoundId == roundId && s.Side == side, cancellationToken);
    }

    /// <summary>The committee's aggregate with the self-evaluations beside it.</summary>
    public static async Task<EvaluationSummary> SummaryAsync(KyodoDbContext db, EvaluationRound round, CancellationToken cancellationToken)
    {
        var sheets = await db.EvaluationSheets.AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(cancellationToken);
        var selves = await db.SelfEvaluations.AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(cancellationToken);
        return EvaluationSummary.For(round, sheets, selves);
    }

    /// <summary>
    /// The year's materials for the committee: the year's figures through the fiscal-year page's
    /// own query (read as a non-party, so without edit links), the accepted report and the
    /// approved change requests.
    /// </summary>
    public static async Task<EvaluationMaterials> MaterialsAsync(KyodoDbContext db, EvaluationRound round, CancellationToken cancellationToken)
    {
        var project = await ProjectQueries.LoadAsync(db, round.ProjectId, tracking: false, cancellationToken)
            ?? throw new InvalidOperationException("The round's project is missing.");
        var year = await ProjectYearQueries.PageAsync(db, project, round.FiscalYear, ProjectSide.None, cancellationToken);
        var report = await db.AnnualReports.AsNoTracking().AsSplitQuery()
            .Where(r => r.ProjectId == round.ProjectId && r.FiscalYear == round.FiscalYear && r.Status == AnnualReportStatus.Accepted)
            .OrderByDescending(r => r.Revision)
            .FirstOrDefaultAsync(cancellationToken);
        var changes = await db.ChangeRequests.AsNoTracking()
            .Where(c => c.ProjectId == round.ProjectId && c.Status == ChangeRequestStatus.Approved)
            .OrderBy(c => c.DecidedAtUtc).ThenBy(c => c.Id)
            .Select(c => new ApprovedChangeLine(c.Id, c.Reason, c.DecidedAtUtc))
            .ToListAsync(cancellationToken);
        var qa = await ProjectQaQueries.ForProjectYearAsync(db, round.ProjectId, round.FiscalYear, cancellationToken);
        return new EvaluationMaterials(report, year, changes) { ReportMeetingQa = qa };
    }
}
