using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 16: link surveys (「リンクを知っている人」) answered without signing in.</summary>
[Trait("Category", "Database")]
public sealed class SurveyLinkTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static (string Key, string Value)[] FirstOptions(IHtmlDocument page, int questions) =>
        [.. Enumerable.Range(1, questions).Select(n => page.QuerySelector($"#q-{n} input[type=radio], #q-{n} input[type=checkbox]")!)
            .Select(input => (input.GetAttribute("name")!, input.GetAttribute("value")!))];

    internal static Task<Survey> LinkSurveyAsync(KyodoWebFactory factory, bool open = true) =>
        SurveyScenario.Seed001Async(factory, open: open, audience: SurveyAudienceKind.AnyoneWithLink);

    [Fact]
    public async Task The_office_makes_a_link_survey_and_a_visitor_answers_through_the_link_without_signing_in_once_per_browser()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var created = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync("/surveys/new"), "#survey-form",
            ("Input.Title", "市民アンケート" + Guid.NewGuid().ToString("N")[..6]), ("Input.OpensOn", Iso(SurveyScenario.JapanToday.AddDays(-1))), ("Input.ClosesOn", Iso(SurveyScenario.JapanToday.AddDays(7))),
            ("Input.AudienceKind", nameof(SurveyAudienceKind.AnyoneWithLink)), ("Input.IsAnonymous", "true"));
        var id = int.Parse(new Uri(created.Url).AbsolutePath.Split('/')[2], CultureInfo.InvariantCulture);
        await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/surveys/{id}/questions/new"), "#question-form",
            ("Input.Kind", nameof(QuestionKind.SingleChoice)), ("Input.Text", "協働を知っていますか。"), ("Input.OptionsText", "知っている\n知らない"));
        var opened = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/surveys/{id}"), "#open-form");
        var link = new Uri(opened.Text("#survey-link-url")!).AbsolutePath;
        Assert.Matches("^/surveys/answer/[A-Za-z0-9_-]{24}$", link);

        using var visitor = factory.CreatePageClient();
        var page = await visitor.GetPageAsync(link);
        Assert.NotNull(page.Text("#anonymous-note"));
        Assert.Null(page.QuerySelector("form[action='/account/logout']"));
        var done = await visitor.SubmitAndFollowAsync(page, "#answer-form", FirstOptions(page, 1));
        Assert.Contains("回答しました", done.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("このブラウザーからは既に回答しています。ご協力ありがとうございました。", done.Text("#answered"));
        Assert.Null(done.QuerySelector("#answer-form"));

        // The same browser posting the old form again is refused and nothing more is saved.
        var again = await visitor.SubmitAndFollowAsync(page, "#answer-form", FirstOptions(page, 1));
        Assert.Contains("このブラウザーからは既に回答しています。", again.Text(".validation-summary-errors, [role=alert]"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyParticipations.CountAsync(p => p.SurveyId == id)));
    }

    [Fact]
    public async Task A_new_link_kills_the_old_one()
    {
        var survey = await LinkSurveyAsync(factory);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var details = await coordinator.GetPageAsync($"/surveys/{survey.Id}");
        var old = new Uri(details.Text("#survey-link-url")!).AbsolutePath;

        var renewed = await coordinator.SubmitAndFollowAsync(details, "#link-form");
        var fresh = new Uri(renewed.Text("#survey-link-url")!).AbsolutePath;

        Assert.Contains("前のリンクは使えなくなりました", renewed.Text("[role=status]"), StringComparison.Ordinal);
        Assert.NotEqual(old, fresh);
        using var visitor = factory.CreatePageClient();
        await visitor.GetPageAsync(old, HttpStatusCode.NotFound);
        await visitor.GetPageAsync(fresh);
        await visitor.GetPageAsync("/surveys/answer/" + new string('A', 24), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_named_link_survey_is_refused_on_the_form_with_the_reason()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var title = "記名のリンク" + Guid.NewGuid().ToString("N")[..6];
        var page = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync("/surveys/new"), "#survey-form",
            ("Input.Title", title), ("Input.OpensOn", Iso(SurveyScenario.JapanToday)), ("Input.ClosesOn", Iso(SurveyScenario.JapanToday.AddDays(7))),
            ("Input.AudienceKind", nameof(SurveyAudienceKind.AnyoneWithLink)), ("Input.IsAnonymous", "false"));

        Assert.Equal(Survey.LinkMustBeAnonymous, page.Text("[data-valmsg-for='Input.IsAnonymous']"));
        Assert.False(await factory.QueryAsync(db => db.Surveys.AnyAsync(s => s.Title == title)));
    }

    [Fact]
    public async Task A_draft_or_closed_link_survey_says_so_and_takes_no_answer()
    {
        var draft = await LinkSurveyAsync(factory, open: false);
        var closed = await LinkSurveyAsync(factory);
        await SurveyScenario.MoveAsync(factory, closed, SurveyStatus.Closed);
        using var visitor = factory.CreatePageClient();

        var early = await visitor.GetPageAsync($"/surveys/answer/{draft.LinkToken}");
        var late = await visitor.GetPageAsync($"/surveys/answer/{closed.LinkToken}");
        using var posted = await visitor.PostWithTokenAsync(await visitor.GetPageAsync("/account/login"), $"/surveys/answer/{closed.LinkToken}", ("a1", "1"));
        var refused = await PageClient.ReadAsync(posted, HttpStatusCode.OK);

        Assert.Equal("このアンケートはまだ回答を受け付けていません。", early.Text("#not-open"));
        Assert.Equal("このアンケートの回答受付は終了しました。", late.Text("#not-open"));
        Assert.Null(late.QuerySelector("#answer-form"));
        Assert.Contains("「締切」のアンケートには回答できません。", refused.Text(".validation-summary-errors, [role=alert]"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == closed.Id || r.SurveyId == draft.Id)));
    }

    [Fact]
    public async Task A_signed_in_person_cannot_answer_a_link_survey_by_its_number()
    {
        var survey = await LinkSurveyAsync(factory);
        using var member = await factory.SignedInAsync(KyodoRoles.CommitteeMember);

        await member.GetPageAsync($"/surveys/{survey.Id}/answer", HttpStatusCode.NotFound);
        Assert.DoesNotContain(survey.Title, (await member.GetPageAsync("/my-surveys")).Text("main"), StringComparison.Ordinal);
    }
}

/// <summary>The link survey's answer POST is rate-limited per client address (here 3 in the window).</summary>
[Trait("Category", "Database")]
public sealed class SurveyLinkRateLimitTests(SurveyLinkRateLimitTests.Factory factory) : IClassFixture<SurveyLinkRateLimitTests.Factory>
{
    public sealed class Factory : KyodoWebFactory
    {
        public Factory() => WithSetting("Surveys:LinkAnswersPerWindow", "3");
    }

    [Fact]
    public async Task Answers_past_the_limit_get_a_429_page_that_says_why_and_nothing_more_is_saved()
    {
        var survey = await SurveyLinkTests.LinkSurveyAsync(factory);
        var statuses = new List<HttpStatusCode>();
        string? refusal = null;
        for (var i = 0; i < 4; i++)
        {
            // A new browser each time: the cookie marker does not stop them, the rate limit does.
            using var visitor = factory.CreatePageClient();
            var page = await visitor.GetPageAsync($"/surveys/answer/{survey.LinkToken}");
            using var response = await visitor.SubmitAsync(page, "#answer-form", SurveyLinkTests.FirstOptions(page, 6));
            statuses.Add(response.StatusCode);
            if ((int)response.StatusCode == 429)
            {
                refusal = (await PageClient.ReadAsync(response, (HttpStatusCode)429)).Text("main");
            }
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, (HttpStatusCode)429], statuses);
        Assert.Contains("回答の受付を一時的に止めています。この回答は保存されていません。", refusal, StringComparison.Ordinal);
        Assert.Equal(3, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id)));
    }
}
