using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;
using KyodoPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 16, first increment: surveys built, answered and tallied through the pages.</summary>
[Trait("Category", "Database")]
public sealed class SurveyTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<PageClient> CoordinatorAsync()
    {
        var email = $"survey-coordinator-{Guid.NewGuid():N}@example.jp";
        await factory.CreateUserAsync(email, KyodoRoles.Coordinator);
        var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return client;
    }

    private async Task<PageClient> RespondentAsync(string email)
    {
        await factory.CreateUserAsync(email, KyodoRoles.CommitteeMember);
        var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return client;
    }

    private static int IdFrom(IHtmlDocument page) =>
        int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[2], CultureInfo.InvariantCulture);

    /// <summary>The form values that choose option <paramref name="option"/> (1-based) of 【問<paramref name="number"/>】 on the answer page.</summary>
    private static (string Key, string Value) Choose(IHtmlDocument page, int number, int option)
    {
        var input = page.QuerySelectorAll($"#q-{number} input[type=radio], #q-{number} input[type=checkbox]")[option - 1];
        return (input.GetAttribute("name")!, input.GetAttribute("value")!);
    }

    [Fact]
    public async Task Seed_001_built_through_the_forms_and_answered_by_25_people_shows_the_citys_table()
    {
        using var coordinator = await CoordinatorAsync();
        var form = await coordinator.GetPageAsync("/surveys/new");
        var created = await coordinator.SubmitAndFollowAsync(form, "#survey-form",
            ("Input.Title", Seed001Survey.Title), ("Input.OpensOn", Iso(SurveyScenario.JapanToday.AddDays(-1))), ("Input.ClosesOn", Iso(SurveyScenario.JapanToday.AddDays(7))),
            ("Input.TargetCount", "２７"), ("Input.AudienceKind", nameof(SurveyAudienceKind.AnySignedIn)), ("Input.Method", nameof(SurveyMethod.Online)));
        var id = IdFrom(created);
        foreach (var seed in Seed001Survey.Questions)
        {
            var questionForm = await coordinator.GetPageAsync($"/surveys/{id}/questions/new");
            await coordinator.SubmitAndFollowAsync(questionForm, "#question-form",
                ("Input.Kind", seed.Draft.Kind.ToString()), ("Input.Text", seed.Draft.Text), ("Input.OptionsText", string.Join('\n', seed.Draft.Options)),
                ("Input.OtherLabel", seed.Draft.OtherLabel ?? string.Empty), ("Input.AsksReason", seed.Draft.AsksReason ? "true" : "false"),
                ("Input.IsRequired", seed.Draft.IsRequired ? "true" : "false"));
        }

        var opened = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/surveys/{id}"), "#open-form");
        Assert.Equal("回答受付中", opened.Text("#survey-status"));
        Assert.Equal(7, opened.QuerySelectorAll("#question-list > li").Length);

        for (var respondent = 0; respondent < Seed001Survey.Respondents; respondent++)
        {
            using var person = await RespondentAsync($"survey-respondent-{respondent}-{Guid.NewGuid():N}@example.jp");
            var page = await person.GetPageAsync($"/surveys/{id}/answer");
            var values = new List<(string Key, string Value)>();
            foreach (var (seed, index) in Seed001Survey.Questions.Select((q, i) => (q, i)).Where(x => x.q.Counts.Count > 0))
            {
                var option = seed.Counts.SelectMany((count, o) => Enumerable.Repeat(o + 1, count)).ElementAt(respondent);
                values.Add(Choose(page, index + 1, option));
            }

            var done = await person.SubmitAndFollowAsync(page, "#answer-form", [.. values]);
            Assert.Contains("回答しました", done.Text("[role=status]"), StringComparison.Ordinal);
        }

        var results = await coordinator.GetPageAsync($"/surveys/{id}/results");

        Assert.Equal("92.6%", results.Text("#response-rate"));
        Assert.Equal("25人", results.Text("#respondents"));
        Assert.Equal(["1．課長 8 32.0%", "2．係長 16 64.0%", "3．主事・事務職員 1 4.0%"], results.Texts("#table-1 tbody tr"));
        Assert.Equal(["1．非常に理解できた 3 12.0%", "2．理解できた 17 68.0%", "3．あまり理解できなかった 5 20.0%", "4．理解できなかった 0 0.0%"], results.Texts("#table-2 tbody tr"));
        Assert.Equal(3, results.QuerySelectorAll("#result-1 svg rect").Length);
        Assert.Equal(25, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
    }

    [Fact]
    public async Task A_named_respondent_changes_the_answer_until_the_survey_closes()
    {
        var survey = await SurveyScenario.Seed001Async(factory, anonymous: false);
        using var person = await RespondentAsync($"survey-change-{Guid.NewGuid():N}@example.jp");
        var page = await person.GetPageAsync($"/surveys/{survey.Id}/answer");
        await person.SubmitAndFollowAsync(page, "#answer-form", [Choose(page, 1, 1), Choose(page, 2, 1), Choose(page, 3, 1), Choose(page, 4, 1), Choose(page, 5, 1), Choose(page, 6, 1)]);

        var again = await person.GetPageAsync($"/surveys/{survey.Id}/answer");
        Assert.NotNull(again.Text("#answered"));
        Assert.True(again.QuerySelectorAll("#q-1 input")[0].HasAttribute("checked"));
        await person.SubmitAndFollowAsync(again, "#answer-form", Choose(again, 1, 2));

        var chosen = await factory.QueryAsync(db => db.Set<SurveyAnswerChoice>()
            .Where(c => c.QuestionId == survey.QuestionNumbered(1).Id).Select(c => c.OptionId).ToListAsync());
        Assert.Equal([survey.QuestionNumbered(1).Options[1].Id], chosen);
    }

    [Fact]
    public async Task An_anonymous_answer_keeps_only_a_has_answered_marker_and_cannot_be_given_twice()
    {
        var survey = await SurveyScenario.Seed001Async(factory);
        var email = $"survey-anonymous-{Guid.NewGuid():N}@example.jp";
        using var person = await RespondentAsync(email);
        var page = await person.GetPageAsync($"/surveys/{survey.Id}/answer");
        var values = Enumerable.Range(1, 6).Select(n => Choose(page, n, 1)).ToArray();
        await person.SubmitAndFollowAsync(page, "#answer-form", values);

        var second = await person.SubmitAndFollowAsync(page, "#answer-form", values);
        var reopened = await person.GetPageAsync($"/surveys/{survey.Id}/answer");

        Assert.Contains("既に回答しています", second.Text("[role=alert]") ?? second.Text("[role=status]"), StringComparison.Ordinal);
        Assert.NotNull(reopened.Text("#answered"));
        Assert.Null(reopened.QuerySelector("#answer-form"));
        var (responses, markers) = await factory.QueryAsync(async db => (
            await db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id),
            await db.SurveyParticipations.Where(p => p.SurveyId == survey.Id).Select(p => new { p.UserId, p.ResponseId }).ToListAsync()));
        Assert.Equal(1, responses);
        var marker = Assert.Single(markers);
        Assert.Null(marker.ResponseId);
    }

    /// <summary>
    /// No query can join an anonymous answer to an account: the answer tables have no column that
    /// names an account or points at one, and the marker (the only table with the account) has no
    /// id, time or sequence of its own and no response link for an anonymous survey.
    /// </summary>
    [Fact]
    public async Task The_schema_leaves_nothing_to_join_an_anonymous_answer_to_an_account()
    {
        var model = await factory.QueryAsync(db => Task.FromResult(db.Model));
        var users = model.FindEntityType(typeof(AppUser))!;
        foreach (var type in new[] { typeof(SurveyResponse), typeof(SurveyAnswer), typeof(SurveyAnswerChoice) })
        {
            var entity = model.FindEntityType(type)!;
            Assert.DoesNotContain(entity.GetProperties(), p => p.Name.Contains("User", StringComparison.OrdinalIgnoreCase) || p.ClrType == typeof(DateTime));
            Assert.DoesNotContain(entity.GetForeignKeys(), fk => fk.PrincipalEntityType == users);
        }

        var marker = model.FindEntityType(typeof(SurveyParticipation))!;
        Assert.Equal(["ResponseId", "SurveyId", "UserId"], marker.GetProperties().Select(p => p.Name).Order());
        Assert.Equal(["SurveyId", "UserId"], marker.FindPrimaryKey()!.Properties.Select(p => p.Name));
    }

    [Fact]
    public async Task An_anonymous_survey_withholds_results_below_five_answers_and_suppresses_small_cross_tab_cells()
    {
        var survey = await SurveyScenario.Seed001Async(factory);
        var answers = Seed001Survey.Answers(survey);
        await SurveyScenario.RecordAsync(factory, survey, answers.Take(4));
        using var coordinator = await CoordinatorAsync();

        var withheld = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results");
        await SurveyScenario.RecordAsync(factory, survey, answers.Skip(4));
        var crossed = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results?row=1&col=2");

        Assert.NotNull(withheld.Text("#withheld"));
        Assert.Null(withheld.QuerySelector("#table-1"));
        Assert.Equal("92.6%", crossed.Text("#response-rate"));
        Assert.Equal(["1．課長 8 32.0%", "2．係長 16 64.0%", "3．主事・事務職員 1 4.0%"], crossed.Texts("#table-1 tbody tr"));
        var rows = crossed.QuerySelectorAll("#cross-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["3（37.5%）", "5（62.5%）", "–", "–", "8"], rows[0]);
        Assert.Equal(["–", "12（75.0%）", "4（25.0%）", "–", "16"], rows[1]);
        Assert.NotNull(crossed.Text("#suppression-note"));
        Assert.Contains("市長の考えもよくわかり、とても感銘を受けた。", crossed.Texts("#result-2 .survey-texts li"));
    }

    [Fact]
    public async Task A_draft_is_edited_through_its_forms_and_only_named_accounts_may_answer_it()
    {
        var survey = await SurveyScenario.Seed001Async(factory, open: false, anonymous: false);
        var named = $"survey-named-{Guid.NewGuid():N}@example.jp";
        using var person = await RespondentAsync(named);
        using var outsider = await RespondentAsync($"survey-outsider-{Guid.NewGuid():N}@example.jp");
        using var coordinator = await CoordinatorAsync();
        var form = await coordinator.GetPageAsync($"/surveys/{survey.Id}/edit");

        var unknown = await coordinator.SubmitAndFollowAsync(form, "#survey-form",
            ("Input.AudienceKind", nameof(SurveyAudienceKind.NamedAccounts)), ("Input.AudienceEmails", named + "\nnobody@example.jp"));
        var saved = await coordinator.SubmitAndFollowAsync(form, "#survey-form",
            ("Input.AudienceKind", nameof(SurveyAudienceKind.NamedAccounts)), ("Input.AudienceEmails", named.ToUpperInvariant()));
        var stale = await coordinator.SubmitAndFollowAsync(form, "#survey-form", ("Input.Title", "古い画面からの変更"));

        Assert.Contains("nobody@example.jp", unknown.Text(".field-validation-error"), StringComparison.Ordinal);
        Assert.Contains(named, saved.Text("#survey-audience"), StringComparison.Ordinal);
        Assert.Contains("他の人が先に更新しました", stale.Text("[role=alert]"), StringComparison.Ordinal);

        var edit = await coordinator.GetPageAsync($"/surveys/{survey.Id}/questions/1/edit");
        await coordinator.SubmitAndFollowAsync(edit, "#question-form", ("Input.OptionsText", "部長\n課長\n係長\n主事・事務職員"));
        var page = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/surveys/{survey.Id}"), "#question-2 form");
        Assert.Equal(6, page.QuerySelectorAll("#question-list > li").Length);
        Assert.Equal(4, page.QuerySelectorAll("#question-1 .survey-options li").Length);
        Assert.StartsWith("【問2】 今回の研修を受けて", page.Text("#question-2 p"), StringComparison.Ordinal);

        await coordinator.SubmitAndFollowAsync(page, "#open-form");
        using var refused = await outsider.Http.GetAsync($"/surveys/{survey.Id}/answer");
        var answer = await person.GetPageAsync($"/surveys/{survey.Id}/answer");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(4, answer.QuerySelectorAll("#q-1 input[type=radio]").Length);
        // Searched by title: the list is paged, and other tests' surveys fill its first page.
        var mine = "/my-surveys?q=" + Uri.EscapeDataString(survey.Title);
        Assert.Null((await outsider.GetPageAsync(mine)).QuerySelector("#my-surveys"));
        Assert.Contains(survey.Title, (await person.GetPageAsync(mine)).Texts("#my-surveys a"));
    }

    [Fact]
    public async Task The_results_page_runs_the_same_number_of_SQL_commands_for_5_and_25_answers()
    {
        var survey = await SurveyScenario.Seed001Async(factory);
        var answers = Seed001Survey.Answers(survey);
        using var coordinator = await CoordinatorAsync();
        await SurveyScenario.RecordAsync(factory, survey, answers.Take(5));
        await coordinator.GetPageAsync($"/surveys/{survey.Id}/results?row=1&col=2");
        factory.SqlCommands.Reset();
        await coordinator.GetPageAsync($"/surveys/{survey.Id}/results?row=1&col=2");
        var fewer = factory.SqlCommands.Count;

        await SurveyScenario.RecordAsync(factory, survey, answers.Skip(5));
        factory.SqlCommands.Reset();
        var page = await coordinator.GetPageAsync($"/surveys/{survey.Id}/results?row=1&col=2");

        Assert.Equal("25人", page.Text("#respondents"));
        Assert.Equal(fewer, factory.SqlCommands.Count);
    }

    [Fact]
    public async Task The_same_anonymous_answer_sent_twice_at_once_is_saved_once()
    {
        var survey = await SurveyScenario.Seed001Async(factory);
        using var person = await RespondentAsync($"survey-twice-{Guid.NewGuid():N}@example.jp");
        var page = await person.GetPageAsync($"/surveys/{survey.Id}/answer");
        var values = Enumerable.Range(1, 6).Select(n => Choose(page, n, 2)).ToArray();

        var sent = await Task.WhenAll(person.SubmitAsync(page, "#answer-form", values), person.SubmitAsync(page, "#answer-form", values));

        foreach (var response in sent)
        {
            response.Dispose();
        }

        Assert.Contains(sent, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.DoesNotContain(sent, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Equal(1, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id)));
        Assert.Equal(1, await factory.QueryAsync(db => db.SurveyParticipations.CountAsync(p => p.SurveyId == survey.Id)));
    }

    [Theory]
    [InlineData(KyodoRoles.GroupMember, "/surveys")]
    [InlineData(KyodoRoles.DepartmentStaff, "/surveys/new")]
    [InlineData(KyodoRoles.CommitteeMember, "/surveys/{id}")]
    [InlineData(KyodoRoles.GroupMember, "/surveys/{id}/questions/new")]
    public async Task Only_the_office_opens_the_survey_administration(string role, string url)
    {
        var survey = await SurveyScenario.Seed001Async(factory, open: false);
        using var client = await factory.SignedInAsync(role);

        using var response = await client.Http.GetAsync(url.Replace("{id}", survey.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Others_cannot_answer_a_draft_read_unpublished_results_or_open_a_survey()
    {
        var draft = await SurveyScenario.Seed001Async(factory, open: false);
        var open = await SurveyScenario.Seed001Async(factory);
        using var member = await factory.SignedInAsync(KyodoRoles.GroupMember);
        var home = await member.GetPageAsync("/");

        using var answerDraft = await member.Http.GetAsync($"/surveys/{draft.Id}/answer");
        using var results = await member.Http.GetAsync($"/surveys/{open.Id}/results");
        using var openDraft = await member.PostWithTokenAsync(home, $"/surveys/{draft.Id}/open", ("version", "0"), (PageClient.ConfirmationField, "true"));

        Assert.Equal(HttpStatusCode.NotFound, answerDraft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, results.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, openDraft.StatusCode);
        Assert.Equal(SurveyStatus.Draft, await factory.QueryAsync(db => db.Surveys.Where(s => s.Id == draft.Id).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Bad_answers_get_a_message_and_nothing_is_saved()
    {
        var survey = await SurveyScenario.Seed001Async(factory, anonymous: false);
        using var person = await RespondentAsync($"survey-bad-{Guid.NewGuid():N}@example.jp");
        var page = await person.GetPageAsync($"/surveys/{survey.Id}/answer");
        var q1 = survey.QuestionNumbered(1);
        var q7 = survey.QuestionNumbered(7);

        var refused = await person.SubmitAndFollowAsync(page, "#answer-form",
            ($"a{q1.Id}", q1.Options[0].Id.ToString(CultureInfo.InvariantCulture)), ($"a{q1.Id}", q1.Options[1].Id.ToString(CultureInfo.InvariantCulture)),
            ($"a{survey.QuestionNumbered(2).Id}", "999999"), ($"t{q7.Id}", new string('あ', 10_000)));

        var alert = refused.Text("[role=alert]");
        Assert.Contains("【問1】は選択肢を1つだけ選んでください。", alert, StringComparison.Ordinal);
        Assert.Contains("【問2】の選択肢の指定が正しくありません。", alert, StringComparison.Ordinal);
        Assert.Contains("【問3】に回答してください。", alert, StringComparison.Ordinal);
        Assert.Contains("【問7】の記述は4000文字以内で入力してください。", alert, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id)));
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyParticipations.CountAsync(p => p.SurveyId == survey.Id)));
    }

    [Fact]
    public async Task A_closed_survey_refuses_answers_and_its_questions_cannot_change()
    {
        var survey = await SurveyScenario.Seed001Async(factory, anonymous: false);
        using var coordinator = await CoordinatorAsync();
        using var person = await RespondentAsync($"survey-late-{Guid.NewGuid():N}@example.jp");
        var answerPage = await person.GetPageAsync($"/surveys/{survey.Id}/answer");
        await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/surveys/{survey.Id}"), "#close-form");

        var late = await person.SubmitAndFollowAsync(answerPage, "#answer-form", Enumerable.Range(1, 6).Select(n => Choose(answerPage, n, 1)).ToArray());
        using var edit = await coordinator.Http.GetAsync($"/surveys/{survey.Id}/questions/1/edit");

        Assert.Contains("「締切」のアンケートには回答できません。", late.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id)));
    }
}

/// <summary>The demo city carries seed 001 as a closed survey whose results are the seed's table.</summary>
[Trait("Category", "Database")]
public sealed class DemoSurveyTests
{
    [Fact]
    public async Task The_demo_survey_is_seed_001_published_to_the_public_with_its_25_answers_and_the_seeds_counts()
    {
        using var factory = new DemoWebFactory();
        using var coordinator = factory.CreatePageClient();
        await coordinator.SignInAsync("coordinator@example.jp", DemoWebFactory.DemoPassword);

        var list = await coordinator.GetPageAsync("/surveys");
        var links = list.QuerySelectorAll("#surveys tbody td:first-child a");
        Assert.Equal(new[] { Seed001Survey.Title, DemoDataSeeder.DemoLinkSurveyTitle }.Order(StringComparer.Ordinal), links.Select(a => a.TextContent).Order(StringComparer.Ordinal));
        var link = links.Single(a => a.TextContent == Seed001Survey.Title);
        var page = await coordinator.GetPageAsync(link.GetAttribute("href")!);
        var results = await coordinator.GetPageAsync(link.GetAttribute("href")! + "/results");

        Assert.Equal("結果公開", page.Text("#survey-status"));
        Assert.Equal("一般に公開 公開ページ", page.Text("#results-scope"));
        Assert.Equal("25人", results.Text("#respondents"));
        Assert.Equal("92.6%", results.Text("#response-rate"));
        Assert.Equal(["1．課長 8 32.0%", "2．係長 16 64.0%", "3．主事・事務職員 1 4.0%"], results.Texts("#table-1 tbody tr"));
        Assert.Equal(["1．思った 19 76.0%", "2．思わない 0 0.0%", "3．わからない 6 24.0%"], results.Texts("#table-3 tbody tr"));
        Assert.Equal(["1．とても必要だ 9 36.0%", "2．どちらかといえば必要だ 16 64.0%", "3．どちらかといえば必要ない 0 0.0%", "4．必要ない 0 0.0%"], results.Texts("#table-4 tbody tr"));
        Assert.Contains("【非常に理解できた】", results.Texts("#result-2 h3"));
        Assert.Equal(0, await factory.QueryAsync(db => db.SurveyParticipations.CountAsync()));

        // The public reads the results without signing in, and answers the link survey through its link.
        using var visitor = factory.CreatePageClient();
        var published = await visitor.FollowLinkAsync(await visitor.GetPageAsync("/survey-results"), "#public-survey-results a");
        Assert.Equal(["1．課長 8 32.0%", "2．係長 16 64.0%", "3．主事・事務職員 1 4.0%"], published.Texts("#table-1 tbody tr"));
        var linkSurvey = await coordinator.GetPageAsync(links.Single(a => a.TextContent == DemoDataSeeder.DemoLinkSurveyTitle).GetAttribute("href")!);
        var answer = await visitor.GetPageAsync(new Uri(linkSurvey.Text("#survey-link-url")!).AbsolutePath);
        Assert.NotNull(answer.QuerySelector("#answer-form"));
    }
}
