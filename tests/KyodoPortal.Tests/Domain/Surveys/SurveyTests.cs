using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Tests.Domain.Builders;
using KyodoPortal.Web.Data;

namespace KyodoPortal.Tests.Domain.Surveys;

public class SurveyTests
{
    private static readonly DateOnly Opens = new(2023, 11, 17);
    private static readonly DateOnly Closes = new(2023, 12, 8);
    private static readonly int[][] ChoicesOfThree = [[1, 2], [1, 3], [1]];
    private static readonly DateTime Now = new(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Seed 001 built through the domain, ids set as the database would, opened.</summary>
    internal static Survey Seed001(bool anonymous = true, bool open = true)
    {
        var survey = ProjectBuilder.WithId(new Survey(Seed001Survey.Draft(Opens, Closes, anonymous: anonymous, method: SurveyMethod.Online), "coordinator", Now), 1);
        var optionId = 100;
        foreach (var seed in Seed001Survey.Questions)
        {
            var question = survey.AddQuestion(seed.Draft);
            ProjectBuilder.WithId(question, question.Number * 10);
            foreach (var option in question.Options)
            {
                ProjectBuilder.WithId(option, optionId++);
            }
        }

        if (open)
        {
            survey.Open("coordinator", Now);
        }

        return survey;
    }

    internal static SurveyTally Tally(Survey survey, IEnumerable<SurveyResponse> responses, int textsPerGroup = int.MaxValue)
    {
        var list = responses.ToList();
        var groups = list.SelectMany(r => r.Answers.SelectMany(a => Texts(r, a)))
            .GroupBy(t => (t.QuestionId, t.OptionId, t.Kind))
            .Select(g => new SurveyTextGroup(g.Key.QuestionId, g.Key.OptionId, g.Key.Kind, g.Count(), [.. g.Select(t => t.Text).Take(textsPerGroup)]))
            .ToList();
        return new SurveyTally(
            list.Count,
            list.SelectMany(r => r.Answers).GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.Count()),
            list.SelectMany(r => r.Choices).GroupBy(c => c.OptionId).ToDictionary(g => g.Key, g => g.Count()),
            groups);
    }

    private static IEnumerable<(int QuestionId, int? OptionId, SurveyTextKind Kind, string Text)> Texts(SurveyResponse response, SurveyAnswer answer)
    {
        var option = response.Choices.FirstOrDefault(c => c.QuestionId == answer.QuestionId)?.OptionId;
        if (answer.Reason is { } reason)
        {
            yield return (answer.QuestionId, option, SurveyTextKind.Reason, reason);
        }

        if (answer.Text is { } text)
        {
            yield return (answer.QuestionId, null, SurveyTextKind.FreeText, text);
        }
    }

    private static SurveyResults Seed001Results(bool anonymous = true)
    {
        var survey = Seed001(anonymous);
        var responses = Seed001Survey.Answers(survey).Select(a => SurveyResponse.Answer(survey, a, Opens)).ToList();
        return SurveyResults.Compute(survey, Tally(survey, responses));
    }

    [Fact]
    public void Seed_001_gives_the_citys_table_8_16_1_as_32_64_4_percent_and_a_response_rate_of_92_6_percent()
    {
        var results = Seed001Results();

        Assert.Equal(25, results.Respondents);
        Assert.Equal(27, results.TargetCount);
        Assert.Equal("92.6%", results.ResponseRate.ToString());
        var q1 = results.Questions[0];
        Assert.Equal([8, 16, 1], q1.Options.Select(o => o.Count));
        Assert.Equal(["32.0%", "64.0%", "4.0%"], q1.Options.Select(o => o.Share.ToString()));
        Assert.Equal(["12.0%", "68.0%", "20.0%", "0.0%"], results.Questions[1].Options.Select(o => o.Share.ToString()));
        Assert.Equal(["76.0%", "0.0%", "24.0%"], results.Questions[2].Options.Select(o => o.Share.ToString()));
        Assert.Equal(["36.0%", "64.0%", "0.0%", "0.0%"], results.Questions[3].Options.Select(o => o.Share.ToString()));
        Assert.Equal([3, 8, 1, 3, 2, 3, 1, 4], results.Questions[4].Options.Select(o => o.Count));
        Assert.Equal("32.0%", results.Questions[4].Options[1].Share.ToString());
        Assert.Equal([2, 13, 3, 4, 1, 2], results.Questions[5].Options.Select(o => o.Count));
    }

    [Fact]
    public void Reasons_are_grouped_under_the_option_each_respondent_chose()
    {
        var q2 = Seed001Results().Questions[1];

        Assert.Equal(["非常に理解できた", "理解できた", "あまり理解できなかった"], q2.Reasons.Select(g => g.OptionLabel));
        Assert.Contains("市長の考えもよくわかり、とても感銘を受けた。", q2.Reasons[0].Texts);
        Assert.Equal(2, q2.Reasons[1].Texts.Count);
        Assert.All(q2.Reasons, g => Assert.False(g.HasMore));
    }

    [Fact]
    public void A_group_that_brings_only_its_first_texts_says_how_many_there_are()
    {
        var survey = Seed001();
        var responses = Seed001Survey.Answers(survey).Select(a => SurveyResponse.Answer(survey, a, Opens)).ToList();

        var q2 = SurveyResults.Compute(survey, Tally(survey, responses, textsPerGroup: 1)).Questions[1];

        var understood = q2.Reasons[1];
        Assert.Equal("理解できた", understood.OptionLabel);
        Assert.Equal(2, understood.OptionNumber);
        Assert.Single(understood.Texts);
        Assert.Equal(2, understood.Total);
        Assert.True(understood.HasMore);
    }

    [Fact]
    public void A_free_text_question_lists_its_answers_on_the_respondents_who_wrote_one()
    {
        var q7 = Seed001Results().Questions[6];

        Assert.Equal(2, q7.Respondents);
        Assert.Equal(2, q7.FreeTexts?.Texts.Count);
        Assert.Empty(q7.Options);
    }

    [Fact]
    public void Multiple_choice_shares_are_per_respondent_and_may_add_up_to_more_than_100_percent()
    {
        var survey = ProjectBuilder.WithId(new Survey(Seed001Survey.Draft(Opens, Closes, anonymous: false), "c", Now), 2);
        var question = ProjectBuilder.WithId(survey.AddQuestion(new QuestionDraft(QuestionKind.MultipleChoice, "関心のある分野", true, ["子育て", "環境", "防災"], MaxChoices: 2)), 1);
        foreach (var (option, id) in question.Options.Select((o, i) => (o, i + 1)))
        {
            ProjectBuilder.WithId(option, id);
        }

        survey.Open("c", Now);
        var responses = ChoicesOfThree.Select(ids => SurveyResponse.Answer(survey, [new AnswerDraft(1, ids)], Opens)).ToList();

        var result = SurveyResults.Compute(survey, Tally(survey, responses)).Questions[0];

        Assert.Equal(3, result.Respondents);
        Assert.Equal(["100.0%", "33.3%", "33.3%"], result.Options.Select(o => o.Share.ToString()));
        Assert.True(result.SharesMayExceedHundred);
        var refusal = Assert.Throws<DomainRuleException>(() => SurveyResponse.Answer(survey, [new AnswerDraft(1, [1, 2, 3])], Opens));
        Assert.Equal("【問1】は2つまで選べます。", refusal.Message);
    }

    [Fact]
    public void An_anonymous_survey_shows_no_results_below_five_answers()
    {
        var survey = Seed001();
        var answers = Seed001Survey.Answers(survey);
        var four = answers.Take(4).Select(a => SurveyResponse.Answer(survey, a, Opens)).ToList();
        var five = answers.Take(5).Select(a => SurveyResponse.Answer(survey, a, Opens)).ToList();

        var withheld = SurveyResults.Compute(survey, Tally(survey, four));
        var shown = SurveyResults.Compute(survey, Tally(survey, five));

        Assert.True(withheld.IsWithheld);
        Assert.Empty(withheld.Questions);
        Assert.False(shown.IsWithheld);
        Assert.False(SurveyResults.Compute(Seed001(anonymous: false), Tally(survey, four)).IsWithheld);
    }

    [Fact]
    public void A_cross_tab_gives_row_percentages_and_suppresses_cells_under_three_in_an_anonymous_survey()
    {
        var survey = Seed001();
        var q1 = survey.QuestionNumbered(1);
        var q2 = survey.QuestionNumbered(2);
        var counts = new Dictionary<(int, int), int>
        {
            [(q1.Options[0].Id, q2.Options[0].Id)] = 2,
            [(q1.Options[0].Id, q2.Options[1].Id)] = 6,
            [(q1.Options[1].Id, q2.Options[1].Id)] = 11,
            [(q1.Options[1].Id, q2.Options[2].Id)] = 5,
            [(q1.Options[2].Id, q2.Options[0].Id)] = 1,
        };

        var anonymous = SurveyCrossTab.Compute(survey, q1, q2, counts);
        var named = SurveyCrossTab.Compute(Seed001(anonymous: false), q1, q2, counts);

        Assert.Equal(["課長", "係長", "主事・事務職員"], anonymous.Rows.Select(r => r.Label));
        Assert.Equal(8, anonymous.Rows[0].Total);
        Assert.True(anonymous.Rows[0].Cells[0].IsSuppressed);
        Assert.Equal(6, anonymous.Rows[0].Cells[1].Count);
        Assert.Equal("75.0%", anonymous.Rows[0].Cells[1].Share.ToString());
        Assert.True(anonymous.Rows[0].Cells[3].IsSuppressed);
        Assert.Equal("68.8%", anonymous.Rows[1].Cells[1].Share.ToString());
        Assert.Equal(2, named.Rows[0].Cells[0].Count);
        Assert.Equal("25.0%", named.Rows[0].Cells[0].Share.ToString());
        Assert.Throws<DomainRuleException>(() => SurveyCrossTab.Compute(survey, q1, q1, counts));
        Assert.Throws<DomainRuleException>(() => SurveyCrossTab.Compute(survey, q1, survey.QuestionNumbered(7), counts));
    }

    [Fact]
    public void The_lifecycle_moves_draft_open_closed_published_and_a_wrong_move_names_both_states()
    {
        var survey = Seed001(open: false);
        Assert.True(survey.CanMoveTo(SurveyStatus.Open));
        Assert.False(survey.CanMoveTo(SurveyStatus.Closed));

        var early = Assert.Throws<DomainRuleException>(() => survey.PublishResults("c", Now, SurveyResultsScope.Respondents));
        survey.Open("c", Now);
        var again = Assert.Throws<DomainRuleException>(() => survey.Open("c", Now));
        survey.Close("c", Now.AddDays(30));
        survey.PublishResults("c", Now.AddDays(31), SurveyResultsScope.Respondents);

        Assert.Equal("「下書き」のアンケートは「結果公開」にできません。", early.Message);
        Assert.Equal("このアンケートはすでに「回答受付中」です。", again.Message);
        Assert.Equal(SurveyStatus.ResultsPublished, survey.Status);
        Assert.Equal(
            [(SurveyStatus.Draft, SurveyStatus.Open), (SurveyStatus.Open, SurveyStatus.Closed), (SurveyStatus.Closed, SurveyStatus.ResultsPublished)],
            survey.History.Select(h => (h.From, h.To)));
    }

    [Fact]
    public void Questions_change_only_in_a_draft_and_a_survey_without_questions_cannot_open()
    {
        var empty = new Survey(Seed001Survey.Draft(Opens, Closes), "c", Now);
        var survey = Seed001();

        Assert.False(empty.CanMoveTo(SurveyStatus.Open));
        Assert.Throws<DomainRuleException>(() => empty.Open("c", Now));
        var refusal = Assert.Throws<DomainRuleException>(() => survey.AddQuestion(new QuestionDraft(QuestionKind.FreeText, "追加", false, [])));
        Assert.Equal("「回答受付中」のアンケートは変更できません。変更できるのは下書きの間だけです。", refusal.Message);
    }

    [Fact]
    public void Removing_a_question_renumbers_the_rest()
    {
        var survey = Seed001(open: false);

        survey.RemoveQuestion(2);

        Assert.Equal([1, 2, 3, 4, 5, 6], survey.Questions.Select(q => q.Number));
        Assert.Equal("今回の研修を受けて、市の事業実施の手段として協働が効果的だと思いましたか。", survey.QuestionNumbered(2).Text);
    }

    [Fact]
    public void Bad_answers_are_refused_with_every_reason_and_nothing_is_kept()
    {
        var survey = Seed001();
        var q1 = survey.QuestionNumbered(1);
        var q7 = survey.QuestionNumbered(7);

        var refusal = Assert.Throws<DomainRuleException>(() => SurveyResponse.Answer(survey,
        [
            new AnswerDraft(q1.Id, [q1.Options[0].Id, q1.Options[1].Id]),
            new AnswerDraft(survey.QuestionNumbered(2).Id, [q1.Options[0].Id]),
            new AnswerDraft(q7.Id, [], Text: new string('あ', 10_000)),
            new AnswerDraft(999, [1]),
        ], Opens));

        Assert.Contains("【問1】は選択肢を1つだけ選んでください。", refusal.Reasons.Select(r => r.ToString()));
        Assert.Contains("【問2】の選択肢の指定が正しくありません。", refusal.Reasons.Select(r => r.ToString()));
        Assert.Contains("【問3】に回答してください。", refusal.Reasons.Select(r => r.ToString()));
        Assert.Contains("【問7】の記述は4000文字以内で入力してください。", refusal.Reasons.Select(r => r.ToString()));
        Assert.Contains("回答の対象の設問が正しくありません。", refusal.Reasons.Select(r => r.ToString()));
    }

    [Fact]
    public void Answers_outside_the_period_or_after_closing_are_refused_and_a_change_is_allowed_until_then()
    {
        var survey = Seed001(anonymous: false);
        var answers = Seed001Survey.Answers(survey);
        var response = SurveyResponse.Answer(survey, answers[0], Opens);

        response.Change(survey, answers[24], Closes);
        var late = Assert.Throws<DomainRuleException>(() => SurveyResponse.Answer(survey, answers[1], Closes.AddDays(1)));
        survey.Close("c", Now);
        var closed = Assert.Throws<DomainRuleException>(() => response.Change(survey, answers[0], Closes));

        Assert.Equal(survey.QuestionNumbered(1).Options[2].Id, response.Choices[0].OptionId);
        Assert.Equal("回答期間（令和5年11月17日～令和5年12月8日）外のため回答できません。", late.Message);
        Assert.Equal("「締切」のアンケートには回答できません。", closed.Message);
    }

    [Fact]
    public void The_has_answered_marker_of_an_anonymous_survey_does_not_point_at_the_response()
    {
        var anonymous = Seed001();
        var named = Seed001(anonymous: false);
        var answer = Seed001Survey.Answers(anonymous)[0];

        var hidden = SurveyParticipation.For(anonymous, "user-1", SurveyResponse.Answer(anonymous, answer, Opens));
        var linked = SurveyParticipation.For(named, "user-1", SurveyResponse.Answer(named, answer, Opens));

        Assert.Null(hidden.Response);
        Assert.NotNull(linked.Response);
    }

    [Fact]
    public void A_choice_question_needs_two_options_and_a_maximum_within_them()
    {
        var survey = new Survey(Seed001Survey.Draft(Opens, Closes), "c", Now);

        Assert.Throws<DomainRuleException>(() => survey.AddQuestion(new QuestionDraft(QuestionKind.SingleChoice, "一つだけ", true, ["はい"])));
        Assert.Throws<DomainRuleException>(() => survey.AddQuestion(new QuestionDraft(QuestionKind.MultipleChoice, "多すぎ", true, ["a", "b"], MaxChoices: 3)));
        var other = survey.AddQuestion(new QuestionDraft(QuestionKind.SingleChoice, "その他あり", true, ["a"], OtherLabel: "その他"));
        Assert.True(other.Options[1].IsOther);
    }
}
