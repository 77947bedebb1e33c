using System.Globalization;
using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 16, second increment: the coordinator types paper sheets in, one at a time.</summary>
[Trait("Category", "Database")]
public sealed class SurveyPaperTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private async Task<PageClient> CoordinatorAsync()
    {
        var email = $"survey-paper-{Guid.NewGuid():N}@example.jp";
        await factory.CreateUserAsync(email, KyodoRoles.Coordinator);
        var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return client;
    }

    /// <summary>The paper form's fields for one sheet (the same names as the online answer form).</summary>
    internal static (string Key, string Value)[] Sheet(IReadOnlyList<AnswerDraft> answers)
    {
        var values = new List<(string Key, string Value)>();
        foreach (var answer in answers)
        {
            var key = answer.QuestionId.ToString(CultureInfo.InvariantCulture);
            values.AddRange(answer.OptionIds.Select(o => ("a" + key, o.ToString(CultureInfo.InvariantCulture))));
            if (answer.Text is { } text)
            {
                values.Add(("t" + key, text));
            }

            if (answer.Reason is { } reason)
            {
                values.Add(("r" + key, reason));
            }

            if (answer.OtherText is { } other)
            {
                values.Add(("o" + key, other));
            }
        }

        return [.. values];
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> FollowAsync(PageClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Seed_001_typed_in_from_25_paper_sheets_shows_the_citys_table_and_the_count_of_sheets()
    {
        var survey = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Paper);
        using var coordinator = await CoordinatorAsync();
        var page = await coordinator.GetPageAsync($"/surveys/{survey.Id}");
        Assert.Equal("0枚 紙の回答を入力する", page.Text("#paper-sheets"));

        foreach (var sheet in Seed001Survey.Answers(survey))
        {
            var form = await coordinator.GetPageAsync($"/surveys/{survey.Id}/paper");
            page = await coordinator.SubmitAndFollowAsync(form, "#paper-form", Sheet(sheet));
            Assert.Contains("紙の回答を1枚登録しました", page.Text("[role=status]"), StringComparison.Ordinal);
        }

        var results = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results");
        Assert.Equal("25枚", page.Text("#paper-sheets"));
        Assert.Equal("25人", results.Text("#respondents"));
        Assert.Equal("92.6%", results.Text("#response-rate"));
        Assert.Equal(["1．課長 8 32.0%", "2．係長 16 64.0%", "3．主事・事務職員 1 4.0%"], results.Texts("#table-1 tbody tr"));
        Assert.Equal(["1．非常に理解できた 3 12.0%", "2．理解できた 17 68.0%", "3．あまり理解できなかった 5 20.0%", "4．理解できなかった 0 0.0%"], results.Texts("#table-2 tbody tr"));
        Assert.Contains("【非常に理解できた】", results.Texts("#result-2 h3"));
        Assert.Equal(25, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id && r.Source == SurveyMethod.Paper)));
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyParticipations.CountAsync(p => p.SurveyId == survey.Id)));
    }

    [Fact]
    public async Task A_bad_sheet_gets_the_online_answers_messages_and_a_sheet_posted_twice_counts_once()
    {
        var survey = await SurveyScenario.Seed001Async(factory);
        using var coordinator = await CoordinatorAsync();
        var form = await coordinator.GetPageAsync($"/surveys/{survey.Id}/paper");
        var q1 = survey.QuestionNumbered(1);
        var q7 = survey.QuestionNumbered(7);

        var refused = await coordinator.SubmitAndFollowAsync(form, "#paper-form",
            ($"a{q1.Id}", q1.Options[0].Id.ToString(CultureInfo.InvariantCulture)), ($"a{q1.Id}", q1.Options[1].Id.ToString(CultureInfo.InvariantCulture)),
            ($"a{survey.QuestionNumbered(2).Id}", "999999"), ($"t{q7.Id}", new string('あ', 10_000)));
        var alert = refused.Text("[role=alert]");
        Assert.Contains("【問1】は選択肢を1つだけ選んでください。", alert, StringComparison.Ordinal);
        Assert.Contains("【問2】の選択肢の指定が正しくありません。", alert, StringComparison.Ordinal);
        Assert.Contains("【問3】に回答してください。", alert, StringComparison.Ordinal);
        Assert.Contains("【問7】の記述は4000文字以内で入力してください。", alert, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id)));

        var sheet = Sheet(Seed001Survey.Answers(survey)[0]);
        using var first = await coordinator.SubmitAsync(refused, "#paper-form", sheet);
        using var second = await coordinator.SubmitAsync(refused, "#paper-form", sheet);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id)));
    }

    [Fact]
    public async Task A_closed_paper_survey_still_takes_sheets_but_an_online_one_and_published_results_do_not()
    {
        var paper = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Paper);
        var online = await SurveyScenario.Seed001Async(factory);
        var published = await SurveyScenario.Seed001Async(factory, method: SurveyMethod.Paper);
        var draft = await SurveyScenario.Seed001Async(factory, open: false, method: SurveyMethod.Paper);
        using var coordinator = await CoordinatorAsync();
        var onlineForm = await coordinator.GetPageAsync($"/surveys/{online.Id}/paper");
        await SurveyScenario.MoveAsync(factory, paper, SurveyStatus.Closed);
        await SurveyScenario.MoveAsync(factory, online, SurveyStatus.Closed);
        var publishedForm = await coordinator.GetPageAsync($"/surveys/{published.Id}/paper");
        await SurveyScenario.MoveAsync(factory, published, SurveyStatus.ResultsPublished);

        var taken = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/surveys/{paper.Id}/paper"), "#paper-form", Sheet(Seed001Survey.Answers(paper)[0]));
        var onClosed = await FollowAsync(coordinator, $"/surveys/{online.Id}/paper");
        var onDraft = await FollowAsync(coordinator, $"/surveys/{draft.Id}/paper");
        var late = await coordinator.SubmitAndFollowAsync(publishedForm, "#paper-form", Sheet(Seed001Survey.Answers(published)[0]));

        Assert.Equal("1枚", taken.Text("#paper-sheets"));
        Assert.Equal("0枚", onlineForm.Text("#paper-sheets"));
        Assert.Contains("「締切」のアンケートには紙の回答を入力できません。", onClosed.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("「下書き」のアンケートには紙の回答を入力できません。", onDraft.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("「結果公開」のアンケートには紙の回答を入力できません。", late.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == published.Id || r.SurveyId == online.Id)));
    }
}
