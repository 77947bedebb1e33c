using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Proposals;

namespace KyodoPortal.Domain.Screening;

/// <summary>
/// What the score aggregation needs to know of a committee: who is assigned, who is recused from a
/// subject (a proposal in screening, a project in an evaluation round) and who is expected to score it.
/// </summary>
public interface ICommitteeRoster
{
    bool IsMember(string memberUserId);

    bool IsRecused(string memberUserId, int subjectId);

    IReadOnlyList<string> ExpectedMembers(int subjectId);
}

/// <summary>
/// The committee rules shared by screening (<see cref="ScreeningPanel"/>) and evaluation rounds:
/// assigned members and their conflict-of-interest declarations per subject. Built by the owner
/// over its own two lists (so EF Core keeps mapping them as the owner's collections); the owner
/// checks its own state (open or closed) and records its update time, the roster does the rest.
/// </summary>
/// <remarks>
/// Rules: a member is assigned once; only an assigned member declares; a declared conflict needs a
/// reason and cannot be withdrawn (only "no conflict" can change, to a conflict — the member may
/// correct it themselves while the owner is open; each change is kept in the owner's history when it keeps one); the coordinator
/// can recuse a member with a reason, recorded as a conflict declared by the coordinator; a member
/// scores a subject only when assigned, declared and not recused; expected scorers are the
/// assigned members not recused. Messages name the committee in the owner's words
/// (<see cref="CommitteeRosterMessages"/>).
/// </remarks>
public sealed class CommitteeRoster : ICommitteeRoster
{
    public const int UserIdMaxLength = Proposal.UserIdMaxLength;

    private readonly List<PanelMember> _members;
    private readonly List<ConflictDeclaration> _declarations;
    private readonly List<ConflictDeclarationChange>? _history;
    private readonly CommitteeRosterMessages _messages;

    /// <param name="history">The owner's list of declaration changes; null when the owner keeps none.</param>
    internal CommitteeRoster(List<PanelMember> members, List<ConflictDeclaration> declarations, CommitteeRosterMessages messages, List<ConflictDeclarationChange>? history = null)
    {
        _members = members;
        _declarations = declarations;
        _history = history;
        _messages = messages;
    }

    public bool IsMember(string memberUserId) =>
        _members.Any(member => string.Equals(member.MemberUserId, memberUserId, StringComparison.Ordinal));

    public ConflictDeclaration? DeclarationOf(string memberUserId, int subjectId) =>
        Index().GetValueOrDefault((subjectId, memberUserId));

    private Dictionary<(int SubjectId, string MemberUserId), ConflictDeclaration>? _index;

    /// <summary>
    /// The declarations by subject and member. A screening dashboard asks for members × proposals
    /// cells (7 × 100 on a large call) over as many declarations; a scan per question made that page
    /// spend most of its 60 ms there. Declarations are only ever added (a change updates the same
    /// object), so the index is rebuilt when the list has grown.
    /// </summary>
    private Dictionary<(int SubjectId, string MemberUserId), ConflictDeclaration> Index()
    {
        if (_index is null || _index.Count != _declarations.Count)
        {
            _index = new Dictionary<(int, string), ConflictDeclaration>(_declarations.Count);
            foreach (var declaration in _declarations)
            {
                _index.TryAdd((declaration.SubjectId, declaration.MemberUserId), declaration);
            }
        }

        return _index;
    }

    /// <summary>Whether the member declared (conflict or not), or was recused, on the subject.</summary>
    public bool HasDeclared(string memberUserId, int subjectId) => DeclarationOf(memberUserId, subjectId) is not null;

    /// <summary>Whether the member has a conflict on the subject (declared by them or recorded by the coordinator).</summary>
    public bool IsRecused(string memberUserId, int subjectId) => DeclarationOf(memberUserId, subjectId)?.HasConflict == true;

    /// <summary>Members expected to score the subject: everyone assigned and not recused from it.</summary>
    public IReadOnlyList<string> ExpectedMembers(int subjectId) =>
    [
        .. _members
            .Select(member => member.MemberUserId)
            .Where(memberUserId => !IsRecused(memberUserId, subjectId)),
    ];

    internal void AddMember(string memberUserId, DateTime now)
    {
        var id = Text.Required(memberUserId, UserIdMaxLength, nameof(memberUserId));
        if (IsMember(id))
        {
            throw new DomainRuleException(_messages.AlreadyMember);
        }

        _members.Add(new PanelMember(id, now));
    }

    /// <summary>Unassigns a member; their declarations (and the owner's sheets) are kept for the record.</summary>
    internal void RemoveMember(string memberUserId)
    {
        var member = _members.FirstOrDefault(existing => string.Equals(existing.MemberUserId, memberUserId, StringComparison.Ordinal))
            ?? throw new DomainRuleException(_messages.NotMember);
        _members.Remove(member);
    }

    internal void Declare(string memberUserId, int subjectId, bool hasConflict, string? reason, DateTime now)
    {
        var memberId = Text.Required(memberUserId, UserIdMaxLength, nameof(memberUserId));
        if (!IsMember(memberId))
        {
            throw new DomainRuleException(_messages.DeclareNotMember);
        }

        var text = Text.Optional(reason, ConflictDeclaration.ReasonMaxLength, nameof(reason));
        if (hasConflict && text is null)
        {
            throw new DomainRuleException("利益相反がある場合は、その理由を入力してください。");
        }

        var existing = DeclarationOf(memberId, subjectId);
        if (existing is null)
        {
            _declarations.Add(new ConflictDeclaration(subjectId, memberId, hasConflict, text, memberId, now));
        }
        else if (existing.HasConflict)
        {
            throw new DomainRuleException(_messages.DeclarationLocked);
        }
        else
        {
            existing.Apply(hasConflict, text, memberId, now);
        }

        // Declaring 利害関係なし again changes nothing worth a history row.
        if (existing is null || hasConflict)
        {
            _history?.Add(new ConflictDeclarationChange(subjectId, memberId, existing is null ? null : false, hasConflict, text, memberId, now));
        }
    }

    internal void Recuse(string memberUserId, int subjectId, string reason, string coordinatorUserId, DateTime now)
    {
        var coordinatorId = Text.Required(coordinatorUserId, UserIdMaxLength, nameof(coordinatorUserId));
        if (!IsMember(memberUserId))
        {
            throw new DomainRuleException(_messages.NotMember);
        }

        var text = Text.Optional(reason, ConflictDeclaration.ReasonMaxLength, nameof(reason))
            ?? throw new DomainRuleException("委員を除外する理由を入力してください。");
        var existing = DeclarationOf(memberUserId, subjectId);
        if (existing is null)
        {
            _declarations.Add(new ConflictDeclaration(subjectId, memberUserId, hasConflict: true, text, coordinatorId, now));
        }
        else if (existing.HasConflict)
        {
            throw new DomainRuleException(_messages.AlreadyRecused);
        }
        else
        {
            existing.Apply(hasConflict: true, text, coordinatorId, now);
        }

        _history?.Add(new ConflictDeclarationChange(subjectId, memberUserId, existing is null ? null : false, hasConflict: true, text, coordinatorId, now));
    }

    /// <summary>Why the member cannot score the subject (not assigned, not declared, recused), or null.</summary>
    internal string? ScoringProblem(string memberUserId, int subjectId)
    {
        if (!IsMember(memberUserId))
        {
            return _messages.ScoreNotMember;
        }

        if (!HasDeclared(memberUserId, subjectId))
        {
            return "利益相反の有無を申告してから評価票を開いてください。";
        }

        return IsRecused(memberUserId, subjectId) ? _messages.ScoreRecused : null;
    }
}

/// <summary>The roster's messages in the owner's words (審査委員・提案 in screening, 評価委員・事業 in evaluation).</summary>
public sealed record CommitteeRosterMessages(
    string AlreadyMember,
    string NotMember,
    string DeclareNotMember,
    string DeclarationLocked,
    string AlreadyRecused,
    string ScoreNotMember,
    string ScoreRecused)
{
    public static CommitteeRosterMessages Screening { get; } = new(
        AlreadyMember: "この委員はすでに審査委員に割り当てられています。",
        NotMember: "この委員は審査委員に割り当てられていません。",
        DeclareNotMember: "審査委員に割り当てられていないため、利益相反を申告できません。",
        DeclarationLocked: "利益相反ありとされた提案の申告は変更できません。",
        AlreadyRecused: "この委員はすでにこの提案の審査から除外されています。",
        ScoreNotMember: "審査委員に割り当てられていないため、この提案を採点できません。",
        ScoreRecused: "利益相反によりこの提案の審査から除外されているため、採点できません。");

    public static CommitteeRosterMessages Evaluation { get; } = new(
        AlreadyMember: "この委員はすでに評価委員に割り当てられています。",
        NotMember: "この委員は評価委員に割り当てられていません。",
        DeclareNotMember: "評価委員に割り当てられていないため、利益相反を申告できません。",
        DeclarationLocked: "利益相反ありとされた事業の申告は変更できません。",
        AlreadyRecused: "この委員はすでにこの事業の評価から除外されています。",
        ScoreNotMember: "評価委員に割り当てられていないため、この事業を評価できません。",
        ScoreRecused: "利益相反によりこの事業の評価から除外されているため、評価できません。");
}
