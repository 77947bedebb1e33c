using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Evaluations;
using KyodoPortal.Web.Features.ScreeningAdmin;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.EvaluationAdmin;

/// <summary>Where a member is in the round.</summary>
public enum MemberProgress
{
    NotDeclared,
    Recused,
    NotStarted,
    Draft,
    Submitted,
}

/// <summary>One line of the coordinator's list of rounds.</summary>
public sealed record RoundListRow(RoundHeader Round, int Members, int Submitted, bool Published, bool Public);

/// <summary>A project year whose annual report is accepted and which has no round yet: the round is started on its year page.</summary>
public sealed record ReadyYearRow(int ProjectId, string ProjectTitle, int FiscalYear);

/// <summary>The coordinator's 評価・検証 list: the rounds, and the years waiting for one.</summary>
public sealed record RoundListViewModel(PageOf<RoundListRow> Page, IReadOnlyList<ReadyYearRow> ReadyYears, ListQuery Query)
{
    public IReadOnlyList<RoundListRow> Rounds => Page.Items;
}

public sealed record ProgressRow(PersonName Member, MemberProgress Progress, Score? Score, string? RecusalReason, bool RecusedByCoordinator);

/// <summary>A committee member's sheet as the coordinator reads it.</summary>
public sealed record CommitteeSheetRow(string MemberName, ScoreSheetStatus Status, Score? Score, IReadOnlyDictionary<int, ScoreEntry> Entries, string? Comment);

/// <summary>The state of one side's self-evaluation.</summary>
public sealed record SelfEvaluationState(SelfEvaluationSide Side, ScoreSheetStatus? Status);

/// <summary>The coordinator's page of one round.</summary>
public sealed record RoundDashboardViewModel(
    RoundHeader Header,
    EvaluationRound Round,
    IReadOnlyList<EvaluationCriterionView> Criteria,
    CriteriaInput CriteriaForm,
    IReadOnlyList<MemberCandidate> Candidates,
    IReadOnlyList<ProgressRow> Progress,
    EvaluationRecusalInput RecusalForm,
    SummaryTableModel Summary,
    IReadOnlyList<CommitteeSheetRow> Sheets,
    IReadOnlyList<SelfEvaluationState> SelfEvaluations,
    ConsolidationInput ConsolidationForm)
{
    public IEnumerable<MemberCandidate> AssignedMembers => Candidates.Where(c => c.Assigned);
}

public static class EvaluationAdminQueries
{
    /// <summary>All rounds, searched by project title and sorted as asked (newest year first by default).</summary>
    public static async Task<PageOf<RoundListRow>> RoundsAsync(KyodoDbContext db, ListQuery query, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await EvaluationQueries.RoundColumns(db)
            .Apply(EvaluationQueries.Matching(db, db.EvaluationRounds.AsNoTracking().AsSplitQuery(), query.Q), query.Sort)
            .ToPageAsync(page, cancellationToken);
        var rounds = found.Items;
        var roundIds = rounds.Select(r => r.Id).ToList();
        var projectIds = rounds.Select(r => r.ProjectId).Distinct().ToList();
        var titles = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var submitted = await db.EvaluationSheets.AsNoTracking()
            .Where(s => s.Status == ScoreSheetStatus.Submitted && roundIds.Contains(s.RoundId))
            .GroupBy(s => s.RoundId)
            .Select(g => new { RoundId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.RoundId, x => x.Count, cancellationToken);
        return found.With<RoundListRow>(
            [
                .. rounds.Select(r => new RoundListRow(
                    EvaluationQueries.Header(r, titles[r.ProjectId]),
                    r.Members.Count,
                    submitted.GetValueOrDefault(r.Id),
                    r.IsFeedbackPublished,
                    r.IsPublicFeedback)),
            ]);
    }

    /// <summary>Accepted reports of years without a round (one row per year, whatever the revision), oldest first.</summary>
    public static async Task<IReadOnlyList<ReadyYearRow>> ReadyYearsAsync(KyodoDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Status == AnnualReportStatus.Accepted
                && !db.EvaluationRounds.Any(round => round.ProjectId == r.ProjectId && round.FiscalYear == r.FiscalYear))
            .Join(db.Projects, r => r.ProjectId, p => p.Id, (r, p) => new { p.Id, p.Title, r.FiscalYear })
            .Distinct()
            .OrderBy(x => x.FiscalYear).ThenBy(x => x.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new ReadyYearRow(x.Id, x.Title, x.FiscalYear))];
    }

    public static async Task<RoundDashboardViewModel> DashboardAsync(
        KyodoDbContext db, EvaluationRound round, CriteriaInput? criteriaForm, EvaluationRecusalInput? recusalForm, ConsolidationInput? consolidationForm, CancellationToken cancellationToken)
    {
        var sheets = await db.EvaluationSheets.AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(cancellationToken);
        var selves = await db.SelfEvaluations.AsNoTracking().Where(s => s.RoundId == round.Id).ToListAsync(cancellationToken);
        var committee = await PeopleDirectory.InRoleAsync(db, KyodoRoles.CommitteeMember, cancellationToken);
        var names = await PeopleDirectory.NamesAsync(db, round.Members.Select(m => m.MemberUserId).Concat(sheets.Select(s => s.MemberUserId)), cancellationToken);

        var committeeIds = committee.Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        var candidates = committee
            .Concat(round.Members.Where(m => !committeeIds.Contains(m.MemberUserId)).Select(m => names.Person(m.MemberUserId)))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)
            .Select(p => new MemberCandidate(p.UserId, p.DisplayName, p.Email, round.IsMember(p.UserId), committeeIds.Contains(p.UserId)))
            .ToList();
        var rubric = round.Rubric;
        var sheetOf = sheets.ToDictionary(s => s.MemberUserId, StringComparer.Ordinal);
        var progress = round.Members
            .Select(m => names.Person(m.MemberUserId))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)
            .Select(p =>
            {
                var declaration = round.DeclarationOf(p.UserId);
                var sheet = sheetOf.GetValueOrDefault(p.UserId);
                var state = round.IsRecused(p.UserId) ? MemberProgress.Recused
                    : sheet is not null ? (sheet.IsSubmitted ? MemberProgress.Submitted : MemberProgress.Draft)
                    : declaration is null ? MemberProgress.NotDeclared : MemberProgress.NotStarted;
                return new ProgressRow(
                    p,
                    state,
                    state == MemberProgress.Submitted ? ScoreAggregation.MemberScore(rubric, sheet!.Entries) : null,
                    declaration?.HasConflict == true ? declaration.Reason : null,
                    declaration?.IsCoordinatorRecusal == true);
            })
            .ToList();
        var sheetRows = sheets
            .OrderBy(s => names.Person(s.MemberUserId).DisplayName, StringComparer.Ordinal)
            .Select(s => new CommitteeSheetRow(
                names.Person(s.MemberUserId).DisplayName,
                s.Status,
                s.IsSubmitted ? ScoreAggregation.MemberScore(rubric, s.Entries) : null,
                s.Entries.ToDictionary(e => e.CriterionId),
                s.OverallComment))
            .ToList();
        var criteria = EvaluationQueries.CriteriaOf(round);
        return new RoundDashboardViewModel(
            EvaluationQueries.Header(round, await db.Projects.AsNoTracking().Where(p => p.Id == round.ProjectId).Select(p => p.Title).FirstAsync(cancellationToken)),
            round,
            criteria,
            criteriaForm ?? CriteriaInput.From(round),
            candidates,
            progress,
            recusalForm ?? new EvaluationRecusalInput(),
            new SummaryTableModel(criteria, EvaluationSummary.For(round, sheets, selves)),
            sheetRows,
            [.. Enum.GetValues<SelfEvaluationSide>().Select(side => new SelfEvaluationState(side, selves.FirstOrDefault(s => s.Side == side)?.Status))],
            consolidationForm ?? ConsolidationInput.From(round));
    }
}
