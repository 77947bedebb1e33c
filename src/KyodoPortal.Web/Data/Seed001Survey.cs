using KyodoPortal.Domain.Surveys;

namespace KyodoPortal.Web.Data;

/// <summary>
/// Seed 001 (../shared/seeds/001_…): the staff survey after the collaboration training, 27 asked,
/// 25 answered. Its questions, the counts the city tallied by hand, and a handful of its free-text
/// reasons under the options they were written for. The demo data and the tests build the same
/// survey from here.
/// </summary>
public static class Seed001Survey
{
    public const int TargetCount = 27;
    public const int Respondents = 25;

    public const string Title = "市民協働研修（管理職、中堅職員）アンケート";

    public const string Purpose = "市民協働研修（管理職、中堅職員）の受講者に、研修の理解度と協働の課題を尋ねる。";

    /// <summary>A question of the seed with the counts of its options, in the options' order (問５・問６ in the seed's numbering of options).</summary>
    public sealed record SeedQuestion(QuestionDraft Draft, IReadOnlyList<int> Counts, IReadOnlyList<(int Option, string Text)> Reasons, IReadOnlyList<string> FreeTexts);

    public static IReadOnlyList<SeedQuestion> Questions { get; } =
    [
        new(new QuestionDraft(QuestionKind.SingleChoice, "あなたの役職を教えてください。", true, ["課長", "係長", "主事・事務職員"]), [8, 16, 1], [], []),
        new(
            new QuestionDraft(QuestionKind.Rating, "今回の研修を踏まえて、協働について理解が深まりましたか。", true, ["非常に理解できた", "理解できた", "あまり理解できなかった", "理解できなかった"], AsksReason: true, ReasonPrompt: "そう思った理由"),
            [3, 17, 5, 0],
            [
                (1, "協働とは何であるか、協働を行う意義などを理解できました。"),
                (1, "市長の考えもよくわかり、とても感銘を受けた。"),
                (2, "委託についても、相手先によって協働であることが理解できた。"),
                (2, "協働に係るこれまでの概略や海外での事例は理解することができた。"),
                (3, "内容が理論的だったので、実際の実務におけるイメージが湧かなかった。グループワークと講義の関連性が感じられなかった。"),
            ],
            []),
        new(
            new QuestionDraft(QuestionKind.SingleChoice, "今回の研修を受けて、市の事業実施の手段として協働が効果的だと思いましたか。", true, ["思った", "思わない", "わからない"], AsksReason: true, ReasonPrompt: "そう思った理由"),
            [19, 0, 6],
            [
                (1, "協働の準備段階での労力が大変であると感じた。"),
                (3, "協働と業務委託の違いをまだ十分に理解できていない。"),
                (3, "実施しようとしている事業の内容によると考えます。"),
            ],
            []),
        new(new QuestionDraft(QuestionKind.Rating, "協働の必要性の度合いについて", true, ["とても必要だ", "どちらかといえば必要だ", "どちらかといえば必要ない", "必要ない"]), [9, 16, 0, 0], [], []),
        new(
            new QuestionDraft(
                QuestionKind.SingleChoice,
                "協働を実施するにあたり課題になることは何ですか。",
                true,
                ["協働の進め方がわからない", "相手方(市民団体)に市の立場(市としての事業目的、手続き、ルールなど)を理解してもらうことが難しい", "業務負担が増える", "協働の相手方がいない", "相手方の選定方法がわからない", "一度実施すると事業の目的が果たした後であってもやめにくい", "課内において協働で実施することの合意が取りにくい"],
                OtherLabel: "その他",
                AsksReason: true,
                ReasonPrompt: "具体的な内容"),
            [3, 8, 1, 3, 2, 3, 1, 4],
            [
                (6, "相手先からは補助金切りと捉えられる。"),
                (4, "協働したいと思っても、その相手方がいない場合事業が進められない。"),
                (8, "他部署にも協働の利点について理解を深めてもらい、担当課はアドバイザー的な役割をしてみてはどうか。"),
            ],
            []),
        new(
            new QuestionDraft(
                QuestionKind.SingleChoice,
                "今後、どのような研修があれば協働の推進に役立つと思いますか。受けてみたい研修内容を選択してください。",
                true,
                ["講義形式で市民活動や協働の基礎に関する研修", "協働に関する成功・失敗の事例に関する研修", "市民活動が体験できる研修", "協働事業のプラン作りに関する研修", "ワークショップ（職員と市民活動団体の意見交換など）"],
                OtherLabel: "その他",
                AsksReason: true,
                ReasonPrompt: "具体的な内容"),
            [2, 13, 3, 4, 1, 2],
            [(6, "成功事例、失敗事例、想起から実施までの流れなどを紹介。")],
            []),
        new(
            new QuestionDraft(QuestionKind.FreeText, "市民活動や協働の推進にかかる施策についてご提案やご意見等がございましたら、ご記入ください。", false, []),
            [],
            [],
            [
                "実際にプラン立て作業手順を確認しながら、実際に協働事業をチームで立ち上げる研修を行っていただけますと助かります。",
                "○協働に関する庁内の成功・失敗の分析、共有ができると有意義だと思います。",
            ]),
    ];

    /// <summary>
    /// The 25 respondents' answers for a survey built from <see cref="Questions"/> (its ids set):
    /// respondent i takes, for each question, the i-th entry of the options expanded by their counts,
    /// so every question's counts are the seed's; reasons and free texts go to the first respondents
    /// who chose their option.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<AnswerDraft>> Answers(Survey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var answers = Enumerable.Range(0, Respondents).Select(_ => new List<AnswerDraft>()).ToList();
        foreach (var (seed, index) in Questions.Select((q, i) => (q, i)))
        {
            var question = survey.QuestionNumbered(index + 1);
            if (!question.IsChoice)
            {
                foreach (var (text, respondent) in seed.FreeTexts.Select((t, r) => (t, r)))
                {
                    answers[respondent].Add(new AnswerDraft(question.Id, [], Text: text));
                }

                continue;
            }

            var chosen = seed.Counts.SelectMany((count, option) => Enumerable.Repeat(option + 1, count)).ToList();
            var reasons = seed.Reasons.ToList();
            for (var respondent = 0; respondent < Respondents; respondent++)
            {
                var optionNumber = chosen[respondent];
                var option = question.Options.Single(o => o.Number == optionNumber);
                var reasonIndex = reasons.FindIndex(r => r.Option == optionNumber);
                string? reason = null;
                if (reasonIndex >= 0)
                {
                    reason = reasons[reasonIndex].Text;
                    reasons.RemoveAt(reasonIndex);
                }

                answers[respondent].Add(new AnswerDraft(question.Id, [option.Id], OtherText: option.IsOther ? reason : null, Reason: option.IsOther ? null : reason));
            }
        }

        return answers;
    }

    public static SurveyDraft Draft(DateOnly opensOn, DateOnly closesOn, SurveyAudienceKind audience = SurveyAudienceKind.AnySignedIn, bool anonymous = true, SurveyMethod method = SurveyMethod.Imported) =>
        new(Title, Purpose, opensOn, closesOn, method, audience, TargetCount, anonymous);
}
