using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>/surveys: the office's list, sorted and searched, 20 a page.</summary>
public sealed record SurveyListViewModel(PageOf<SurveyRow> Page, ListQuery Query);

public sealed record SurveyFormViewModel(int? Id, SurveyInput Input)
{
    public bool IsNew => Id is null;

    public string Action => IsNew ? "/surveys/new" : $"/surveys/{Id}/edit";
}

public sealed record SurveyPageViewModel(Survey Survey, ResponseCounts Responses, IReadOnlyList<string> AudienceEmails);

public sealed record QuestionFormViewModel(int SurveyId, string SurveyTitle, int? Number, QuestionInput Input)
{
    public bool IsNew => Number is null;

    public string Action => IsNew ? $"/surveys/{SurveyId}/questions/new" : $"/surveys/{SurveyId}/questions/{Number}/edit";
}

/// <summary>/my-surveys: searched by title, 20 a page.</summary>
public sealed record MySurveysViewModel(PageOf<MySurveyRow> Page, ListQuery Query);

/// <summary>The answer form: the survey, what was given before (or typed before a refusal), and whether it may be changed.</summary>
public sealed record AnswerViewModel(Survey Survey, IReadOnlyDictionary<int, AnswerDraft> Given, bool AlreadyAnswered, bool CanAnswer);

/// <summary>The question fields of an answer form with what was given (or typed before a refusal).</summary>
public sealed record AnswerFieldsViewModel(Survey Survey, IReadOnlyDictionary<int, AnswerDraft> Given);

/// <summary>The paper-sheet form: the survey, how many sheets are in, and what was typed before a refusal.</summary>
public sealed record PaperSheetViewModel(Survey Survey, ResponseCounts Responses, IReadOnlyDictionary<int, AnswerDraft> Given);

public sealed record ResultsViewModel(Survey Survey, SurveyResults Results, SurveyCrossTab? CrossTab, int? Row, int? Column, bool IsOffice);
