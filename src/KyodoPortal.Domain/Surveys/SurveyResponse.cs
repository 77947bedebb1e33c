using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Surveys;

/// <summary>
/// One respondent's answers. The row names no account: who answered is kept apart, in
/// <see cref="SurveyParticipation"/>, and for an anonymous survey that marker does not name the
/// response either, so nothing joins an answer to a person.
/// </summary>
public sealed class SurveyResponse : IVersioned
{
    public const int TextMaxLength = 4000;

    private readonly List<SurveyAnswer> _answers = [];
    private readonly List<SurveyAnswerChoice> _choices = [];

    // For EF Core materialization.
    private SurveyResponse()
    {
    }

    private SurveyResponse(int surveyId, SurveyMethod source)
    {
        SurveyId = surveyId;
        Source = source;
    }

    public int Id { get; private set; }

    public int SurveyId { get; private set; }

    /// <summary>How this response came in: online, a paper sheet typed in, or an imported row.</summary>
    public SurveyMethod Source { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<SurveyAnswer> Answers => _answers;

    public IReadOnlyList<SurveyAnswerChoice> Choices => _choices;

    /// <summary>A new response to an open survey, checked against its questions.</summary>
    public static SurveyResponse Answer(Survey survey, IReadOnlyList<AnswerDraft> answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(survey);
        survey.EnsureAcceptsAnswers(today);
        var response = new SurveyResponse(survey.Id, SurveyMethod.Online);
        response.Fill(survey, answers);
        return response;
    }

    /// <summary>
    /// A response recorded by the coordinator for a survey answered elsewhere (the demo's seed 001
    /// was collected by the prefecture's e-application system); any status but draft.
    /// </summary>
    public static SurveyResponse Record(Survey survey, IReadOnlyList<AnswerDraft> answers, SurveyMethod source)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (survey.IsDraft)
        {
            throw new DomainRuleException("「{0}」のアンケートには回答できません。", survey.Status);
        }

        var response = new SurveyResponse(survey.Id, source);
        response.Fill(survey, answers);
        return response;
    }

    /// <summary>
    /// A paper sheet typed in by the coordinator: checked like an online answer, linked to no
    /// account. Sheets come in while the survey is open (whatever its method, and also after the
    /// period's last day, since sheets come back by post), and for a paper survey also once it is
    /// closed; never to a draft or to published results (the published table would change).
    /// </summary>
    public static SurveyResponse OnPaper(Survey survey, IReadOnlyList<AnswerDraft> answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (!survey.AcceptsPaperSheets)
        {
            throw new DomainRuleException("「{0}」のアンケートには紙の回答を入力できません。", survey.Status);
        }

        var response = new SurveyResponse(survey.Id, SurveyMethod.Paper);
        response.Fill(survey, answers);
        return response;
    }

    /// <summary>
    /// A row of another system's file, imported by the coordinator: checked like an online answer,
    /// linked to no account. The paper-sheet rule: while the survey is open, and for an imported
    /// survey also once it is closed; never to a draft or to published results.
    /// </summary>
    public static SurveyResponse FromImport(Survey survey, IReadOnlyList<AnswerDraft> answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (!survey.AcceptsImports)
        {
            throw new DomainRuleException("「{0}」のアンケートには回答を取り込めません。", survey.Status);
        }

        var response = new SurveyResponse(survey.Id, SurveyMethod.Imported);
        response.Fill(survey, answers);
        return response;
    }

    /// <summary>A changed answer, until the survey closes.</summary>
    public void Change(Survey survey, IReadOnlyList<AnswerDraft> answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (survey.Id != SurveyId)
        {
            throw new ArgumentException("The response belongs to another survey.", nameof(survey));
        }

        survey.EnsureAcceptsAnswers(today);
        _answers.Clear();
        _choices.Clear();
        Fill(survey, answers);
    }

    private void Fill(Survey survey, IReadOnlyList<AnswerDraft> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<UserMessage>();
        var byQuestion = new Dictionary<int, AnswerDraft>();
        foreach (var answer in answers)
        {
            if (survey.Questions.All(q => q.Id != answer.QuestionId) || !byQuestion.TryAdd(answer.QuestionId, answer))
            {
                problems.Add("回答の対象の設問が正しくありません。");
            }
        }

        foreach (var question in survey.Questions.OrderBy(q => q.Number))
        {
            var answer = byQuestion.GetValueOrDefault(question.Id);
            var optionIds = answer?.OptionIds.Distinct().ToList() ?? [];
            var text = Text.Optional(Limit(answer?.Text, question, problems), TextMaxLength, nameof(AnswerDraft.Text));
            var reason = question.AsksReason ? Text.Optional(Limit(answer?.Reason, question, problems), TextMaxLength, nameof(AnswerDraft.Reason)) : null;
            var answered = question.IsChoice ? optionIds.Count > 0 : text is not null;
            if (!answered)
            {
                if (question.IsRequired)
                {
                    problems.Add(new UserMessage("【問{0}】に回答してください。", question.Number));
                }

                continue;
            }

            if (!question.IsChoice)
            {
                _answers.Add(new SurveyAnswer(question.Id, text, reason: null, otherText: null));
                continue;
            }

            if (optionIds.Any(id => question.Options.All(o => o.Id != id)))
            {
                problems.Add(new UserMessage("【問{0}】の選択肢の指定が正しくありません。", question.Number));
                continue;
            }

            if (optionIds.Count > question.ChoiceLimit)
            {
                problems.Add(question.Kind == QuestionKind.MultipleChoice
                    ? new UserMessage("【問{0}】は{1}つまで選べます。", question.Number, question.ChoiceLimit)
                    : new UserMessage("【問{0}】は選択肢を1つだけ選んでください。", question.Number));
                continue;
            }

            var chosesOther = question.Options.Any(o => o.IsOther && optionIds.Contains(o.Id));
            var otherText = chosesOther ? Text.Optional(Limit(answer!.OtherText, question, problems), TextMaxLength, nameof(AnswerDraft.OtherText)) : null;
            _answers.Add(new SurveyAnswer(question.Id, text: null, reason, otherText));
            _choices.AddRange(optionIds.Select(id => new SurveyAnswerChoice(question.Id, id)));
        }

        if (problems.Count > 0)
        {
            _answers.Clear();
            _choices.Clear();
            throw new DomainRuleException([.. problems.Distinct(UserMessageComparer.Instance)]);
        }
    }

    private static string? Limit(string? value, SurveyQuestion question, List<UserMessage> problems)
    {
        if (value is { Length: > TextMaxLength } && value.Trim().Length > TextMaxLength)
        {
            problems.Add(new UserMessage("【問{0}】の記述は{1}文字以内で入力してください。", question.Number, TextMaxLength));
            return null;
        }

        return value;
    }

    private sealed class UserMessageComparer : IEqualityComparer<UserMessage>
    {
        public static readonly UserMessageComparer Instance = new();

        public bool Equals(UserMessage? x, UserMessage? y) => string.Equals(x?.ToString(), y?.ToString(), StringComparison.Ordinal);

        public int GetHashCode(UserMessage obj) => obj.ToString().GetHashCode(StringComparison.Ordinal);
    }
}

/// <summary>A question answered in a response: the free text, or the reason and 「その他」 text of a choice question.</summary>
public sealed class SurveyAnswer
{
    // For EF Core materialization.
    private SurveyAnswer()
    {
    }

    internal SurveyAnswer(int questionId, string? text, string? reason, string? otherText)
    {
        QuestionId = questionId;
        Text = text;
        Reason = reason;
        OtherText = otherText;
    }

    public int Id { get; private set; }

    public int ResponseId { get; private set; }

    public int QuestionId { get; private set; }

    public string? Text { get; private set; }

    public string? Reason { get; private set; }

    public string? OtherText { get; private set; }
}

/// <summary>An option chosen in a response (one row per option, so counting is a GROUP BY).</summary>
public sealed class SurveyAnswerChoice
{
    // For EF Core materialization.
    private SurveyAnswerChoice()
    {
    }

    internal SurveyAnswerChoice(int questionId, int optionId)
    {
        QuestionId = questionId;
        OptionId = optionId;
    }

    public int Id { get; private set; }

    public int ResponseId { get; private set; }

    public int QuestionId { get; private set; }

    public int OptionId { get; private set; }
}

/// <summary>
/// The has-answered marker: this account answered this survey (its key is the pair, so nobody
/// answers twice, also when two posts arrive at once). For a named survey it points at the response
/// so the person can change it; for an anonymous survey <see cref="ResponseId"/> stays null and the
/// row has no time or sequence of its own, so it cannot be matched to a response.
/// </summary>
public sealed class SurveyParticipation
{
    // For EF Core materialization.
    private SurveyParticipation()
    {
        UserId = string.Empty;
    }

    private SurveyParticipation(int surveyId, string userId, SurveyResponse? response)
    {
        SurveyId = surveyId;
        UserId = userId;
        Response = response;
    }

    public int SurveyId { get; private set; }

    public string UserId { get; private set; }

    public int? ResponseId { get; private set; }

    /// <summary>The response of a named survey (set before saving, so its id is filled in by the save).</summary>
    public SurveyResponse? Response { get; private set; }

    public static SurveyParticipation For(Survey survey, string userId, SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return new SurveyParticipation(survey.Id, userId, survey.IsAnonymous ? null : response);
    }
}

/// <summary>What a respondent gave for one question: chosen option ids, free text, 「その他」 text, reason.</summary>
public sealed record AnswerDraft(int QuestionId, IReadOnlyList<int> OptionIds, string? Text = null, string? OtherText = null, string? Reason = null);
