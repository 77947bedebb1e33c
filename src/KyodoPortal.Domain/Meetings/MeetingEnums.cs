using System.ComponentModel.DataAnnotations;

namespace KyodoPortal.Domain.Meetings;

/// <summary>Where a 報告会 is. Stored as its name (string).</summary>
public enum MeetingStatus
{
    [Display(Name = "予定")]
    Scheduled,

    [Display(Name = "開催済み")]
    Held,
}

/// <summary>Where one version of a meeting's minutes is. Stored as its name (string); see <see cref="MinutesWorkflow"/>.</summary>
public enum MinutesStatus
{
    /// <summary>The coordinator writes the Q&amp;A rows.</summary>
    [Display(Name = "下書き")]
    Draft,

    /// <summary>Sent to the projects' parties to check their answers; they may suggest corrections.</summary>
    [Display(Name = "確認中")]
    Circulated,

    [Display(Name = "承認済み")]
    Approved,

    /// <summary>Final and public: a correction is a new version (<see cref="Minutes.StartCorrection"/>).</summary>
    [Display(Name = "公開")]
    Published,
}

/// <summary>
/// Who acts on minutes. Which user may act as which (the coordinating office, staff of the
/// project's department, a member of its group) is the web layer's permission check.
/// Stored as its name (string).
/// </summary>
public enum MinutesActor
{
    [Display(Name = "協働推進担当")]
    Coordinator,

    [Display(Name = "担当課")]
    Department,

    [Display(Name = "団体")]
    Group,
}

/// <summary>Who asked a question. Stored as its name (string).</summary>
public enum AskerKind
{
    /// <summary>A committee member present at the meeting (user id and display name kept).</summary>
    [Display(Name = "委員")]
    CommitteeMember,

    /// <summary>Someone from the floor (会場); a name is optional.</summary>
    [Display(Name = "会場")]
    Floor,

    /// <summary>Anyone else, named, e.g. 司会.</summary>
    [Display(Name = "その他")]
    Other,
}

/// <summary>Which side of the project gave an answer. Stored as its name (string).</summary>
public enum AnswerParty
{
    /// <summary>The partner department, e.g. 商工課.</summary>
    [Display(Name = "担当課")]
    Department,

    /// <summary>The citizen group (団体).</summary>
    [Display(Name = "団体")]
    Group,

    /// <summary>Another party to the agreement, e.g. the lecturer's own group.</summary>
    [Display(Name = "その他の協定当事者")]
    OtherParty,
}

/// <summary>What became of a party's correction suggestion. Stored as its name (string).</summary>
public enum SuggestionStatus
{
    [Display(Name = "確認中")]
    Pending,

    [Display(Name = "反映")]
    Accepted,

    [Display(Name = "不採用")]
    Rejected,
}

/// <summary>One step up or down within the same agenda item.</summary>
public enum MoveDirection
{
    Up,
    Down,
}
