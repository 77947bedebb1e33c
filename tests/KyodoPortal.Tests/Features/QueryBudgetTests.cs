using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Domain.Organizations;
using KyodoPortal.Domain.Themes;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Every page runs a small, fixed number of SQL commands however many rows it shows (the
/// fixture has several of each), so an N+1 query fails here first. Signed-in pages include the
/// one query that checks the session against the user's security stamp.
/// </summary>
[Trait("Category", "Database")]
public sealed class QueryBudgetTests(QueryBudgetTests.Factory factory) : IClassFixture<QueryBudgetTests.Factory>
{
    public sealed class Factory : KyodoWebFactory, IAsyncLifetime
    {
        public string AdminId { get; private set; } = string.Empty;

        public int DepartmentId { get; private set; }

        public int GroupId { get; private set; }

        public int ThemeId { get; private set; }

        public int CallId { get; private set; }

        public int ProposalId { get; private set; }

        /// <summary>A closed, published project: a case.</summary>
        public int CaseId { get; private set; }
        public int MeetingId { get; private set; }

        public PageClient Admin { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            for (var i = 0; i < 8; i++)
            {
                DepartmentId = (await AddDepartmentAsync($"予算確認課{i}")).Id;
                var group = new CitizenGroup($"予算確認団体{i}", null, LegalForm.NpoCorporation, null, null);
                group.UpdateProfile(new GroupProfile(null, null, "説明", null, null, null, null, IsPublished: true, [1, 2, 3]));
                GroupId = (await AddAsync(group)).Id;
                ThemeId = (await AddAsync(new Theme(new ThemeDraft($"予算確認課題{i}", "内容", null, DepartmentId, 2026, ThemeStatus.Open, true, [1, 2]), "seed", DateTime.UtcNow))).Id;
                await CreateUserAsync($"budget{i}@example.jp", [KyodoRoles.GroupMember, KyodoRoles.CommitteeMember], departmentId: null, groupId: GroupId);
            }

            var call = new Call("予算確認の募集", ProposalType.GroupProposal, 2026, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), 900_000, 300_000, 3, null);
            call.ReplaceThemes([ThemeId]);
            call.ReplaceCriteria([new ScreeningCriterionDraft("公益性", null, 1, 5), new ScreeningCriterionDraft("実現性", null, 1, 5)]);
            call.Publish();
            CallId = (await AddAsync(call)).Id;
            for (var i = 0; i < 8; i++)
            {
                var proposal = new Proposal(call, $"予算確認の提案{i}", GroupId, DepartmentId, "seed", DateTime.UtcNow);
                proposal.ReplaceBudget(Recipes.Seed000BudgetYear(2026), DateTime.UtcNow);
                proposal.ReplaceKpis([new KpiDraft("参加者数", KpiKind.Quantitative, "人", null, [new(2026, 100)])], DateTime.UtcNow);
                ProposalId = (await AddAsync(proposal)).Id;
            }

            for (var i = 0; i < 3; i++)
            {
                var project = await ProjectScenario.CreateAsync(this);
                await ContinuationScenario.CloseAsync(project, KyodoPortal.Domain.Projects.ProjectOutcome.Success);
                await ContinuationScenario.MarkCaseAsync(project, marked: false, published: true);
                CaseId = project.Project.Id;
            }

            var scenario = await ProjectScenario.CreateAsync(this);
            var meeting = await MeetingScenario.HeldMeetingAsync(scenario);
            await MeetingScenario.SeedMinutesAsync(scenario, meeting);
            await MeetingScenario.AdvanceAsync(scenario, meeting, KyodoPortal.Domain.Meetings.MinutesStatus.Circulated, KyodoPortal.Domain.Meetings.MinutesStatus.Approved, KyodoPortal.Domain.Meetings.MinutesStatus.Published);
            MeetingId = meeting.Id;

            AdminId = (await CreateUserAsync("budget-admin@example.jp", KyodoRoles.Administrator)).Id;
            Admin = CreatePageClient();
            await Admin.SignInAsync("budget-admin@example.jp", Password);
        }

        Task IAsyncLifetime.DisposeAsync()
        {
            Admin.Dispose();
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("/", 2)]
    [InlineData("/admin/users", 3)]
    [InlineData("/admin/users?role=GroupMember&q=budget", 3)]
    [InlineData("/admin/users/new", 3)]
    [InlineData("/admin/users/{admin}", 5)]
    [InlineData("/departments", 3)]
    [InlineData("/departments/new", 1)]
    [InlineData("/departments/{department}/edit", 2)]
    [InlineData("/groups", 4)]
    [InlineData("/groups?legalForm=NpoCorporation&q=予算", 4)]
    [InlineData("/groups/{group}", 3)]
    [InlineData("/groups/new", 2)]
    [InlineData("/groups/{group}/edit", 3)]
    [InlineData("/themes", 5)]
    [InlineData("/themes/new", 3)]
    [InlineData("/themes/{theme}", 5)]
    [InlineData("/themes/{theme}/edit", 4)]
    [InlineData("/account/password", 1)]
    [InlineData("/calls", 2)]
    [InlineData("/calls/{call}", 5)]
    [InlineData("/calls/new", 2)]
    [InlineData("/calls/{call}/edit", 3)]
    [InlineData("/calls/{call}/proposals", 4)]
    [InlineData("/proposals/{proposal}", 13)]
    [InlineData("/proposals/{proposal}/print", 13)]
    [InlineData("/continuation", 7)]
    [InlineData("/projects/{case}/continuation", 11)]
    [InlineData("/projects/{case}/close", 5)]
    [InlineData("/cases", 5)]
    [InlineData("/cases?field=1&department={department}&outcome=Success&q=予算", 5)]
    [InlineData("/cases/{case}", 10)]
    [InlineData("/evaluation-admin", 7)]
    [InlineData("/meetings", 3)]
    [InlineData("/meetings/new", 3)]
    [InlineData("/meetings/{meeting}", 7)]
    [InlineData("/meetings/{meeting}/edit", 6)]
    [InlineData("/meetings/{meeting}/minutes", 15)]
    [InlineData("/meetings/{meeting}/minutes/print", 13)]
    public async Task A_signed_in_page_stays_within_its_query_budget(string url, int budget)
    {
        factory.SqlCommands.Reset();
        await factory.Admin.GetPageAsync(Resolve(url));

        Assert.InRange(factory.SqlCommands.Count, 1, budget);
    }

    private string Resolve(string url) =>
        url.Replace("{admin}", factory.AdminId, StringComparison.Ordinal)
            .Replace("{department}", factory.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{group}", factory.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{theme}", factory.ThemeId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{call}", factory.CallId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{meeting}", factory.MeetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{proposal}", factory.ProposalId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{case}", factory.CaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [Theory]
    [InlineData("/", 0)]
    [InlineData("/account/login", 0)]
    [InlineData("/directory", 3)]
    [InlineData("/directory?field=1&q=予算", 3)]
    [InlineData("/themes", 4)]
    [InlineData("/directory/{group}", 2)]
    [InlineData("/themes/{theme}", 4)]
    [InlineData("/calls", 1)]
    [InlineData("/calls/{call}", 3)]
    [InlineData("/case-library", 4)]
    [InlineData("/case-library?field=1&outcome=Success&q=予算", 4)]
    [InlineData("/case-library/{case}", 9)]
    [InlineData("/minutes", 2)]
    [InlineData("/minutes/{meeting}", 8)]
    public async Task A_public_page_stays_within_its_query_budget(string url, int budget)
    {
        using var anonymous = factory.CreatePageClient();

        factory.SqlCommands.Reset();
        await anonymous.GetPageAsync(Resolve(url));

        Assert.InRange(factory.SqlCommands.Count, 0, budget);
    }
}
