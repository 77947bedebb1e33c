using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Surveys;

/// <summary>Where a survey (アンケート) is. Stored as its name (string); see <see cref="Survey.CanMoveTo"/>.</summary>
public enum SurveyStatus
{
    [Display(Name = "下書き")]
    Draft,

    [Display(Name = "回答受付中")]
    Open,

    [Display(Name = "締切")]
    Closed,

    [Display(Name = "結果公開")]
    ResultsPublished,
}

/// <summary>How the answers are collected (paper entry and import come in a later increment). Stored as its name.</summary>
public enum SurveyMethod
{
    [Display(Name = "オンライン")]
    Online,

    [Display(Name = "紙")]
    Paper,

    [Display(Name = "他システムから取込")]
    Imported,
}

/// <summary>
/// Who may answer. The audience rows (<see cref="SurveyAudienceMember"/>) hold the chosen accounts,
/// departments or groups, whichever the kind asks for. Stored as its name.
/// </summary>
public enum SurveyAudienceKind
{
    [Display(Name = "ログインしている全員")]
    AnySignedIn,

    [Display(Name = "指名したアカウント")]
    NamedAccounts,

    [Display(Name = "選んだ課の職員")]
    Departments,

    [Display(Name = "選んだ団体の会員")]
    Groups,

    [Display(Name = "リンクを知っている人")]
    AnyoneWithLink,
}

/// <summary>Who may read the published results (結果の公開範囲). Stored as its name.</summary>
public enum SurveyResultsScope
{
    [Display(Name = "回答者に公開")]
    Respondents,

    [Display(Name = "一般に公開")]
    Public,

    [Display(Name = "庁内のみ")]
    Internal,
}

/// <summary>The kind of a question. A rating scale is a choice of one of its labelled points. Stored as its name.</summary>
public enum QuestionKind
{
    [Display(Name = "単一選択")]
    SingleChoice,

    [Display(Name = "複数選択")]
    MultipleChoice,

    [Display(Name = "評価尺度")]
    Rating,

    [Display(Name = "自由記述")]
    FreeText,
}
