using KyodoPortal.Domain.Surveys;
using KyodoPortal.Web.Infrastructure.Lists;
using KyodoPortal.Web.Infrastructure.Persistence;

namespace KyodoPortal.Web.Features.Surveys;

/// <summary>/surveys: the office's list, sorted and searched, 20 a page.</summary>
public sealed record SurveyListViewModel(PageOf<SurveyRow> Page, ListQuery Query);

public sealed record SurveyFormViewModel(int? Id, SurveyInput Input, AudienceChoices Choices, LinkChoices Links)
{
    public bool IsNew => Id is null;

    public string Action => IsNew ? "/surveys/new" : $"/surveys/{Id}/edit";
}

public sealed record SurveyPageViewModel(Survey Survey, ResponseCounts Responses, AudienceSummary Audience, SurveyLinks Links);

/// <summary>A measure or project the survey form offers as what the survey serves, with the group it is listed under (the period, or the project's first fiscal year).</summary>
public sealed record LinkChoice(int Id, string Title, int Group);

/// <summary>
/// The guideline's measures (every period's) and the projects offered: the one chosen and at most
/// <see cref="SurveyQueries.ProjectsOffered"/> running from last fiscal year on that match the search
/// (<see cref="ProjectsFound"/>; <see cref="MoreProjects"/> when more match).
/// </summary>
public sealed record LinkChoices(IReadOnlyList<LinkChoice> Measures, IReadOnlyList<LinkChoice> Projects, int ProjectsFound = 0, bool MoreProjects = false);

/// <summary>The measure and project a survey serves, by title (null when none).</summary>
public sealed record SurveyLinks(string? MeasureTitle, string? ProjectTitle);

/// <summary>A department or group the survey form offers as an audience.</summary>
public sealed record AudienceChoice(int Id, string Name);

/// <summary>
/// The departments, and the groups offered: the chosen ones, then (a city has thousands) at most
/// <see cref="SurveyQueries.GroupsOffered"/> others matching the search (<see cref="GroupsFound"/> of them), by name;
/// <see cref="MoreGroups"/> when more match than are offered.
/// </summary>
public sealed record AudienceChoices(IReadOnlyList<AudienceChoice> Departments, IReadOnlyList<AudienceChoice> Groups, int GroupsFound = 0, bool MoreGroups = false);

/// <summary>The audience's names (addresses, departments or groups) and how many accounts it reaches now (null: everyone or anyone with the link).</summary>
public sealed record AudienceSummary(IReadOnlyList<string> Names, int? People);

public sealed record QuestionFormViewModel(int SurveyId, string SurveyTitle, int? Number, QuestionInput Input)
{
    public bool IsNew => Number is null;

    public string Action => IsNew ? $"/surveys/{SurveyId}/questions/new" : $"/surveys/{SurveyId}/questions/{Number}/edit";
}

/// <summary>/my-surveys: searched by title, 20 a page.</summary>
public sealed record MySurveysViewModel(PageOf<MySurveyRow> Page, ListQuery Query);

/// <summary>
/// The answer form: the survey, what was given before (or typed before a refusal), and whether it
/// may be changed; <paramref name="LinkToken"/> for a link survey answered without signing in.
/// </summary>
public sealed record AnswerViewModel(Survey Survey, IReadOnlyDictionary<int, AnswerDraft> Given, bool AlreadyAnswered, bool CanAnswer, string? LinkToken = null)
{
    public string Action => LinkToken is null ? $"/surveys/{Survey.Id}/answer" : $"/surveys/answer/{LinkToken}";
}

/// <summary>The question fields of an answer form with what was given (or typed before a refusal).</summary>
public sealed record AnswerFieldsViewModel(Survey Survey, IReadOnlyDictionary<int, AnswerDraft> Given);

/// <summary>The paper-sheet form: the survey, how many sheets are in, and what was typed before a refusal.</summary>
public sealed record PaperSheetViewModel(Survey Survey, ResponseCounts Responses, IReadOnlyDictionary<int, AnswerDraft> Given);

/// <summary>The results page; <paramref name="IsPublic"/> on the public page (no sign-in, no downloads, no print view).</summary>
public sealed record ResultsViewModel(Survey Survey, SurveyResults Results, SurveyCrossTab? CrossTab, int? Row, int? Column, bool IsOffice, bool IsPublic = false)
{
    public string Url => IsPublic ? $"/survey-results/{Survey.Id}" : $"/surveys/{Survey.Id}/results";

    public string BackUrl => IsPublic ? "/survey-results" : IsOffice ? $"/surveys/{Survey.Id}" : "/my-surveys";

    /// <summary>The page with all of a group's texts.</summary>
    public string TextsUrl(QuestionResult question, TextGroup group) =>
        SurveyTextsViewModel.UrlOf(Survey.Id, IsPublic, question.Number, group.Kind, group.OptionNumber);
}

/// <summary>One group of a question's texts, a page of them: the reasons under one option, its 「その他」 texts, or its free texts.</summary>
public sealed record SurveyTextsViewModel(Survey Survey, SurveyQuestion Question, SurveyTextKind Kind, SurveyOption? Option, PageOf<string> Page, bool IsPublic, bool IsWithheld = false)
{
    public string ResultsUrl => (IsPublic ? $"/survey-results/{Survey.Id}" : $"/surveys/{Survey.Id}/results") + $"#result-{Question.Number}";

    public static string UrlOf(int surveyId, bool isPublic, int questionNumber, SurveyTextKind kind, int? optionNumber) =>
        (isPublic ? $"/survey-results/{surveyId}/texts" : $"/surveys/{surveyId}/results/texts")
        + FormattableString.Invariant($"?question={questionNumber}&kind={kind}")
        + (optionNumber is { } option ? FormattableString.Invariant($"&option={option}") : "");
}

/// <summary>The import's first step: the file form, and how many rows are in already.</summary>
public sealed record ImportUploadViewModel(Survey Survey, ResponseCounts Responses, ImportEncoding Encoding);

/// <summary>
/// The import's mapping and preview: the file (its name, format, encoding and table), the columns
/// and values as mapped, what is wrong with the mapping, and — when nothing is — the checked rows
/// and how many of them were imported before.
/// </summary>
public sealed record ImportMappingViewModel(
    Survey Survey,
    Guid UploadId,
    string FileName,
    ImportFileFormat Format,
    ImportEncoding Encoding,
    SurveyImportTable Table,
    SurveyImportMapping Mapping,
    KyodoPortal.Domain.Surveys.SurveyImportPreview? Preview,
    int AlreadyImported)
{
    public string EncodingName => Format == ImportFileFormat.Xlsx ? "Excel (.xlsx)" : Encoding == ImportEncoding.ShiftJis ? "Shift_JIS" : "UTF-8";

    public bool CanSave => Preview is { IsValid: true } && AlreadyImported == 0 && Mapping.Problems.Count == 0;

    /// <summary>The header of a column, or its position when the header is blank.</summary>
    public string ColumnName(int? column) =>
        column is not { } c || c < 0 ? "—" : c < Table.Header.Count && Table.Header[c].Trim().Length > 0 ? Table.Header[c] : $"#{c + 1}";

    /// <summary>How many valid rows chose each option (or, for free text, answered).</summary>
    public int Count(SurveyQuestion question, int? optionId) =>
        Preview?.Rows.Where(r => r.IsValid).Count(r => r.Answers.Any(a => a.QuestionId == question.Id && (optionId is { } o ? a.OptionIds.Contains(o) : a.Text is not null))) ?? 0;
}
