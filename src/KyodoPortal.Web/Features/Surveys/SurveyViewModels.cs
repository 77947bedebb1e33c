using KyodoPortal.Domain.Surveys;

namespace KyodoPortal.Web.Features.Surveys;

public sealed record SurveyListViewModel(IReadOnlyList<SurveyRow> Surveys);

public sealed record SurveyFormViewModel(int? Id, SurveyInput Input)
{
    public bool IsNew => Id is null;

    public string Action => IsNew ? "/surveys/new" : $"/surveys/{Id}/edit";
}

public sealed record SurveyPageViewModel(Survey Survey, int Responses, IReadOnlyList<string> AudienceEmails);

public sealed record QuestionFormViewModel(int SurveyId, string SurveyTitle, int? Number, QuestionInput Input)
{
    public bool IsNew => Number is null;

    public string Action => IsNew ? $"/surveys/{SurveyId}/questions/new" : $"/surveys/{SurveyId}/questions/{Number}/edit";
}

public sealed record MySurveysViewModel(IReadOnlyList<MySurveyRow> Surveys);

/// <summary>The answer form: the survey, what was given before (or typed before a refusal), and whether it may be changed.</summary>
public sealed record AnswerViewModel(Survey Survey, IReadOnlyDictionary<int, AnswerDraft> Given, bool AlreadyAnswered, bool CanAnswer);

public sealed record ResultsViewModel(Survey Survey, SurveyResults Results, SurveyCrossTab? CrossTab, int? Row, int? Column, bool IsOffice);
