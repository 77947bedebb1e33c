using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using KyodoPortal.Web.Infrastructure.People;

namespace KyodoPortal.Web.Features.ScreeningAdmin;

/// <summary>Where one member stands on one proposal, as the progress board shows it.</summary>
public enum SheetProgress
{
    /// <summary>未申告: the member has not declared whether they have a conflict.</summary>
    NotDeclared,

    /// <summary>回避: recused (declared by the member or by the coordinator).</summary>
    Recused,

    /// <summary>未着手: declared no conflict, no sheet yet.</summary>
    NotStarted,

    /// <summary>下書き.</summary>
    Draft,

    /// <summary>提出済み.</summary>
    Submitted,
}

public static class SheetProgressExtensions
{
    /// <summary>Something is left for the member: a declaration, a sheet to start, or a draft to submit.</summary>
    public static bool IsUnfinished(this SheetProgress progress) =>
        progress is SheetProgress.NotDeclared or SheetProgress.NotStarted or SheetProgress.Draft;
}

public sealed record ScreeningCallHeader(
    int Id,
    string Name,
    ProposalType ProposalType,
    DateTime ClosesAtUtc,
    int CriteriaCount,
    DateTime? ScreeningStartedAtUtc);

/// <summary>A proposal being screened (or decided) with what the ranking shows of it.</summary>
public sealed record ScreenedProposal(int Id, string Title, string? Proposer, long CityShareTotal, ProposalStatus Status);

/// <summary>An active committee member offered in the members form; <see cref="Assigned"/> when on the panel.</summary>
public sealed record MemberCandidate(string UserId, string DisplayName, string? Email, bool Assigned, bool IsCommitteeMember);

public sealed record MemberProgressRow(PersonName Member, IReadOnlyList<SheetProgress> Cells, int Submitted, int Expected)
{
    public bool HasUnfinished => Cells.Any(cell => cell.IsUnfinished());
}

public sealed record ProposalProgress(int ProposalId, int Submitted, int Expected, int Recused);

public sealed record RecusalRow(string MemberName, string ProposalTitle, string? Reason, bool ByCoordinator, string DeclaredByName, DateTime DeclaredAtUtc);

/// <summary>One line of the declarations' history: who changed whose declaration on which proposal, when, from what to what.</summary>
public sealed record DeclarationChangeRow(DateTime ChangedAtUtc, string MemberName, string ProposalTitle, bool? From, bool To, string? Reason, bool ByCoordinator, string ChangedByName);

/// <summary>One line of the ranking with the proposal's name, proposer and spread.</summary>
public sealed record RankingLine(ScreenedProposal Proposal, RankingRow Row, ProposalScoreSummary Summary)
{
    public IReadOnlyList<string> WarningKeys =>
    [
        .. Row.BelowMinimumSheets ? new[] { "評価票不足" } : [],
        .. Row.BelowPassingScore ? new[] { "合格ライン未満" } : [],
    ];
}

/// <summary>Every change of the declarations of a call's screening, a page at a time.</summary>
public sealed record DeclarationHistoryViewModel(ScreeningCallHeader Call, PageOf<DeclarationChangeRow> Page);

/// <summary>One proposal's score per criterion (average, lowest, highest, spread) as the ranking counted it.</summary>
public sealed record ProposalBreakdownViewModel(ScreeningCallHeader Call, RankingLine Line);

public sealed record StartScreeningViewModel(ScreeningCallHeader Call, bool WindowClosed, int ProposalsToScreen);

public sealed record ScreeningDashboardViewModel(
    ScreeningCallHeader Call,
    ScreeningPanel Panel,
    ScreeningSettingsInput Settings,
    RecusalInput Recusal,
    IReadOnlyList<MemberCandidate> Candidates,
    IReadOnlyList<ScreenedProposal> Proposals,
    IReadOnlyList<MemberProgressRow> Progress,
    IReadOnlyList<ProposalProgress> ProposalCounts,
    IReadOnlyList<RecusalRow> Recusals,
    IReadOnlyList<RankingLine> Ranking,
    int UnsubmittedSheets,
    IReadOnlyList<DeclarationChangeRow> DeclarationChanges,
    int DeclarationChangeCount)
{
    public IEnumerable<MemberCandidate> AssignedMembers => Candidates.Where(c => c.Assigned);
}

/// <summary>The ranking with its data, computed by the domain (<see cref="ScoreAggregation"/>).</summary>
public sealed record ScreeningData(
    Call Call,
    ScreeningPanel Panel,
    IReadOnlyList<ScreenedProposal> Proposals,
    IReadOnlyList<ScreenedProposal> Referenced,
    IReadOnlyList<ScoreSheet> Sheets,
    IReadOnlyList<RankingLine> Ranking);

/// <summary>
/// Loads a call's screening in a fixed number of simple commands (call, panel, sheets, proposals,
/// groups, departments) and computes the ranking in memory; no query needs APPLY, so the page runs
/// the same on SQLite and PostgreSQL.
/// </summary>
public static class ScreeningAdminQueries
{
    private static readonly ProposalStatus[] ScreenedStatuses =
        [ProposalStatus.UnderScreening, ProposalStatus.Selected, ProposalStatus.NotSelected];

    public static ScreeningCallHeader Header(Call call) =>
        new(call.Id, call.Name, call.ProposalType, call.ClosesAtUtc, call.Criteria.Count, call.ScreeningStartedAtUtc);

    public static Task<ScreeningPanel?> PanelAsync(KyodoDbContext db, int callId, CancellationToken cancellationToken) =>
        db.ScreeningPanels.AsSplitQuery().FirstOrDefaultAsync(p => p.CallId == callId, cancellationToken);

    /// <summary>Submitted or resubmitted proposals: the ones starting screening moves to 審査中.</summary>
    public static Task<int> WaitingCountAsync(KyodoDbContext db, int callId, CancellationToken cancellationToken) =>
        db.Proposals.CountAsync(p => p.CallId == callId && (p.Status == ProposalStatus.Submitted || p.Status == ProposalStatus.Resubmitted), cancellationToken);

    public static async Task<ScreeningData> LoadAsync(KyodoDbContext db, Call call, ScreeningPanel panel, CancellationToken cancellationToken)
    {
        var sheets = await db.ScoreSheets.AsNoTracking().Where(s => s.PanelId == panel.Id).ToListAsync(cancellationToken);

        // Also proposals that left screening (withdrawn) but still have declarations or sheets, for their titles.
        var referencedIds = panel.Declarations.Select(d => d.SubjectId).Concat(sheets.Select(s => s.ProposalId)).Distinct().ToList();
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.CallId == call.Id
                && (p.Status == ProposalStatus.UnderScreening || p.Status == ProposalStatus.Selected || p.Status == ProposalStatus.NotSelected
                    || referencedIds.Contains(p.Id)))
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Status,
                p.ProposingGroupId,
                p.PartnerDepartmentId,
                CityShare = p.BudgetLines.Where(l => l.Category == BudgetCategory.CityShare).Sum(l => l.Amount),
            })
            .ToListAsync(cancellationToken);
        var groupIds = rows.Where(r => r.ProposingGroupId is not null).Select(r => r.ProposingGroupId!.Value).Distinct().ToList();
        var departmentIds = rows.Where(r => r.PartnerDepartmentId is not null).Select(r => r.PartnerDepartmentId!.Value).Distinct().ToList();
        var groups = await db.CitizenGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Name }).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

        var referenced = rows.Select(r => new ScreenedProposal(
            r.Id,
            r.Title,
            Proposer(call.ProposalType, r.ProposingGroupId is { } g ? groups.GetValueOrDefault(g) : null, r.PartnerDepartmentId is { } d ? departments.GetValueOrDefault(d) : null),
            r.CityShare,
            r.Status)).ToList();
        var screened = referenced.Where(p => ScreenedStatuses.Contains(p.Status)).ToList();

        var criteria = RubricCriterion.FromCall(call);
        var byId = screened.ToDictionary(p => p.Id);
        // Each proposal summarised once, from its own sheets, and ranked from those summaries (what
        // ScoreAggregation.Rank does, without summarising every proposal a second time for its line).
        var sheetsOf = sheets.ToLookup(sheet => sheet.ProposalId);
        var summaries = byId.Keys.ToDictionary(id => id, id => ScoreAggregation.SummarizeProposal(panel, id, criteria, sheetsOf[id]));
        var ranking = ScoreAggregation.Rank(summaries.Values, panel.MinimumSheets, panel.PassingScore)
            .Select(row => new RankingLine(byId[row.ProposalId], row, summaries[row.ProposalId]))
            .ToList();
        return new ScreeningData(call, panel, screened, referenced, sheets, ranking);
    }

    /// <summary>Builds the dashboard from loaded data: candidates, progress board, recusals.</summary>
    public static ScreeningDashboardViewModel Dashboard(
        ScreeningData data,
        IReadOnlyList<PersonName> committee,
        IReadOnlyList<PersonName> others,
        ScreeningSettingsInput settings,
        RecusalInput recusal)
    {
        var panel = data.Panel;
        var names = committee.Concat(others).DistinctBy(p => p.UserId, StringComparer.Ordinal).ToDictionary(p => p.UserId, StringComparer.Ordinal);
        PersonName NameOf(string userId) => names.GetValueOrDefault(userId) ?? new PersonName(userId, userId, null);

        var committeeIds = committee.Select(c => c.UserId).ToHashSet(StringComparer.Ordinal);
        var candidates = committee
            .Concat(panel.Members.Select(m => NameOf(m.MemberUserId)))
            .DistinctBy(p => p.UserId, StringComparer.Ordinal)
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)
            .ThenBy(p => p.UserId, StringComparer.Ordinal)
            .Select(p => new MemberCandidate(p.UserId, p.DisplayName, p.Email, panel.IsMember(p.UserId), committeeIds.Contains(p.UserId)))
            .ToList();

        var sheetOf = data.Sheets.ToDictionary(s => (s.MemberUserId, s.ProposalId));
        var progress = panel.Members
            .Select(m => NameOf(m.MemberUserId))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)
            .ThenBy(p => p.UserId, StringComparer.Ordinal)
            .Select(member =>
            {
                var cells = data.Proposals.Select(p => Progress(panel, sheetOf, member.UserId, p.Id)).ToList();
                return new MemberProgressRow(member, cells, cells.Count(c => c == SheetProgress.Submitted), cells.Count(c => c != SheetProgress.Recused));
            })
            .ToList();
        var proposalCounts = data.Proposals.Select((p, index) => new ProposalProgress(
            p.Id,
            progress.Count(row => row.Cells[index] == SheetProgress.Submitted),
            panel.ExpectedMembers(p.Id).Count,
            progress.Count(row => row.Cells[index] == SheetProgress.Recused))).ToList();

        var titles = data.Referenced.ToDictionary(p => p.Id, p => p.Title);
        var recusals = panel.Declarations
            .Where(d => d.HasConflict)
            .OrderBy(d => d.DeclaredAtUtc)
            .Select(d => new RecusalRow(
                NameOf(d.MemberUserId).DisplayName,
                titles.GetValueOrDefault(d.SubjectId) ?? $"#{d.SubjectId}",
                d.Reason,
                d.IsCoordinatorRecusal,
                NameOf(d.DeclaredByUserId).DisplayName,
                d.DeclaredAtUtc))
            .ToList();

        var changes = DeclarationChanges(panel, titles, userId => NameOf(userId).DisplayName);

        var unsubmitted = progress.Sum(row => row.Expected - row.Submitted);
        return new ScreeningDashboardViewModel(
            Header(data.Call), panel, settings, recusal, candidates, data.Proposals, progress, proposalCounts, recusals, data.Ranking, unsubmitted,
            [.. changes.Take(DashboardHistoryRows)], changes.Count);
    }

    /// <summary>The newest changes of declarations the dashboard lists; all of them are on their own paged page.</summary>
    public const int DashboardHistoryRows = 10;

    /// <summary>The history of declarations, newest first, with the members' and proposals' names.</summary>
    public static IReadOnlyList<DeclarationChangeRow> DeclarationChanges(ScreeningPanel panel, IReadOnlyDictionary<int, string> titles, Func<string, string> nameOf) =>
    [
        .. panel.DeclarationHistory
            .OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new DeclarationChangeRow(
                c.ChangedAtUtc,
                nameOf(c.MemberUserId),
                titles.GetValueOrDefault(c.SubjectId) ?? $"#{c.SubjectId}",
                c.PreviousHasConflict,
                c.HasConflict,
                c.Reason,
                c.IsByCoordinator,
                nameOf(c.ChangedByUserId))),
    ];

    /// <summary>Every user id the dashboard names: members, who declared or changed a declaration, sheet authors.</summary>
    public static IReadOnlyCollection<string> ReferencedUserIds(ScreeningData data) =>
    [
        .. data.Panel.Members.Select(m => m.MemberUserId)
            .Concat(data.Panel.Declarations.SelectMany(d => new[] { d.MemberUserId, d.DeclaredByUserId }))
            .Concat(data.Panel.DeclarationHistory.SelectMany(c => new[] { c.MemberUserId, c.ChangedByUserId }))
            .Distinct(StringComparer.Ordinal),
    ];

    public static string? Proposer(ProposalType type, string? groupName, string? departmentName) => type switch
    {
        ProposalType.GroupProposal => groupName,
        ProposalType.DepartmentProposal => departmentName,
        _ => groupName is null || departmentName is null ? groupName ?? departmentName : $"{groupName} / {departmentName}",
    };

    private static SheetProgress Progress(ScreeningPanel panel, Dictionary<(string, int), ScoreSheet> sheets, string memberUserId, int proposalId)
    {
        if (panel.IsRecused(memberUserId, proposalId))
        {
            return SheetProgress.Recused;
        }

        if (sheets.TryGetValue((memberUserId, proposalId), out var sheet))
        {
            return sheet.IsSubmitted ? SheetProgress.Submitted : SheetProgress.Draft;
        }

        return panel.HasDeclared(memberUserId, proposalId) ? SheetProgress.NotStarted : SheetProgress.NotDeclared;
    }
}

/// <summary>One score sheet as the score-table export lists it.</summary>
public sealed record ScoreTableRow(
    string ProposalTitle,
    string MemberName,
    bool Submitted,
    bool Counted,
    bool Recused,
    IReadOnlyDictionary<int, ScoreEntry> Entries,
    Score? Score,
    string? Comments,
    string? OverallComment)
{
    /// <summary>The points given on a criterion as text: the number, <paramref name="notApplicable"/>, or empty.</summary>
    public string Points(int criterionId, string notApplicable) =>
        Entries.GetValueOrDefault(criterionId) switch
        {
            { NotApplicable: true } => notApplicable,
            { Points: { } points } => points.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => string.Empty,
        };

    /// <summary>Every sheet of the screening, by ranking order then member name.</summary>
    public static IReadOnlyList<ScoreTableRow> From(ScreeningData data, IReadOnlyDictionary<string, string> memberNames)
    {
        var criteria = RubricCriterion.FromCall(data.Call);
        var order = data.Ranking.Select((line, index) => (line.Proposal.Id, index)).ToDictionary(p => p.Id, p => p.index);
        var counted = data.Ranking.SelectMany(line => line.Summary.CountedSheets).Select(s => s.SheetId).ToHashSet();
        var titles = data.Referenced.ToDictionary(p => p.Id, p => p.Title);
        return
        [
            .. data.Sheets
                .OrderBy(sheet => order.GetValueOrDefault(sheet.ProposalId, int.MaxValue))
                .ThenBy(sheet => sheet.ProposalId)
                .ThenBy(sheet => memberNames.GetValueOrDefault(sheet.MemberUserId) ?? sheet.MemberUserId, StringComparer.Ordinal)
                .Select(sheet => new ScoreTableRow(
                    titles.GetValueOrDefault(sheet.ProposalId) ?? $"#{sheet.ProposalId}",
                    memberNames.GetValueOrDefault(sheet.MemberUserId) ?? sheet.MemberUserId,
                    sheet.IsSubmitted,
                    counted.Contains(sheet.Id),
                    data.Panel.IsRecused(sheet.MemberUserId, sheet.ProposalId),
                    sheet.Entries.ToDictionary(e => e.CriterionId),
                    Features.Screening.ScreeningQueries.MemberScoreOrNull(criteria, sheet),
                    string.Join(" / ", criteria
                        .Select(c => (c.Name, Comment: sheet.EntryFor(c.Id)?.Comment))
                        .Where(c => !string.IsNullOrWhiteSpace(c.Comment))
                        .Select(c => $"{c.Name}: {c.Comment}")),
                    sheet.OverallComment)),
        ];
    }}
