using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Features.Proposals;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.People;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Web.Features.Screening;

/// <summary>One panel on the member's list: 提出済み <see cref="Submitted"/> / <see cref="Expected"/>.</summary>
public sealed record MyPanelRow(int PanelId, string CallName, int FiscalYear, ScreeningPanelStatus Status, int Submitted, int Expected);

/// <summary>A member's panels in the order asked for (a panel per call: few, no search).</summary>
public sealed record MyPanelListViewModel(IReadOnlyList<MyPanelRow> Panels, ListSort Sort);

/// <summary>The member's own declaration on a proposal.</summary>
public enum DeclarationState
{
    NotDeclared,
    NoConflict,
    Conflict,
}

public sealed record PanelProposalRow(
    int ProposalId,
    string Title,
    string? ProposerName,
    ProposalStatus Status,
    DeclarationState Declaration,
    ScoreSheetStatus? SheetStatus);

public sealed record PanelHeader(int PanelId, int CallId, string CallName, int FiscalYear, ScreeningPanelStatus Status, OtherSheetsVisibility OtherSheetsVisibility)
{
    public bool IsOpen => Status == ScreeningPanelStatus.Open;
}

/// <summary>
/// The panel page. When a declaration was refused, <see cref="FailedProposalId"/> names the
/// proposal whose form shows <see cref="FailedInput"/> and the messages.
/// </summary>
public sealed record PanelPageViewModel(PanelHeader Panel, IReadOnlyList<PanelProposalRow> Proposals, int? FailedProposalId, DeclarationInput? FailedInput);

public sealed record CriterionView(int Id, string Name, string? Description, int Weight, int MaxPoints);

public sealed record OtherSheetView(string MemberName, Score? Score, IReadOnlyDictionary<int, ScoreEntry> Entries, string? OverallComment);

public sealed record SheetPageViewModel(
    PanelHeader Panel,
    ProposalPageViewModel Proposal,
    IReadOnlyList<CriterionView> Criteria,
    SheetInput Input,
    ScoreSheetStatus? SheetStatus,
    bool CanEdit,
    Score? OwnScore,
    bool OthersVisible,
    IReadOnlyList<OtherSheetView> Others)
{
    public CriterionScoreInput RowFor(int index, int criterionId) =>
        index < Input.Criteria.Count && Input.Criteria[index].CriterionId == criterionId
            ? Input.Criteria[index]
            : new CriterionScoreInput { CriterionId = criterionId };
}

public static class ScreeningQueries
{
    /// <summary>Proposals a panel screens: those moved to 審査中 and, later, decided.</summary>
    public static bool IsScreened(ProposalStatus status) =>
        status is ProposalStatus.UnderScreening or ProposalStatus.Selected or ProposalStatus.NotSelected;

    /// <summary>The panels the member is assigned to, newest call first; one query.</summary>
    /// <summary>
    /// The columns of a member's panels: 募集名 and 対象年度 (the call's, looked up in the same statement;
    /// the year is the default, newest first), 状態 (審査中 before 審査終了, a CASE over the text).
    /// </summary>
    public static SortColumns<ScreeningPanel> PanelColumns(KyodoDbContext db) => new SortColumns<ScreeningPanel>("year", defaultDescending: true, p => p.Id)
        .Column("call", p => db.Calls.Where(c => c.Id == p.CallId).Select(c => c.Name).FirstOrDefault())
        .Column("year", p => db.Calls.Where(c => c.Id == p.CallId).Select(c => c.FiscalYear).FirstOrDefault())
        .Column("status", p => p.Status == ScreeningPanelStatus.Open ? 0 : 1);

    public static async Task<MyPanelListViewModel> MyPanelsAsync(KyodoDbContext db, string userId, string? sort, string? dir, CancellationToken cancellationToken)
    {
        var columns = PanelColumns(db);
        var order = columns.Resolve(sort, dir);
        var panels = await columns.Apply(db.ScreeningPanels.AsNoTracking().Where(p => p.Members.Any(m => m.MemberUserId == userId)), order)
            .Select(p => new MyPanelRow(
                p.Id,
                db.Calls.Where(c => c.Id == p.CallId).Select(c => c.Name).First(),
                db.Calls.Where(c => c.Id == p.CallId).Select(c => c.FiscalYear).First(),
                p.Status,
                db.ScoreSheets.Count(s => s.PanelId == p.Id && s.MemberUserId == userId && s.Status == ScoreSheetStatus.Submitted),
                db.Proposals.Count(pr => pr.CallId == p.CallId
                    && (pr.Status == ProposalStatus.UnderScreening || pr.Status == ProposalStatus.Selected || pr.Status == ProposalStatus.NotSelected))
                    - p.Declarations.Count(d => d.MemberUserId == userId && d.HasConflict)))
            .Take(200)
            .ToListAsync(cancellationToken);
        return new MyPanelListViewModel(panels, order);
    }

    /// <summary>The panel with its members, declarations and decisions (owned; loaded with it).</summary>
    public static Task<ScreeningPanel?> PanelAsync(KyodoDbContext db, int panelId, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.ScreeningPanels.AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == panelId, cancellationToken);
    }

    public static async Task<PanelHeader> HeaderAsync(KyodoDbContext db, ScreeningPanel panel, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking()
            .Where(c => c.Id == panel.CallId)
            .Select(c => new { c.Name, c.FiscalYear })
            .SingleAsync(cancellationToken);
        return new PanelHeader(panel.Id, panel.CallId, call.Name, call.FiscalYear, panel.Status, panel.OtherSheetsVisibility);
    }

    /// <summary>Whether the proposal is one the panel screens (of its call, under screening or decided).</summary>
    public static Task<bool> IsScreenedProposalAsync(KyodoDbContext db, ScreeningPanel panel, int proposalId, CancellationToken cancellationToken) =>
        db.Proposals.AnyAsync(
            p => p.Id == proposalId && p.CallId == panel.CallId
                && (p.Status == ProposalStatus.UnderScreening || p.Status == ProposalStatus.Selected || p.Status == ProposalStatus.NotSelected),
            cancellationToken);

    /// <summary>The panel page: three queries after the panel (call, proposals, own sheets).</summary>
    public static async Task<PanelPageViewModel> PanelPageAsync(
        KyodoDbContext db, ScreeningPanel panel, string userId, int? failedProposalId, DeclarationInput? failedInput, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(db, panel, cancellationToken);
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.CallId == panel.CallId
                && (p.Status == ProposalStatus.UnderScreening || p.Status == ProposalStatus.Selected || p.Status == ProposalStatus.NotSelected))
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Status,
                GroupName = db.CitizenGroups.Where(g => g.Id == p.ProposingGroupId).Select(g => g.Name).FirstOrDefault(),
                DepartmentName = db.Departments.Where(d => d.Id == p.PartnerDepartmentId).Select(d => d.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var sheets = await db.ScoreSheets.AsNoTracking()
            .Where(s => s.PanelId == panel.Id && s.MemberUserId == userId)
            .Select(s => new { s.ProposalId, s.Status })
            .ToListAsync(cancellationToken);
        var sheetStatus = sheets.ToDictionary(s => s.ProposalId, s => s.Status);

        var rows = proposals.Select(p => new PanelProposalRow(
            p.Id,
            p.Title,
            p.GroupName ?? p.DepartmentName,
            p.Status,
            panel.DeclarationOf(userId, p.Id) switch
            {
                null => DeclarationState.NotDeclared,
                { HasConflict: true } => DeclarationState.Conflict,
                _ => DeclarationState.NoConflict,
            },
            sheetStatus.TryGetValue(p.Id, out var status) ? status : null)).ToList();
        return new PanelPageViewModel(header, rows, failedProposalId, failedInput);
    }

    /// <summary>
    /// The other members' submitted sheets for the proposal (assigned and not recused members
    /// only), with their display names: two queries, names looked up by the loaded ids.
    /// </summary>
    public static async Task<List<OtherSheetView>> OtherSheetsAsync(
        KyodoDbContext db, ScreeningPanel panel, int proposalId, string userId, IReadOnlyList<RubricCriterion> criteria, CancellationToken cancellationToken)
    {
        var sheets = (await db.ScoreSheets.AsNoTracking()
                .Where(s => s.PanelId == panel.Id && s.ProposalId == proposalId && s.MemberUserId != userId && s.Status == ScoreSheetStatus.Submitted)
                .OrderBy(s => s.SubmittedAtUtc).ThenBy(s => s.Id)
                .ToListAsync(cancellationToken))
            .Where(s => panel.IsMember(s.MemberUserId) && !panel.IsRecused(s.MemberUserId, proposalId))
            .ToList();
        if (sheets.Count == 0)
        {
            return [];
        }

        var names = (await PeopleDirectory.NamesAsync(db, sheets.Select(s => s.MemberUserId), cancellationToken)).ToDisplayNames();
        return
        [
            .. sheets.Select(s => new OtherSheetView(
                names.GetValueOrDefault(s.MemberUserId) ?? string.Empty,
                MemberScoreOrNull(criteria, s),
                s.Entries.ToDictionary(e => e.CriterionId),
                s.OverallComment)),
        ];
    }

    /// <summary>The weighted score of a complete sheet; null when all 該当なし or not complete.</summary>
    public static Score? MemberScoreOrNull(IReadOnlyList<RubricCriterion> criteria, ScoreSheet sheet) =>
        sheet.MissingCriteria(criteria).Count == 0 && sheet.Entries.All(e => criteria.Any(c => c.Id == e.CriterionId))
            ? ScoreAggregation.MemberScore(criteria, sheet.Entries)
            : null;

    public static IReadOnlyList<CriterionView> CriteriaOf(Call call) =>
        [.. call.Criteria.OrderBy(c => c.SortOrder).Select(c => new CriterionView(c.Id, c.Name, c.Description, c.Weight, c.MaxPoints))];
}
