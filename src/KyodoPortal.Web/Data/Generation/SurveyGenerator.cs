using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Surveys;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// アンケート: every fiscal year the staff survey after the collaboration training (seed 001's
/// questions, about 25 answers), and, in the last closed year, the city's large citizen survey on
/// the guideline's achievements (seed 002): 20 questions and 10,000 answers at scale 1, the survey
/// the results page is measured on. Answers are recorded as collected elsewhere (no account), a
/// thousand a unit of work; on PostgreSQL their answer and choice rows go through COPY.
/// </summary>
internal sealed class SurveyGenerator(GenerationSession session)
{
    public const string LargeSurveyTitle = "協働指針の成果測定に関する市民アンケート";

    /// <summary>Answers to the large survey: 10,000 at scale 1.</summary>
    public int LargeSurveyAnswers => Math.Max(50, (int)Math.Round(10_000 * session.Options.Scale));

    private const int ResponsesPerUnit = 1000;

    /// <summary>Rating points drawn from, so that the answers lean to 「そう思う」 as real surveys do.</summary>
    private static readonly int[] RatingLean = [0, 1, 1, 1, 1, 2, 2, 2, 3, 4];

    private static readonly string[] Scale5 = ["とてもそう思う", "そう思う", "どちらともいえない", "そう思わない", "まったくそう思わない"];

    private static readonly string[] Topics =
    [
        "市民活動団体の活動が地域の課題解決に役立っている", "市と市民活動団体の協働が進んでいる", "協働事業の成果が市民に伝わっている",
        "協働事業の募集の情報が届いている", "市の担当課は団体の意見をよく聞いている", "協働により行政サービスの質が向上した",
        "地域の担い手が増えている", "団体同士の連携が進んでいる", "協働事業の報告会は成果を知るのに役立つ",
        "市民活動に参加しやすい環境がある", "若い世代が市民活動に参加している", "協働の相手方を見つけやすい",
        "協働事業の手続きはわかりやすい", "協働事業の評価は公正に行われている",
    ];

    private static readonly string[] Activities = ["子育て支援", "高齢者の見守り", "防災", "環境保全", "まちづくり", "国際交流"];

    private static readonly string[] Channels = ["広報紙", "市のホームページ", "SNS", "自治会の回覧", "知人からの紹介"];

    public async Task RunAsync()
    {
        for (var year = session.FirstFiscalYear; year < session.CurrentFiscalYear; year++)
        {
            var opensOn = new DateOnly(year, 11, 17);
            await GenerateAsync(
                Seed001Survey.Draft(opensOn, opensOn.AddDays(21), method: SurveyMethod.Online) with { Title = $"{new FiscalYear(year).ToJapaneseLabel()}{Seed001Survey.Title}" },
                [.. Seed001Survey.Questions.Select(q => q.Draft)],
                session.Random.Int(20, Seed001Survey.TargetCount));
        }

        var last = session.CurrentFiscalYear - 1;
        var opens = new DateOnly(last, 10, 1);
        await GenerateAsync(
            new SurveyDraft($"{new FiscalYear(last).ToJapaneseLabel()}{LargeSurveyTitle}", "協働指針に掲げた成果の達成度を、市民の実感から測る。", opens, opens.AddDays(30), SurveyMethod.Online, SurveyAudienceKind.AnySignedIn, 15_000, IsAnonymous: true),
            LargeQuestions(),
            LargeSurveyAnswers);
    }

    /// <summary>Twenty questions: fourteen five-point ratings, two multiple choices, a single choice with 「その他」 and a reason, a single choice, two free texts.</summary>
    private static List<QuestionDraft> LargeQuestions()
    {
        var questions = new List<QuestionDraft>
        {
            new(QuestionKind.SingleChoice, "あなたの年代を教えてください。", true, ["10代", "20代", "30代", "40代", "50代", "60代", "70代以上"]),
            new(QuestionKind.MultipleChoice, "関心のある市民活動の分野を選んでください（3つまで）。", false, Activities, MaxChoices: 3),
            new(QuestionKind.MultipleChoice, "市民活動の情報をどこで知りますか。", false, Channels),
            new(QuestionKind.SingleChoice, "この1年間に市民活動に参加しましたか。", true, ["参加した", "参加していない"], OtherLabel: "その他", AsksReason: true, ReasonPrompt: "参加した活動・参加しなかった理由"),
        };
        questions.AddRange(Topics.Select(topic => new QuestionDraft(QuestionKind.Rating, $"「{topic}」と思いますか。", true, Scale5)));
        questions.Add(new(QuestionKind.FreeText, "協働の推進について、ご意見があればご記入ください。", false, []));
        questions.Add(new(QuestionKind.FreeText, "市に期待する支援があればご記入ください。", false, []));
        return questions;
    }

    private async Task GenerateAsync(SurveyDraft draft, IReadOnlyList<QuestionDraft> questions, int answers)
    {
        var coordinator = session.People.Coordinator;
        var survey = new Survey(draft, coordinator, GenerationSession.At(draft.OpensOn.AddDays(-14)));
        foreach (var question in questions)
        {
            survey.AddQuestion(question);
        }

        survey.Open(coordinator, GenerationSession.At(draft.OpensOn));
        survey.Close(coordinator, GenerationSession.At(draft.ClosesOn.AddDays(1)));
        if (session.Random.Bool(0.7f))
        {
            survey.PublishResults(coordinator, GenerationSession.At(draft.ClosesOn.AddDays(30)), SurveyResultsScope.Respondents);
        }

        await using (var unit = session.Begin())
        {
            unit.Db.Surveys.Add(survey);
            await unit.SaveAsync();
        }

        for (var done = 0; done < answers; done += ResponsesPerUnit)
        {
            await using var unit = session.Begin();
            for (var i = done; i < Math.Min(answers, done + ResponsesPerUnit); i++)
            {
                unit.Db.SurveyResponses.Add(SurveyResponse.Record(survey, Answer(survey), SurveyMethod.Online));
            }

            await unit.SaveAsync();
        }
    }

    /// <summary>One respondent: ratings lean to the middle-positive points, a reason now and then, a free text from one in five.</summary>
    private List<AnswerDraft> Answer(Survey survey)
    {
        var random = session.Random;
        var answers = new List<AnswerDraft>();
        foreach (var question in survey.Questions)
        {
            var options = question.Options;
            switch (question.Kind)
            {
                case QuestionKind.FreeText:
                    if (random.Bool(0.2f))
                    {
                        answers.Add(new AnswerDraft(question.Id, [], Text: session.Text.Problem()));
                    }

                    break;
                case QuestionKind.MultipleChoice:
                    var count = random.Int(1, question.ChoiceLimit);
                    answers.Add(new AnswerDraft(question.Id, [.. random.Shuffle(options).Take(count).Select(o => o.Id)]));
                    break;
                default:
                    var index = question.Kind == QuestionKind.Rating
                        ? Math.Min(options.Count - 1, RatingLean[random.Int(0, RatingLean.Length - 1)])
                        : random.Int(0, options.Count - 1);
                    var option = options[index];
                    var reason = question.AsksReason && random.Bool(0.3f) ? session.Text.Outcome() : null;
                    answers.Add(new AnswerDraft(question.Id, [option.Id], OtherText: option.IsOther ? session.Text.ActivityName() : null, Reason: option.IsOther ? null : reason));
                    break;
            }
        }

        return answers;
    }
}
