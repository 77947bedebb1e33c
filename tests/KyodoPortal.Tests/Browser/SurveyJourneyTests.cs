using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// Seed 001's survey in a browser: a respondent finds it, the office reads it, its paper form, its
/// results (tables and the server-drawn bar charts), imports a small CSV through the import pages
/// (a column and a value mapped by hand) and the editing forms of a draft; a visitor answers a link
/// survey without signing in and reads results published to the public; every page passes axe at both widths.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SurveyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_respondent_finds_the_survey_and_the_office_reads_its_results_with_the_charts_and_every_page_passes_axe()
    {
        await browser.App.CreateUserAsync("survey-office@example.jp", KyodoRoles.Coordinator);
        await browser.App.CreateUserAsync("survey-member@example.jp", KyodoRoles.GroupMember);
        var survey = await SurveyScenario.Seed001Async(browser.App, suffix: "（ブラウザ）");
        await SurveyScenario.RecordAsync(browser.App, survey, Seed001Survey.Answers(survey));

        var member = await browser.SignedInPageAsync("survey-member@example.jp");
        await member.GotoAsync("/my-surveys");
        await Accessibility.AssertCleanAsync(member, "my-surveys.png");
        await member.GetByRole(AriaRole.Link, new() { Name = survey.Title, Exact = true }).ClickAsync();
        Assert.EndsWith($"/surveys/{survey.Id}/answer", member.Url, StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(member, "survey-answer.png");

        var office = await browser.SignedInPageAsync("survey-office@example.jp");
        await office.GotoAsync("/surveys");
        await Accessibility.AssertCleanAsync(office, "surveys.png");
        await office.GetByRole(AriaRole.Link, new() { Name = survey.Title, Exact = true }).ClickAsync();
        await Accessibility.AssertCleanAsync(office, "survey.png");
        await office.GotoAsync($"/surveys/{survey.Id}/paper");
        await Accessibility.AssertCleanAsync(office, "survey-paper.png");
        await office.GotoAsync($"/surveys/{survey.Id}/results");
        var results = await office.Locator("main").InnerTextAsync();
        Assert.Contains("92.6", results, StringComparison.Ordinal);
        Assert.Contains("32.0", results, StringComparison.Ordinal);
        Assert.True(await office.Locator("figure.survey-chart svg").CountAsync() > 0);
        await Accessibility.AssertCleanAsync(office, "survey-results.png");
        await office.GotoAsync($"/surveys/{survey.Id}/results/texts?question=2&kind=Reason&option=1");
        Assert.Contains("選んだ理由", await office.Locator("#texts-heading").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(office, "survey-results-texts.png");

        // Three rows of another system's CSV: 役職 is not a question's heading, and 課長級 names no option.
        var imported = await SurveyScenario.Seed001Async(browser.App, suffix: "（取込）", method: KyodoPortal.Domain.Surveys.SurveyMethod.Imported);
        var q1 = imported.QuestionNumbered(1);
        var lines = KyodoPortal.Tests.Domain.Surveys.SurveyImportTests.Seed001Csv(imported).Split("\r\n").Take(4).ToArray();
        var cells = lines[1].Split(',');
        cells[1] = "課長級";
        lines[1] = string.Join(',', cells);
        await office.GotoAsync($"/surveys/{imported.Id}");
        await office.GetByRole(AriaRole.Link, new() { Name = "ファイルから回答を取り込む" }).ClickAsync();
        await Accessibility.AssertCleanAsync(office, "survey-import.png");
        await office.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "電子申請の回答.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n") });
        await office.GetByRole(AriaRole.Button, new() { Name = "ファイルを読み込む" }).ClickAsync();
        Assert.Contains("UTF-8 として読み込みました（回答3行）", await office.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(office, "survey-import-columns.png");
        await office.Locator($"#column-{q1.Id}").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await office.GetByRole(AriaRole.Button, new() { Name = "この対応で確認する" }).ClickAsync();
        Assert.Contains("【問1】の「課長級」に合う選択肢がありません", await office.Locator("#import-errors").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(office, "survey-import-errors.png");
        await office.Locator($"#values-{q1.Id} select").SelectOptionAsync(new SelectOptionValue { Label = "1．課長" });
        await office.GetByRole(AriaRole.Button, new() { Name = "この対応で確認する" }).ClickAsync();
        await Accessibility.AssertCleanAsync(office, "survey-import-preview.png");
        await office.SetViewportSizeAsync(Accessibility.PhoneWidth, 844);
        await office.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "survey-import-preview-phone.png"), FullPage = true });
        await office.SetViewportSizeAsync(1280, 900);
        await office.GetByRole(AriaRole.Button, new() { Name = "3件の回答を取り込む" }).ClickAsync();
        Assert.Contains("「電子申請の回答.csv」から3件の回答を取り込みました。", await office.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("3件", await office.Locator("#imported-rows").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(office, "survey-imported.png");

        await office.GotoAsync("/surveys/new");
        await Accessibility.AssertCleanAsync(office, "survey-new.png");

        var draft = await SurveyScenario.Seed001Async(browser.App, open: false, suffix: "（下書き）");
        await office.GotoAsync($"/surveys/{draft.Id}/edit");
        await Accessibility.AssertCleanAsync(office, "survey-edit.png");
        await office.GotoAsync($"/surveys/{draft.Id}/questions/new");
        await Accessibility.AssertCleanAsync(office, "survey-question-new.png");
        await office.GotoAsync($"/surveys/{draft.Id}/questions/2/edit");
        await Accessibility.AssertCleanAsync(office, "survey-question-edit.png");

        // A link survey: the office reads its link, a visitor answers without signing in, once per browser.
        var linked = await SurveyScenario.Seed001Async(browser.App, suffix: "（リンク）", audience: KyodoPortal.Domain.Surveys.SurveyAudienceKind.AnyoneWithLink);
        await office.GotoAsync($"/surveys/{linked.Id}");
        var address = await office.Locator("#survey-link-url").InnerTextAsync();
        await Accessibility.AssertCleanAsync(office, "survey-link.png");
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(new Uri(address).PathAndQuery);
        await Accessibility.AssertCleanAsync(visitor, "survey-link-answer.png");
        for (var number = 1; number <= 6; number++)
        {
            await visitor.Locator($"#q-{number} input").First.CheckAsync();
        }

        await visitor.GetByRole(AriaRole.Button, new() { Name = "回答する" }).ClickAsync();
        Assert.Contains("回答しました", await visitor.Locator("[role=status]").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await visitor.Locator("#answer-form").CountAsync());
        await Accessibility.AssertCleanAsync(visitor, "survey-link-answered.png");

        // Results published to the public: the list and the page, without signing in.
        await SurveyScenario.MoveAsync(browser.App, survey, KyodoPortal.Domain.Surveys.SurveyStatus.ResultsPublished, KyodoPortal.Domain.Surveys.SurveyResultsScope.Public);
        await visitor.GotoAsync("/survey-results");
        await Accessibility.AssertCleanAsync(visitor, "survey-results-public-list.png");
        await visitor.GetByRole(AriaRole.Link, new() { Name = survey.Title + "の結果" }).ClickAsync();
        Assert.Contains("92.6", await visitor.Locator("#response-rate").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertCleanAsync(visitor, "survey-results-public.png");
        await visitor.GotoAsync($"/survey-results/{survey.Id}/texts?question=2&kind=Reason&option=1");
        await Accessibility.AssertCleanAsync(visitor, "survey-results-public-texts.png");
    }
}
