using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Support.Scenarios;

/// <summary>
/// A call's screening in the test database, reached through the real domain steps.
/// <see cref="For"/> builds a published 令和9年度 group-proposal call (by default with the rubric
/// 公益性 ×3, 実現性 ×2, 協働の効果 ×1, 0–5 each, and a window that closed yesterday), a group, a
/// partner department and complete proposals submitted inside the window (市負担金 300,000円 a
/// year). The steps then start screening, assign committee members, add sheets and close.
/// Generated names carry a per-scenario suffix, so scenarios can share a database.
/// </summary>
internal sealed class ScreeningScenario
{
    /// <summary>The 地域の課題 of every complete proposal.</summary>
    public const string Background = "駅前商店街の空き店舗が増え、高齢者の居場所が減っている。";

    /// <summary>The comment on a 該当なし entry (null points).</summary>
    public const string NotApplicableComment = "判断材料がない";

    private const string CoordinatorUserId = "coordinator";

    private readonly KyodoWebFactory _factory;
    private readonly string _suffix;
    private int? _panelId;

    private ScreeningScenario(KyodoWebFactory factory, string suffix, Call call, CitizenGroup group, Department department, IReadOnlyList<Proposal> proposals)
    {
        _factory = factory;
        _suffix = suffix;
        Call = call;
        Group = group;
        Department = department;
        Proposals = proposals;
    }

    public Call Call { get; }

    public CitizenGroup Group { get; }

    public string GroupName => Group.Name;

    public Department Department { get; }

    /// <summary>The proposals in the order they were added (as saved, before screening started).</summary>
    public IReadOnlyList<Proposal> Proposals { get; }

    public static Builder For(KyodoWebFactory factory) => new(factory);

    /// <summary>Creates <paramref name="count"/> committee member accounts (not yet assigned to the panel).</summary>
    public async Task<IReadOnlyList<AppUser>> AddCommitteeMembersAsync(int count)
    {
        var users = new List<AppUser>();
        for (var i = 0; i < count; i++)
        {
            users.Add(await _factory.CreateUserAsync($"iin{i + 1}-{Guid.NewGuid():N}@example.jp", [KyodoRoles.CommitteeMember], null, null));
        }

        return users;
    }

    /// <summary>Creates a member account of the proposing group and a staff account of the partner department.</summary>
    public async Task<(string GroupMemberEmail, string StaffEmail)> AddProposerAccountsAsync()
    {
        var memberEmail = $"member-{_suffix}@example.jp";
        var staffEmail = $"staff-{_suffix}@example.jp";
        await _factory.CreateUserAsync(memberEmail, [KyodoRoles.GroupMember], null, Group.Id);
        await _factory.CreateUserAsync(staffEmail, [KyodoRoles.DepartmentStaff], Department.Id, null);
        return (memberEmail, staffEmail);
    }

    /// <summary>
    /// Starts screening as the coordinator would: the call's criteria lock, its submitted proposals
    /// become 審査中 and a panel (others' sheets visible after one's own submission) gets
    /// <paramref name="members"/>.
    /// </summary>
    public async Task<ScreeningPanel> StartScreeningAsync(IEnumerable<string> members, int minimumSheets = 1, int? passingScoreTenths = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var now = DateTime.UtcNow;
        var call = await db.Calls.SingleAsync(c => c.Id == Call.Id);
        call.StartScreening(now);
        foreach (var proposal in await db.Proposals.Where(p => p.CallId == call.Id && p.Status == ProposalStatus.Submitted).ToListAsync())
        {
            proposal.StartScreening(CoordinatorUserId, now);
        }

        var panel = new ScreeningPanel(call, OtherSheetsVisibility.AfterOwnSubmission, minimumSheets, passingScoreTenths, now);
        foreach (var member in members)
        {
            panel.AddMember(member, now);
        }

        db.ScreeningPanels.Add(panel);
        await db.SaveChangesAsync();
        _panelId = panel.Id;
        return panel;
    }

    /// <summary>Records declarations and sheets on the started panel, e.g. <c>score =&gt; score.Submitted(member, proposalId, 5, 4, 3)</c>.</summary>
    public Task ScoreAsync(Action<Scoring> score) => OnPanelAsync(async (db, panel) =>
    {
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == Call.Id);
        var scoring = new Scoring(panel, RubricCriterion.FromCall(call), DateTime.UtcNow);
        score(scoring);
        db.ScoreSheets.AddRange(scoring.Sheets);
    });

    /// <summary>審査中 → 審査終了.</summary>
    public Task CloseAsync() => OnPanelAsync((_, panel) =>
    {
        panel.Close(DateTime.UtcNow);
        return Task.CompletedTask;
    });

    private async Task OnPanelAsync(Func<KyodoDbContext, ScreeningPanel, Task> change)
    {
        var panelId = _panelId ?? throw new InvalidOperationException("Start screening first.");
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        await change(db, await db.ScreeningPanels.SingleAsync(p => p.Id == panelId));
        await db.SaveChangesAsync();
    }

    /// <summary>What the call and its proposals look like; <see cref="BuildAsync"/> saves them.</summary>
    internal sealed class Builder(KyodoWebFactory factory)
    {
        private readonly List<(string Title, int Years, bool Complete)> _proposals = [];
        private string? _name;
        private bool _windowClosed = true;
        private ScreeningCriterionDraft[] _criteria =
        [
            new("公益性", null, 3, 5),
            new("実現性", null, 2, 5),
            new("協働の効果", null, 1, 5),
        ];

        /// <summary>The call's exact name (default: 令和9年度 協働事業提案 and the suffix).</summary>
        public Builder Named(string name)
        {
            _name = name;
            return this;
        }

        public Builder WithCriteria(params ScreeningCriterionDraft[] criteria)
        {
            _criteria = criteria;
            return this;
        }

        /// <summary>The window closed yesterday (the default), or closes in a month.</summary>
        public Builder WindowClosed(bool closed)
        {
            _windowClosed = closed;
            return this;
        }

        /// <summary>A complete proposal for 令和9年度 onwards, submitted inside the window.</summary>
        public Builder WithProposal(string title, int years = 1)
        {
            _proposals.Add((title, years, true));
            return this;
        }

        public Builder WithProposals(params string[] titles)
        {
            foreach (var title in titles)
            {
                WithProposal(title);
            }

            return this;
        }

        /// <summary>An empty draft with no partner department.</summary>
        public Builder WithDraftProposal(string title)
        {
            _proposals.Add((title, 0, false));
            return this;
        }

        public async Task<ScreeningScenario> BuildAsync()
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var now = DateTime.UtcNow;
            var inside = now.AddDays(-10);
            var call = new Call(_name ?? "令和9年度 協働事業提案" + suffix, ProposalType.GroupProposal, 2027, now.AddDays(-20), _windowClosed ? now.AddDays(-1) : now.AddDays(30), 900_000, 300_000, 3, null);
            call.ReplaceCriteria(_criteria);
            call.Publish();
            await factory.AddAsync(call);
            var group = await factory.AddGroupAsync("みどりの会" + suffix);
            var department = await factory.AddDepartmentAsync("市民協働課" + suffix);

            var proposals = new List<Proposal>();
            foreach (var (title, years, complete) in _proposals)
            {
                var proposal = complete
                    ? Submitted(call, title + suffix, years, group.Id, department.Id, inside)
                    : new Proposal(call, title + suffix, group.Id, null, "seed", inside);
                proposals.Add(await factory.AddAsync(proposal));
            }

            return new ScreeningScenario(factory, suffix, call, group, department, proposals);
        }

        private static Proposal Submitted(Call call, string title, int years, int groupId, int departmentId, DateTime at)
        {
            var proposal = Recipes.Complete(new Proposal(call, title, groupId, departmentId, "seed", at), call.FiscalYear, years, groupId, departmentId, at, ProposalContent.Salon);
            proposal.Submit(call, "seed", at);
            return proposal;
        }
    }

    /// <summary>What members (and the coordinator) record on the panel; each call returns the same instance.</summary>
    internal sealed class Scoring(ScreeningPanel panel, IReadOnlyList<RubricCriterion> criteria, DateTime nowUtc)
    {
        internal List<ScoreSheet> Sheets { get; } = [];

        /// <summary>The member declares no conflict (unless already declared) and saves a sheet; null points are 該当なし.</summary>
        public Scoring Draft(string member, int proposalId, params int?[] points)
        {
            SaveSheet(member, proposalId, points);
            return this;
        }

        /// <summary>As <see cref="Draft"/>, then submitted.</summary>
        public Scoring Submitted(string member, int proposalId, params int?[] points)
        {
            SaveSheet(member, proposalId, points).Submit(panel, criteria, nowUtc);
            return this;
        }

        /// <summary>The member declares a conflict of interest and so is recused.</summary>
        public Scoring DeclaredConflict(string member, int proposalId, string reason)
        {
            panel.Declare(member, proposalId, hasConflict: true, reason, nowUtc);
            return this;
        }

        /// <summary>The coordinator recuses the member.</summary>
        public Scoring Recused(string member, int proposalId, string reason)
        {
            panel.Recuse(member, proposalId, reason, CoordinatorUserId, nowUtc);
            return this;
        }

        private ScoreSheet SaveSheet(string member, int proposalId, int?[] points)
        {
            if (!panel.HasDeclared(member, proposalId))
            {
                panel.Declare(member, proposalId, hasConflict: false, null, nowUtc);
            }

            var sheet = panel.OpenSheet(member, proposalId, nowUtc);
            var entries = criteria.Zip(points, (criterion, p) => p is null
                ? new ScoreEntryDraft(criterion.Id, null, NotApplicable: true, NotApplicableComment)
                : new ScoreEntryDraft(criterion.Id, p, NotApplicable: false, null));
            sheet.Save(panel, criteria, entries, "総評", nowUtc);
            Sheets.Add(sheet);
            return sheet;
        }
    }
}
