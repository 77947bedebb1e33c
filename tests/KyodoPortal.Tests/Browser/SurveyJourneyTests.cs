using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;
using Microsoft.Playwright;

namespace KyodoPortal.Tests.Browser;

/// <summary>
/// Seed 001's survey in a browser: a respondent finds it, the office reads it, its paper form, its
/// results (tables and the server-drawn bar charts) and the editing forms of a draft; every page passes axe at both widths.
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
        await office.GotoAsync("/surveys/new");
        await Accessibility.AssertCleanAsync(office, "survey-new.png");

        var draft = await SurveyScenario.Seed001Async(browser.App, open: false, suffix: "（下書き）");
        await office.GotoAsync($"/surveys/{draft.Id}/edit");
        await Accessibility.AssertCleanAsync(office, "survey-edit.png");
        await office.GotoAsync($"/surveys/{draft.Id}/questions/new");
        await Accessibility.AssertCleanAsync(office, "survey-question-new.png");
        await office.GotoAsync($"/surveys/{draft.Id}/questions/2/edit");
        await Accessibility.AssertCleanAsync(office, "survey-question-edit.png");
    }
}
