using System.Buffers.Text;
using System.Security.Cryptography;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Surveys;

/// <summary>
/// アンケート (seed 001): a questionnaire with its answer period, audience, target count and
/// questions. Draft → Open → Closed → ResultsPublished; the questions change only in a draft, so
/// every answer was given to the questions the results show. The survey owns its status table
/// (<see cref="CanMoveTo"/>); each move appends a history row.
/// </summary>
public sealed class Survey : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int PurposeMaxLength = 2000;
    public const int MaxQuestions = 50;

    /// <summary>Put before a copy's title, for the coordinator to replace with the new round's name.</summary>
    public const string CopyMarker = "【複製】";

    /// <summary>Characters of a link survey's token: 18 random bytes in base64url (144 bits).</summary>
    public const int LinkTokenLength = 24;

    public const string LinkMustBeAnonymous = "「リンクを知っている人」が回答するアンケートは無記名にしてください。回答者を確認できないためです。";

    private static readonly (SurveyStatus From, SurveyStatus To)[] Moves =
    [
        (SurveyStatus.Draft, SurveyStatus.Open),
        (SurveyStatus.Open, SurveyStatus.Closed),
        (SurveyStatus.Closed, SurveyStatus.ResultsPublished),
    ];

    private readonly List<SurveyQuestion> _questions = [];
    private readonly List<SurveyAudienceMember> _audience = [];
    private readonly List<SurveyStatusChange> _history = [];

    // For EF Core materialization.
    private Survey()
    {
        Title = string.Empty;
        CreatedByUserId = string.Empty;
    }

    public Survey(SurveyDraft draft, string createdByUserId, DateTime nowUtc)
    {
        Title = string.Empty;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = nowUtc;
        Apply(draft);
    }

    public int Id { get; private set; }

    public string Title { get; private set; }

    public string? Purpose { get; private set; }

    /// <summary>The guideline measure (指針の施策) this survey serves, e.g. one measuring the guideline's achievements (seed 002); optional.</summary>
    public int? GuidelineMeasureId { get; private set; }

    /// <summary>The collaboration project this survey serves; optional.</summary>
    public int? ProjectId { get; private set; }

    /// <summary>First day answers are accepted (Japan time).</summary>
    public DateOnly OpensOn { get; private set; }

    /// <summary>Last day answers are accepted (Japan time).</summary>
    public DateOnly ClosesOn { get; private set; }

    public SurveyMethod Method { get; private set; }

    public SurveyAudienceKind AudienceKind { get; private set; }

    /// <summary>対象者数: the people asked (27 in seed 001); the response rate's whole.</summary>
    public int? TargetCount { get; private set; }

    /// <summary>No answer can be traced to an account: only a has-answered marker is kept.</summary>
    public bool IsAnonymous { get; private set; }

    /// <summary>
    /// The unguessable part of a link survey's answer address (<see cref="SurveyAudienceKind.AnyoneWithLink"/>);
    /// null for other audiences. <see cref="RegenerateLink"/> replaces it, and the old address stops working.
    /// </summary>
    public string? LinkToken { get; private set; }

    /// <summary>Who may read the results once published; null until then.</summary>
    public SurveyResultsScope? ResultsScope { get; private set; }

    public SurveyStatus Status { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<SurveyQuestion> Questions => _questions;

    public IReadOnlyList<SurveyAudienceMember> Audience => _audience;

    public IReadOnlyList<SurveyStatusChange> History => _history;

    public bool IsDraft => Status == SurveyStatus.Draft;

    /// <summary>Whether the coordinator may type in paper sheets now (see <see cref="SurveyResponse.OnPaper"/>).</summary>
    public bool AcceptsPaperSheets => Status == SurveyStatus.Open || (Status == SurveyStatus.Closed && Method == SurveyMethod.Paper);

    /// <summary>
    /// Whether the coordinator may import rows from another system's file now (see
    /// <see cref="SurveyResponse.FromImport"/>): the paper-sheet rule, for the import method.
    /// </summary>
    public bool AcceptsImports => Status == SurveyStatus.Open || (Status == SurveyStatus.Closed && Method == SurveyMethod.Imported);

    /// <summary>Whether the status table allows the move (drives the buttons).</summary>
    public bool CanMoveTo(SurveyStatus target) =>
        Moves.Contains((Status, target)) && (target != SurveyStatus.Open || _questions.Count > 0);

    public void Update(SurveyDraft draft)
    {
        EnsureDraft();
        Apply(draft);
    }

    /// <summary>The named accounts of a <see cref="SurveyAudienceKind.NamedAccounts"/> survey (the audience rows are replaced).</summary>
    public void ReplaceAudience(IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        EnsureDraft();
        _audience.Clear();
        _audience.AddRange(userIds.Distinct(StringComparer.Ordinal).Select(SurveyAudienceMember.Account));
    }

    /// <summary>The departments whose staff may answer a <see cref="SurveyAudienceKind.Departments"/> survey (the audience rows are replaced).</summary>
    public void ChooseDepartments(IEnumerable<int> departmentIds)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        EnsureDraft();
        _audience.Clear();
        _audience.AddRange(departmentIds.Distinct().Select(SurveyAudienceMember.Department));
    }

    /// <summary>The groups whose members may answer a <see cref="SurveyAudienceKind.Groups"/> survey (the audience rows are replaced).</summary>
    public void ChooseGroups(IEnumerable<int> citizenGroupIds)
    {
        ArgumentNullException.ThrowIfNull(citizenGroupIds);
        EnsureDraft();
        _audience.Clear();
        _audience.AddRange(citizenGroupIds.Distinct().Select(SurveyAudienceMember.Group));
    }

    /// <summary>
    /// Whether the signed-in person may answer (the status and period are checked when answering),
    /// answered from the stored choice: whoever belongs to a chosen department or group now is in.
    /// A link survey is answered through its link, never as a signed-in person.
    /// </summary>
    public bool IsInAudience(SurveyRespondent who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return AudienceKind switch
        {
            SurveyAudienceKind.AnySignedIn => true,
            SurveyAudienceKind.NamedAccounts => _audience.Any(a => a.UserId == who.UserId),
            SurveyAudienceKind.Departments => who.DepartmentId is { } department && _audience.Any(a => a.DepartmentId == department),
            SurveyAudienceKind.Groups => who.CitizenGroupId is { } group && _audience.Any(a => a.CitizenGroupId == group),
            _ => false,
        };
    }

    /// <summary>A new address for a link survey; the old one stops working at once.</summary>
    public void RegenerateLink()
    {
        if (AudienceKind != SurveyAudienceKind.AnyoneWithLink)
        {
            throw new DomainRuleException("回答用のリンクがあるのは「リンクを知っている人」が回答するアンケートだけです。");
        }

        LinkToken = NewLinkToken();
    }

    public SurveyQuestion AddQuestion(QuestionDraft draft)
    {
        EnsureDraft();
        if (_questions.Count >= MaxQuestions)
        {
            throw new DomainRuleException("設問は{0}問までです。", MaxQuestions);
        }

        var question = new SurveyQuestion(_questions.Count + 1, draft);
        _questions.Add(question);
        return question;
    }

    public void UpdateQuestion(int number, QuestionDraft draft)
    {
        EnsureDraft();
        QuestionNumbered(number).Update(draft);
    }

    public void RemoveQuestion(int number)
    {
        EnsureDraft();
        _questions.Remove(QuestionNumbered(number));
        var renumbered = 1;
        foreach (var question in _questions.OrderBy(q => q.Number))
        {
            question.Renumber(renumbered++);
        }
    }

    public SurveyQuestion QuestionNumbered(int number) =>
        _questions.FirstOrDefault(q => q.Number == number) ?? throw new DomainRuleException("【問{0}】はありません。", number);

    /// <summary>
    /// A new draft to start the next round (next year's survey): the same settings, audience,
    /// questions and options, nothing of the answers or history; the title marked with
    /// <see cref="CopyMarker"/> and the answer period shifted by one year, both for the coordinator to
    /// edit. The copy shares no row with this survey.
    /// </summary>
    public Survey CopyAsDraft(string createdByUserId, DateTime nowUtc)
    {
        var title = CopyMarker + Title;
        var copy = new Survey(
            new SurveyDraft(title.Length > TitleMaxLength ? title[..TitleMaxLength] : title, Purpose, OpensOn.AddYears(1), ClosesOn.AddYears(1), Method, AudienceKind, TargetCount, IsAnonymous, GuidelineMeasureId, ProjectId),
            createdByUserId,
            nowUtc);
        copy._audience.AddRange(_audience.Select(a => a.Copy()));
        foreach (var question in _questions.OrderBy(q => q.Number))
        {
            copy.AddQuestion(question.ToDraft());
        }

        return copy;
    }

    /// <summary>Starts accepting answers. A survey without questions cannot open.</summary>
    public void Open(string byUserId, DateTime nowUtc)
    {
        if (Status == SurveyStatus.Draft && _questions.Count == 0)
        {
            throw new DomainRuleException("設問のないアンケートは回答受付を開始できません。");
        }

        MoveTo(SurveyStatus.Open, byUserId, nowUtc);
    }

    public void Close(string byUserId, DateTime nowUtc) => MoveTo(SurveyStatus.Closed, byUserId, nowUtc);

    /// <summary>
    /// Publishes the results to <paramref name="scope"/>. A link survey knows none of its respondents,
    /// so it cannot be published "to respondents".
    /// </summary>
    public void PublishResults(string byUserId, DateTime nowUtc, SurveyResultsScope scope)
    {
        if (!Enum.IsDefined(scope))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), "Unknown results scope.");
        }

        if (scope == SurveyResultsScope.Respondents && AudienceKind == SurveyAudienceKind.AnyoneWithLink)
        {
            throw new DomainRuleException("「リンクを知っている人」が回答したアンケートは回答者が分からないため、「回答者に公開」は選べません。「一般に公開」か「庁内のみ」を選んでください。");
        }

        MoveTo(SurveyStatus.ResultsPublished, byUserId, nowUtc);
        ResultsScope = scope;
    }

    /// <summary>
    /// Whether the survey takes an answer: open, and <paramref name="today"/> (Japan) in the answer
    /// period; <see cref="EnsureAcceptsAnswers"/> refuses with the reason otherwise.
    /// </summary>
    public bool AcceptsAnswersOn(DateOnly today) => Status == SurveyStatus.Open && today >= OpensOn && today <= ClosesOn;

    /// <inheritdoc cref="AcceptsAnswersOn(DateOnly)"/>
    public void EnsureAcceptsAnswers(DateOnly today)
    {
        if (Status != SurveyStatus.Open)
        {
            throw new DomainRuleException("「{0}」のアンケートには回答できません。", Status);
        }

        if (today < OpensOn || today > ClosesOn)
        {
            throw new DomainRuleException("回答期間（{0}～{1}）外のため回答できません。", OpensOn, ClosesOn);
        }
    }

    private void MoveTo(SurveyStatus target, string byUserId, DateTime nowUtc)
    {
        if (!Moves.Contains((Status, target)))
        {
            throw new DomainRuleException(Status == target
                ? new UserMessage("このアンケートはすでに「{0}」です。", Status)
                : new UserMessage("「{0}」のアンケートは「{1}」にできません。", Status, target));
        }

        _history.Add(new SurveyStatusChange(Status, target, byUserId, nowUtc));
        Status = target;
    }

    private void EnsureDraft()
    {
        if (Status != SurveyStatus.Draft)
        {
            throw new DomainRuleException("「{0}」のアンケートは変更できません。変更できるのは下書きの間だけです。", Status);
        }
    }

    private void Apply(SurveyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Enum.IsDefined(draft.Method) || !Enum.IsDefined(draft.AudienceKind))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), "Unknown method or audience kind.");
        }

        if (draft.ClosesOn < draft.OpensOn)
        {
            throw new DomainRuleException("回答期間の終了日は開始日以降にしてください。");
        }

        if (draft.AudienceKind == SurveyAudienceKind.AnyoneWithLink && !draft.IsAnonymous)
        {
            throw new DomainRuleException(LinkMustBeAnonymous);
        }

        if (draft.TargetCount is < 1)
        {
            throw new DomainRuleException("対象者数は1人以上にしてください。");
        }

        Title = Text.Required(draft.Title, TitleMaxLength, nameof(draft.Title));
        Purpose = Text.Optional(draft.Purpose, PurposeMaxLength, nameof(draft.Purpose));
        GuidelineMeasureId = draft.GuidelineMeasureId;
        ProjectId = draft.ProjectId;
        OpensOn = draft.OpensOn;
        ClosesOn = draft.ClosesOn;
        Method = draft.Method;
        AudienceKind = draft.AudienceKind;
        TargetCount = draft.TargetCount;
        IsAnonymous = draft.IsAnonymous;
        if (AudienceKind != SurveyAudienceKind.AnyoneWithLink)
        {
            LinkToken = null;
        }
        else
        {
            LinkToken ??= NewLinkToken();
        }
    }

    private static string NewLinkToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
}

/// <summary>A survey's settings; it may name the guideline measure or collaboration project it serves (both optional).</summary>
public sealed record SurveyDraft(
    string Title,
    string? Purpose,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    SurveyMethod Method,
    SurveyAudienceKind AudienceKind,
    int? TargetCount,
    bool IsAnonymous,
    int? GuidelineMeasureId = null,
    int? ProjectId = null);
