using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 16: who reads published results — 回答者に公開 / 一般に公開 / 庁内のみ — chosen when publishing.</summary>
[Trait("Category", "Database")]
public sealed class SurveyScopeTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    /// <summary>Seed 001 (anonymous) answered online by <paramref name="respondent"/> and recorded 25 times, closed, and published by the office through the survey page.</summary>
    private async Task<Survey> PublishedAsync(PageClient respondent, SurveyResultsScope scope)
    {
        var survey = await SurveyScenario.Seed001Async(factory);
        var page = await respondent.GetPageAsync($"/surveys/{survey.Id}/answer");
        await respondent.SubmitAndFollowAsync(page, "#answer-form", SurveyLinkTests.FirstOptions(page, 6));
        await SurveyScenario.RecordAsync(factory, survey, Seed001Survey.Answers(survey));
        await SurveyScenario.MoveAsync(factory, survey, SurveyStatus.Closed);

        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var published = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/surveys/{survey.Id}"), "#publish-form", ("scope", scope.ToString()));
        Assert.Equal("結果公開", published.Text("#survey-status"));
        return survey;
    }

    [Fact]
    public async Task Published_to_respondents_the_people_who_answered_read_the_results_and_nobody_else_outside_the_office()
    {
        using var respondent = await factory.SignedInAsync(KyodoRoles.CommitteeMember);
        var survey = await PublishedAsync(respondent, SurveyResultsScope.Respondents);
        using var other = await factory.SignedInAsync(KyodoRoles.DepartmentStaff);
        using var admin = await factory.SignedInAsync(KyodoRoles.Administrator);
        using var visitor = factory.CreatePageClient();

        var results = await respondent.GetPageAsync($"/surveys/{survey.Id}/results");
        Assert.Equal("26人", results.Text("#respondents"));
        Assert.Contains($"/surveys/{survey.Id}/results", (await respondent.GetPageAsync("/my-surveys")).QuerySelector("#my-surveys")!.InnerHtml, StringComparison.Ordinal);
        await other.GetPageAsync($"/surveys/{survey.Id}/results", HttpStatusCode.NotFound);
        Assert.Null((await other.GetPageAsync("/my-surveys")).QuerySelector($"a[href='/surveys/{survey.Id}/results']"));
        Assert.Equal("26人", (await admin.GetPageAsync($"/surveys/{survey.Id}/results")).Text("#respondents"));
        await visitor.GetPageAsync($"/survey-results/{survey.Id}", HttpStatusCode.NotFound);
        Assert.Equal("回答者に公開", (await admin.GetPageAsync($"/surveys/{survey.Id}")).Text("#results-scope"));
    }

    [Fact]
    public async Task Published_to_the_public_anyone_reads_them_on_the_public_page_without_signing_in()
    {
        using var respondent = await factory.SignedInAsync(KyodoRoles.GroupMember);
        var survey = await PublishedAsync(respondent, SurveyResultsScope.Public);
        using var visitor = factory.CreatePageClient();

        var list = await visitor.GetPageAsync("/survey-results");
        Assert.NotNull(list.QuerySelector("nav a[href='/survey-results']"));
        var page = await visitor.FollowLinkAsync(list, $"#public-survey-results a[href='/survey-results/{survey.Id}']");

        Assert.Equal("26人", page.Text("#respondents"));
        Assert.Equal(["1．課長 9 34.6%", "2．係長 16 61.5%", "3．主事・事務職員 1 3.8%"], page.Texts("#table-1 tbody tr"));
        Assert.Null(page.QuerySelector("#result-downloads"));
        Assert.Null(page.QuerySelector("#print-link"));
        var crossed = await visitor.GetPageAsync($"/survey-results/{survey.Id}?row=1&col=2");
        Assert.NotNull(crossed.QuerySelector("#cross-table"));
        Assert.Contains("–", crossed.Texts("#cross-table td"));
        using var staff = await factory.SignedInAsync(KyodoRoles.DepartmentStaff);
        Assert.Equal("26人", (await staff.GetPageAsync($"/surveys/{survey.Id}/results")).Text("#respondents"));
    }

    [Fact]
    public async Task Internal_only_the_office_reads_the_results_and_not_even_the_respondents()
    {
        using var respondent = await factory.SignedInAsync(KyodoRoles.CommitteeMember);
        var survey = await PublishedAsync(respondent, SurveyResultsScope.Internal);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        using var visitor = factory.CreatePageClient();

        await respondent.GetPageAsync($"/surveys/{survey.Id}/results", HttpStatusCode.NotFound);
        await respondent.GetPageAsync($"/surveys/{survey.Id}/results/print", HttpStatusCode.NotFound);
        await visitor.GetPageAsync($"/survey-results/{survey.Id}", HttpStatusCode.NotFound);
        Assert.Null((await visitor.GetPageAsync("/survey-results")).QuerySelector($"a[href='/survey-results/{survey.Id}']"));
        Assert.Equal("26人", (await coordinator.GetPageAsync($"/surveys/{survey.Id}/results")).Text("#respondents"));
    }

    [Fact]
    public async Task A_public_anonymous_survey_with_fewer_than_five_answers_shows_no_results_on_the_public_page()
    {
        var survey = await SurveyScenario.Seed001Async(factory);
        await SurveyScenario.RecordAsync(factory, survey, Seed001Survey.Answers(survey).Take(4));
        await SurveyScenario.MoveAsync(factory, survey, SurveyStatus.ResultsPublished, SurveyResultsScope.Public);
        using var visitor = factory.CreatePageClient();

        var page = await visitor.GetPageAsync($"/survey-results/{survey.Id}?row=1&col=2");

        Assert.NotNull(page.Text("#withheld"));
        Assert.Null(page.QuerySelector("#table-1"));
        Assert.Null(page.QuerySelector("#cross-table"));
    }

    [Fact]
    public async Task A_link_survey_cannot_be_published_to_respondents()
    {
        var survey = await SurveyLinkTests.LinkSurveyAsync(factory);
        await SurveyScenario.MoveAsync(factory, survey, SurveyStatus.Closed);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var details = await coordinator.GetPageAsync($"/surveys/{survey.Id}");
        Assert.Null(details.QuerySelector("#scope-Respondents"));
        Assert.NotNull(details.QuerySelector("#scope-Public"));

        var refused = await coordinator.SubmitAndFollowAsync(details, "#publish-form", ("scope", nameof(SurveyResultsScope.Respondents)));

        Assert.Contains("「回答者に公開」は選べません", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("締切", (await coordinator.GetPageAsync($"/surveys/{survey.Id}")).Text("#survey-status"));
    }

    /// <summary>Issue 15: a large survey's results show the first texts of each group, and all of them on a paged page of their own.</summary>
    [Fact]
    public async Task A_question_with_many_texts_shows_the_first_ten_on_the_results_and_all_of_them_fifty_a_page()
    {
        var survey = await SurveyScenario.Seed001Async(factory);
        var q7 = survey.QuestionNumbered(7);
        var answers = Enumerable.Range(0, 3).SelectMany(round => Seed001Survey.Answers(survey).Select((answer, i) =>
            (IReadOnlyList<AnswerDraft>)[.. answer.Where(a => a.QuestionId != q7.Id), new AnswerDraft(q7.Id, [], Text: $"記述{(round * 25) + i + 1:000}")]));
        await SurveyScenario.RecordAsync(factory, survey, answers);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var results = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results");

        // Anonymous: listed by their content, not in the order they came in.
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"記述{n:000}"), results.Texts("#texts-7-freetext li"));
        Assert.Equal("すべての記述（75件）を見る", results.Text("#texts-7-freetext-all"));
        Assert.Equal(6, results.Texts("#texts-2-reason-2 li").Count);
        Assert.Null(results.QuerySelector("#texts-2-reason-2-all"));
        var first = await coordinator.FollowLinkAsync(results, "#texts-7-freetext-all");
        Assert.Equal("【問7】の記述回答", first.Text("h1"));
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"記述{n:000}"), first.Texts("#texts li"));
        Assert.Equal("75 件中 1–50 件を表示", first.Text(".page-summary"));
        var second = await coordinator.FollowLinkAsync(first, "a[rel=next]");
        Assert.Equal(Enumerable.Range(51, 25).Select(n => $"記述{n:000}"), second.Texts("#texts li"));

        var reasons = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results/texts?question=2&kind=Reason&option=2");
        Assert.Equal("選んだ理由【理解できた】", reasons.Text("#texts-heading"));
        Assert.Equal(6, reasons.Texts("#texts li").Count);
        await coordinator.GetPageAsync($"/surveys/{survey.Id}/results/texts?question=9&kind=FreeText", HttpStatusCode.NotFound);
        await coordinator.GetPageAsync($"/surveys/{survey.Id}/results/texts?question=2&kind=Reason", HttpStatusCode.NotFound);
        await coordinator.GetPageAsync($"/surveys/{survey.Id}/results/texts?question=2&kind=Reason&option=9", HttpStatusCode.NotFound);
        await coordinator.GetPageAsync($"/surveys/{survey.Id}/results/texts?question=7&kind=Nothing", HttpStatusCode.NotFound);

        using var visitor = factory.CreatePageClient();
        await visitor.GetPageAsync($"/survey-results/{survey.Id}/texts?question=7&kind=FreeText", HttpStatusCode.NotFound);
        await SurveyScenario.MoveAsync(factory, survey, SurveyStatus.ResultsPublished, SurveyResultsScope.Public);
        var published = await visitor.GetPageAsync($"/survey-results/{survey.Id}");
        var all = await visitor.FollowLinkAsync(published, "#texts-7-freetext-all");
        Assert.Equal($"/survey-results/{survey.Id}/texts", new Uri(all.Url).AbsolutePath);
        Assert.Equal(50, all.Texts("#texts li").Count);
    }

    [Fact]
    public async Task The_texts_of_an_anonymous_survey_with_fewer_than_five_answers_are_withheld_too()
    {
        var survey = await SurveyScenario.Seed001Async(factory);
        await SurveyScenario.RecordAsync(factory, survey, Seed001Survey.Answers(survey).Take(4));
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);

        var page = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results/texts?question=2&kind=Reason&option=1");

        Assert.NotNull(page.Text("#withheld"));
        Assert.Null(page.QuerySelector("#texts"));
    }
}
