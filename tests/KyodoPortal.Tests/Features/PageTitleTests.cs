using System.Globalization;
using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Issue 13 item 12 (JIS X 8341-3 / WCAG 2.4.2): every page has a title of its own that says
/// what it is, then the site name. The page list is checked against the route table, so a new
/// GET page without a line here fails too.
/// </summary>
[Trait("Category", "Database")]
public sealed class PageTitleTests(PageTitleTests.Factory factory) : IClassFixture<PageTitleTests.Factory>
{
    private const string SiteName = "協働ポータル";

    public sealed class Factory : KyodoWebFactory, IAsyncLifetime
    {
        public Dictionary<string, string> Ids { get; } = [];

        /// <summary>Signed-in clients tried in turn; a page is read by the first one it lets in.</summary>
        public List<PageClient> Clients { get; } = [];

        public async Task InitializeAsync()
        {
            var s = await ProjectScenario.CreateAsync(this);
            var activity = await ProjectYearScenario.FreeSeminarAsync(s);
            var change = await ProjectYearScenario.ApprovedFreeSeminarsAsync(s);
            var member = await CreateUserAsync($"title-iin@example.jp", [KyodoRoles.CommitteeMember], null, null);
            var round = await EvaluationScenario.RoundAsync(s, member.Id);
            var meeting = await MeetingScenario.HeldMeetingAsync(s);
            await MeetingScenario.SeedMinutesAsync(s, meeting);
            await MeetingScenario.AdvanceAsync(s, meeting, KyodoPortal.Domain.Meetings.MinutesStatus.Circulated, KyodoPortal.Domain.Meetings.MinutesStatus.Approved, KyodoPortal.Domain.Meetings.MinutesStatus.Published);

            var screening = await ScreeningScenario.For(this).Named("題名確認の募集").WithProposal("題名確認の提案").BuildAsync();
            var panel = await screening.StartScreeningAsync([member.Id]);
            await screening.ScoreAsync(score => score.Draft(member.Id, screening.Proposals[0].Id, 3, 3, 3));
            var unsigned = await ProjectScenario.CreateAsync(this, agreementSigned: false);
            var draftMinutes = await MeetingScenario.HeldMeetingAsync(s);
            await MeetingScenario.SeedMinutesAsync(s, draftMinutes);
            var closed = await ProjectScenario.CreateAsync(this);
            await ContinuationScenario.CloseAsync(closed, KyodoPortal.Domain.Projects.ProjectOutcome.Success);
            await ContinuationScenario.MarkCaseAsync(closed, marked: false, published: true);
            Ids["unsigned"] = Id(unsigned.Project.Id);
            Ids["draftMinutes"] = Id(draftMinutes.Id);
            Ids["case"] = Id(closed.Project.Id);
            var drafting = await ScreeningScenario.For(this).Named("題名確認の下書きの募集").WindowClosed(false).WithDraftProposal("題名確認の下書き").BuildAsync();
            var (drafter, _) = await drafting.AddProposerAccountsAsync();

            var theme = await AddAsync(new KyodoPortal.Domain.Themes.Theme(new KyodoPortal.Domain.Themes.ThemeDraft("題名確認の課題", "内容", null, s.Department.Id, 2026, KyodoPortal.Domain.Themes.ThemeStatus.Open, true, [1]), "seed", DateTime.UtcNow));
            var published = new KyodoPortal.Domain.Organizations.CitizenGroup("題名確認の公開団体", null, KyodoPortal.Domain.Organizations.LegalForm.NpoCorporation, null, null);
            published.UpdateProfile(new KyodoPortal.Domain.Organizations.GroupProfile(null, null, "説明", null, null, null, null, IsPublished: true, [1]));
            Ids["publicGroup"] = Id((await AddAsync(published)).Id);
            var admin = await CreateUserAsync("title-admin@example.jp", KyodoRoles.Administrator);

            // A call whose screening is closed and decided: its results page.
            var decided = await ScreeningScenario.For(this).Named("題名確認の選考結果の募集").WithProposal("題名確認の採択提案").BuildAsync();
            await decided.StartScreeningAsync([member.Id]);
            await decided.ScoreAsync(score => score.Submitted(member.Id, decided.Proposals[0].Id, 4, 4, 4));
            await decided.CloseAsync();

            // A project year whose annual report is still a draft: its edit page.
            var drafted = await ProjectScenario.CreateAsync(this);
            await ReportScenario.StoredDraftAsync(drafted);
            Ids["decidedCall"] = Id(decided.Call.Id);
            Ids["draftReport"] = Id(drafted.Project.Id);
            Ids["draftReportFy"] = Id(drafted.FirstYear);

            var openSurvey = await SurveyScenario.Seed001Async(this);
            var draftSurvey = await SurveyScenario.Seed001Async(this, open: false);
            Ids["survey"] = Id(openSurvey.Id);
            Ids["draftSurvey"] = Id(draftSurvey.Id);
            var publicSurvey = await SurveyScenario.Seed001Async(this);
            await SurveyScenario.MoveAsync(this, publicSurvey, KyodoPortal.Domain.Surveys.SurveyStatus.ResultsPublished, KyodoPortal.Domain.Surveys.SurveyResultsScope.Public);
            Ids["publicSurvey"] = Id(publicSurvey.Id);
            Ids["link"] = (await SurveyScenario.Seed001Async(this, audience: KyodoPortal.Domain.Surveys.SurveyAudienceKind.AnyoneWithLink)).LinkToken!;
            Ids["upload"] = (await ImportUploadAsync(this, openSurvey, admin.Id)).ToString("D");
            var guideline = await GuidelineScenario.CreateAsync(this);
            Ids["measure"] = Id(guideline.MeasureIds[0]);
            Ids["review"] = Id(await guideline.OpenReviewAsync());
            Ids["project"] = Id(s.Project.Id);
            Ids["proposal"] = Id(s.Proposal.Id);
            Ids["call"] = Id(s.Call.Id);
            Ids["fy"] = Id(s.FirstYear);
            Ids["activity"] = Id(activity.Id);
            Ids["change"] = Id(change);
            Ids["round"] = Id(round);
            Ids["meeting"] = Id(meeting.Id);
            Ids["group"] = Id(s.Group.Id);
            Ids["department"] = Id(s.Department.Id);
            Ids["theme"] = Id(theme.Id);
            Ids["admin"] = admin.Id;
            Ids["panel"] = Id(panel.Id);
            Ids["screened"] = Id(screening.Proposals[0].Id);
            Ids["screeningCall"] = Id(screening.Call.Id);
            Ids["draft"] = Id(drafting.Proposals[0].Id);
            Ids["openCall"] = Id(drafting.Call.Id);

            foreach (var email in new[] { "title-admin@example.jp", s.CoordinatorEmail, s.GroupMemberEmail, drafter, "title-iin@example.jp", drafted.GroupMemberEmail })
            {
                var client = CreatePageClient();
                await client.SignInAsync(email, Password);
                Clients.Add(client);
            }

            // The office decides the closed screening (its results page answers from then on).
            var office = Clients[0];
            var decisions = await office.GetPageAsync($"/calls/{decided.Call.Id}/screening/decisions");
            await office.SubmitAndFollowAsync(decisions, $"form[action$='/decisions/{decided.Proposals[0].Id}']", ("Decision.Selected", "true"), ("Decision.Reason", "最も評価が高い。"));

            // The member declares no conflict on the round, so the evaluation sheet opens.
            var iin = Clients[4];
            await iin.SubmitAndFollowAsync(await iin.GetPageAsync($"/evaluations/{round}"), "#declaration form", ("Input.HasConflict", "false"));
        }

        private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

        Task IAsyncLifetime.DisposeAsync()
        {
            Clients.ForEach(c => c.Dispose());
            return Task.CompletedTask;
        }
    }

    /// <summary>Each GET page of the route table, with the ids of the fixture to open it.</summary>
    public static readonly Dictionary<string, string> Pages = new()
    {
        ["/"] = "/",
        ["account/login"] = "/account/login",
        ["account/password"] = "/account/password",
        ["admin/users"] = "/admin/users",
        ["admin/users/new"] = "/admin/users/new",
        ["admin/users/{id}"] = "/admin/users/{admin}",
        ["departments"] = "/departments",
        ["departments/new"] = "/departments/new",
        ["departments/{id:int}/edit"] = "/departments/{department}/edit",
        ["groups"] = "/groups",
        ["groups/new"] = "/groups/new",
        ["groups/{id:int}"] = "/groups/{group}",
        ["groups/{id:int}/edit"] = "/groups/{group}/edit",
        ["directory"] = "/directory",
        ["directory/{id:int}"] = "/directory/{publicGroup}",
        ["themes"] = "/themes",
        ["themes/new"] = "/themes/new",
        ["themes/{id:int}"] = "/themes/{theme}",
        ["themes/{id:int}/edit"] = "/themes/{theme}/edit",
        ["calls"] = "/calls",
        ["calls/new"] = "/calls/new",
        ["calls/{id:int}"] = "/calls/{call}",
        ["calls/{id:int}/edit"] = "/calls/{call}/edit",
        ["calls/{callId:int}/proposals"] = "/calls/{call}/proposals",
        ["calls/{callId:int}/proposals/new"] = "/calls/{openCall}/proposals/new",
        ["calls/{callId:int}/results"] = "/calls/{decidedCall}/results",
        ["calls/{callId:int}/screening"] = "/calls/{screeningCall}/screening",
        ["calls/{callId:int}/screening/decisions"] = "/calls/{call}/screening/decisions",
        ["calls/{callId:int}/screening/declarations"] = "/calls/{screeningCall}/screening/declarations",
        ["calls/{callId:int}/screening/proposals/{proposalId:int}"] = "/calls/{screeningCall}/screening/proposals/{screened}",
        ["proposals"] = "/proposals",
        ["proposals/{id:int}"] = "/proposals/{proposal}",
        ["proposals/{id:int}/print"] = "/proposals/{proposal}/print",
        ["proposals/{id:int}/edit"] = "/proposals/{draft}/edit",
        ["proposals/{id:int}/plan"] = "/proposals/{draft}/plan",
        ["proposals/{id:int}/budget"] = "/proposals/{draft}/budget",
        ["proposals/{id:int}/kpis"] = "/proposals/{draft}/kpis",
        ["screening"] = "/screening",
        ["screening/{panelId:int}"] = "/screening/{panel}",
        ["screening/{panelId:int}/proposals/{proposalId:int}/sheet"] = "/screening/{panel}/proposals/{screened}/sheet",
        ["projects"] = "/projects",
        ["projects/{id:int}"] = "/projects/{project}",
        ["projects/{id:int}/plan"] = "/projects/{project}/plan",
        ["projects/{id:int}/plan/{number:int}"] = "/projects/{project}/plan/1",
        ["projects/{id:int}/agreement"] = "/projects/{project}/agreement",
        ["projects/{id:int}/agreement/print"] = "/projects/{project}/agreement/print",
        ["projects/{id:int}/agreement/edit"] = "/projects/{unsigned}/agreement/edit",
        ["projects/{id:int}/changes/new"] = "/projects/{project}/changes/new",
        ["projects/{id:int}/changes/{changeId:int}"] = "/projects/{project}/changes/{change}",
        ["projects/{id:int}/years/{fy:int}"] = "/projects/{project}/years/{fy}",
        ["projects/{id:int}/activities/new"] = "/projects/{project}/activities/new",
        ["projects/{id:int}/activities/{activityId:int}/edit"] = "/projects/{project}/activities/{activity}/edit",
        ["projects/{id:int}/activities/{activityId:int}/delete"] = "/projects/{project}/activities/{activity}/delete",
        ["projects/{id:int}/reports/{fy:int}"] = "/projects/{project}/reports/{fy}",
        ["projects/{id:int}/reports/{fy:int}/print"] = "/projects/{project}/reports/{fy}/print",
        ["projects/{id:int}/reports/{fy:int}/edit"] = "/projects/{draftReport}/reports/{draftReportFy}/edit",
        ["projects/{id:int}/years/{fy:int}/self-evaluation"] = "/projects/{project}/years/{fy}/self-evaluation",
        ["projects/{id:int}/years/{fy:int}/feedback"] = "/projects/{project}/years/{fy}/feedback",
        ["projects/{id:int}/continuation"] = "/projects/{project}/continuation",
        ["projects/{id:int}/close"] = "/projects/{project}/close",
        ["reports/overdue"] = "/reports/overdue",
        ["evaluation-admin"] = "/evaluation-admin",
        ["evaluation-admin/{roundId:int}"] = "/evaluation-admin/{round}",
        ["evaluations"] = "/evaluations",
        ["evaluations/{roundId:int}"] = "/evaluations/{round}",
        ["evaluations/{roundId:int}/sheet"] = "/evaluations/{round}/sheet",
        ["continuation"] = "/continuation",
        ["meetings"] = "/meetings",
        ["meetings/new"] = "/meetings/new",
        ["meetings/{id:int}"] = "/meetings/{meeting}",
        ["meetings/{id:int}/edit"] = "/meetings/{meeting}/edit",
        ["meetings/{id:int}/minutes"] = "/meetings/{meeting}/minutes",
        ["meetings/{id:int}/minutes/print"] = "/meetings/{meeting}/minutes/print",
        ["meetings/{id:int}/minutes/rows/{number:int}"] = "/meetings/{draftMinutes}/minutes/rows/1",
        ["minutes"] = "/minutes",
        ["minutes/{id:int}"] = "/minutes/{meeting}",
        ["cases"] = "/cases",
        ["cases/{id:int}"] = "/cases/{case}",
        ["case-library"] = "/case-library",
        ["case-library/{id:int}"] = "/case-library/{case}",
        ["surveys"] = "/surveys",
        ["surveys/new"] = "/surveys/new",
        ["surveys/{id:int}"] = "/surveys/{survey}",
        ["surveys/{id:int}/edit"] = "/surveys/{draftSurvey}/edit",
        ["surveys/{id:int}/questions/new"] = "/surveys/{draftSurvey}/questions/new",
        ["surveys/{id:int}/questions/{number:int}/edit"] = "/surveys/{draftSurvey}/questions/1/edit",
        ["surveys/{id:int}/answer"] = "/surveys/{survey}/answer",
        ["surveys/{id:int}/results"] = "/surveys/{survey}/results",
        ["surveys/{id:int}/results/print"] = "/surveys/{survey}/results/print",
        ["surveys/{id:int}/results/texts"] = "/surveys/{survey}/results/texts?question=2&kind=Reason&option=1",
        ["surveys/{id:int}/paper"] = "/surveys/{survey}/paper",
        ["surveys/{id:int}/import"] = "/surveys/{survey}/import",
        ["surveys/{id:int}/import/{upload:guid}"] = "/surveys/{survey}/import/{upload}",
        ["my-surveys"] = "/my-surveys",
        ["guideline"] = "/guideline",
        ["guideline/periods/{number:int}/measures"] = "/guideline/periods/1/measures",
        ["guideline/periods/{number:int}/measures/new"] = "/guideline/periods/1/measures/new",
        ["guideline/measures/{id:int}"] = "/guideline/measures/{measure}",
        ["guideline/measures/{id:int}/edit"] = "/guideline/measures/{measure}/edit",
        ["guideline/measures/{id:int}/progress/{year:int}"] = "/guideline/measures/{measure}/progress/2023",
        ["guideline/periods/{number:int}/matrix"] = "/guideline/periods/1/matrix",
        ["guideline/periods/{number:int}/import"] = "/guideline/periods/1/import",
        ["guideline/periods/{number:int}/review"] = "/guideline/periods/1/review",
        ["guideline/periods/{number:int}/review/new"] = "/guideline/periods/1/review/new",
        ["guideline/reviews/{id:int}"] = "/guideline/reviews/{review}",
        ["guideline/periods/{number:int}/tree"] = "/guideline/periods/1/tree",
        ["collaboration-guideline"] = "/collaboration-guideline",
        ["collaboration-guideline/measures/{id:int}"] = "/collaboration-guideline/measures/{measure}",
        ["surveys/answer/{token}"] = "/surveys/answer/{link}",
        ["survey-results"] = "/survey-results",
        ["survey-results/{id:int}"] = "/survey-results/{publicSurvey}",
        ["survey-results/{id:int}/texts"] = "/survey-results/{publicSurvey}/texts?question=7&kind=FreeText",
    };

    /// <summary>GET endpoints that are not pages of their own: files, redirects, error pages.</summary>
    private static readonly HashSet<string> NotPages =
    [
        "account/access-denied", // the 403 page, titled by the error view
        "calls/{callId:int}/proposals/export",
        "calls/{callId:int}/screening/scores/export",
        "calls/{callId:int}/screening/export",
        "reports/export/kpis",
        "reports/export/budget",
        "meetings/{id:int}/minutes/export/doc",
        "meetings/{id:int}/minutes/export/xlsx",
        "surveys/{id:int}/export/answers",
        "surveys/{id:int}/export/results",
        "guideline/periods/{number:int}/review/export",
        "guideline/review", // the committee's menu entry: redirects to the review of the current period
        "guideline/periods/{number:int}/export",
        "proposals/{id:int}/attachments/{attachmentId:int}",
        "projects/{id:int}/reports/{fy:int}/attachments/{attachmentId:int}",
        "screening/{panelId:int}/proposals/{proposalId:int}/attachments/{attachmentId:int}",
        "feedback/{roundId:int}", // redirects to the project year's feedback page
        "culture", // the language switch: sets the language cookie and redirects back
    ];

    [Fact]
    public void Every_GET_page_of_the_route_table_is_in_the_title_check()
    {
        var templates = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!.Trim('/') is { Length: > 0 } t ? t : "/")
            .Distinct()
            .ToList();

        var missing = templates.Where(t => !Pages.ContainsKey(t) && !NotPages.Contains(t)).ToList();
        var stale = Pages.Keys.Concat(NotPages).Where(t => !templates.Contains(t)).ToList();

        Assert.True(missing.Count == 0, "GET pages without a line in PageTitleTests.Pages: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Lines for routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_page_has_a_title_of_its_own_followed_by_the_site_name()
    {
        var titles = new Dictionary<string, string>();
        foreach (var (template, url) in Pages)
        {
            titles[template] = await TitleAsync(Resolve(url));
        }

        var untitled = titles.Where(t => !t.Value.EndsWith(" | " + SiteName, StringComparison.Ordinal) && t.Key != "/").Select(t => $"{t.Key} → 「{t.Value}」").ToList();
        var duplicates = titles.GroupBy(t => t.Value).Where(g => g.Count() > 1 && !SamePage(g.Select(t => t.Key)))
            .Select(g => $"「{g.Key}」: {string.Join(", ", g.Select(t => t.Key))}").ToList();

        Assert.True(untitled.Count == 0, "Pages without a title of their own:\n" + string.Join("\n", untitled));
        Assert.True(duplicates.Count == 0, "Pages sharing a title:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public async Task A_print_view_says_it_is_the_print_version()
    {
        foreach (var template in Pages.Keys.Where(t => t.EndsWith("/print", StringComparison.Ordinal)))
        {
            var title = await TitleAsync(Resolve(Pages[template]));
            Assert.Contains("印刷用", title, StringComparison.Ordinal);
        }
    }

    /// <summary>Issue 13 item 13: browsers ask for /favicon.ico on every page; it answered 404.</summary>
    [Fact]
    public async Task The_site_has_an_icon_and_every_page_links_it()
    {
        using var anonymous = factory.CreatePageClient();
        using var icon = await anonymous.Http.GetAsync("/favicon.ico");
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        var home = await anonymous.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal([0, 0, 1, 0], bytes[..4]);
        Assert.StartsWith("/favicon.ico", home.QuerySelector("link[rel=icon]")?.GetAttribute("href"), StringComparison.Ordinal);
    }

    /// <summary>The public and the staff address of one page (事例集, 団体) show the same page.</summary>
    private static bool SamePage(IEnumerable<string> templates) =>
        templates.Select(t => t.Replace("case-library", "cases", StringComparison.Ordinal).Replace("directory/", "groups/", StringComparison.Ordinal)).Distinct().Count() == 1;

    private async Task<string> TitleAsync(string url)
    {
        foreach (var client in factory.Clients)
        {
            using var response = await client.Http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);
                return page.Title ?? string.Empty;
            }
        }

        return $"(no account of the fixture could open {url})";
    }

    /// <summary>An uploaded import file of <paramref name="userId"/> (seed 001's CSV, 問1 in its header), as the upload step leaves it.</summary>
    internal static async Task<Guid> ImportUploadAsync(KyodoWebFactory factory, KyodoPortal.Domain.Surveys.Survey survey, string userId)
    {
        var csv = System.Text.Encoding.UTF8.GetBytes(KyodoPortal.Tests.Domain.Surveys.SurveyImportTests.Seed001Csv(survey).Replace("受付番号,役職,", "受付番号,問1,", StringComparison.Ordinal));
        var upload = new KyodoPortal.Web.Features.Surveys.SurveyImportUpload(survey.Id, userId, "回答.csv", KyodoPortal.Web.Features.Surveys.ImportFileFormat.Csv, KyodoPortal.Web.Features.Surveys.ImportEncoding.Utf8, csv, DateTime.UtcNow);
        await factory.AddAsync(upload);
        return upload.Id;
    }

    private string Resolve(string url) =>
        factory.Ids.Aggregate(url, (u, id) => u.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
}
