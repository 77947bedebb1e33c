using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Projects;

/// <summary>What the coordinator decides in a continuation review (継続審査).</summary>
/// <param name="Outcome">延長 or 終了.</param>
/// <param name="ExtendByYears">For 延長: by how many fiscal years (1–5); ignored for 終了.</param>
/// <param name="Reasons">Why (required), based on the evaluations of the project's years.</param>
/// <param name="Exception">For 延長 beyond the maximum total: the explicit exception (特例).</param>
/// <param name="ExceptionReason">Why the exception is granted; required with <paramref name="Exception"/>.</param>
/// <param name="DecidedOn">
/// The day the decision was really taken (Japan date); null for today. Entered when a decision is
/// recorded afterwards, e.g. the past decisions of a project a city brings into the portal.
/// </param>
public sealed record ContinuationDecisionDraft(ContinuationOutcome Outcome, int? ExtendByYears, string? Reasons, bool Exception, string? ExceptionReason, DateOnly? DecidedOn = null);

/// <summary>
/// One continuation decision (継続の決定) of a project, kept as history: 延長 moves the project's
/// last fiscal year from <see cref="PreviousEndFiscalYear"/> to <see cref="NewEndFiscalYear"/>;
/// 終了 keeps it, and the project is then closed (<see cref="Project.Close"/>).
/// </summary>
public sealed class ContinuationDecision
{
    public const int ReasonsMaxLength = 4000;
    public const int ExceptionReasonMaxLength = 2000;
    public const int MaxExtensionYears = 5;

    /// <summary>
    /// Recorded more than this many days after the decision, it is shown as entered afterwards
    /// (事後入力); a few days' delay between a meeting and its record is ordinary.
    /// </summary>
    public const int LateEntryDays = 7;

    // Null on decisions recorded before the decision date could be entered: the portal then only
    // allowed deciding on the day, so they were decided the day they were recorded.
    private readonly DateOnly? _decidedOn;

    // For EF Core materialization.
    private ContinuationDecision()
    {
        Reasons = string.Empty;
        DecidedByUserId = string.Empty;
    }

    internal ContinuationDecision(int number, ContinuationOutcome outcome, int previousEnd, int newEnd, string reasons, string? exceptionReason, string userId, DateOnly decidedOn, DateTime nowUtc)
    {
        _decidedOn = decidedOn;
        Number = number;
        Outcome = outcome;
        PreviousEndFiscalYear = previousEnd;
        NewEndFiscalYear = newEnd;
        Reasons = reasons;
        ExceptionReason = exceptionReason;
        DecidedByUserId = userId;
        DecidedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    /// <summary>1, 2, … in the order of the decisions of the project.</summary>
    public int Number { get; private set; }

    public ContinuationOutcome Outcome { get; private set; }

    /// <summary>The last fiscal year of the term the decision was about.</summary>
    public int PreviousEndFiscalYear { get; private set; }

    /// <summary>The last fiscal year after the decision (the same for 終了).</summary>
    public int NewEndFiscalYear { get; private set; }

    public int ExtendedByYears => NewEndFiscalYear - PreviousEndFiscalYear;

    public string Reasons { get; private set; }

    /// <summary>Set when the extension exceeds the maximum total term (特例): why it is granted.</summary>
    public string? ExceptionReason { get; private set; }

    public bool IsException => ExceptionReason is not null;

    public string DecidedByUserId { get; private set; }

    /// <summary>When the decision was recorded in the portal (UTC).</summary>
    public DateTime DecidedAtUtc { get; private set; }

    /// <summary>The day the decision was taken (Japan date), as entered.</summary>
    public DateOnly DecidedOn => _decidedOn ?? UtcTime.JapanDate(DecidedAtUtc);

    /// <summary>The Japan date the decision was recorded in the portal.</summary>
    public DateOnly RecordedOn => UtcTime.JapanDate(DecidedAtUtc);

    /// <summary>Recorded more than <see cref="LateEntryDays"/> days after it was taken (事後入力).</summary>
    public bool IsEnteredAfterwards => RecordedOn.DayNumber - DecidedOn.DayNumber > LateEntryDays;
}

/// <summary>How a project ended, as the coordinator records it when closing it.</summary>
/// <param name="Outcome">成功, 一部達成 or 途中終了.</param>
/// <param name="Summary">The final outcome summary (最終的な成果).</param>
/// <param name="Lessons">教訓: what others can learn from it.</param>
/// <param name="ClosedOn">The date the project ended.</param>
/// <param name="EarlyEndReason">Why it ended before its term (required for 途中終了).</param>
public sealed record ProjectClosureDraft(ProjectOutcome Outcome, string? Summary, string? Lessons, DateOnly ClosedOn, string? EarlyEndReason);

/// <summary>The closing record of a 終了 project: its outcome, summary and lessons — what its case shows.</summary>
public sealed class ProjectClosure
{
    public const int SummaryMaxLength = 4000;
    public const int LessonsMaxLength = 4000;
    public const int EarlyEndReasonMaxLength = 2000;

    // For EF Core materialization.
    private ProjectClosure()
    {
        Summary = string.Empty;
        Lessons = string.Empty;
        ClosedByUserId = string.Empty;
    }

    internal ProjectClosure(ProjectOutcome outcome, string summary, string lessons, DateOnly closedOn, string? earlyEndReason, string userId, DateTime nowUtc)
    {
        Outcome = outcome;
        Summary = summary;
        Lessons = lessons;
        ClosedOn = closedOn;
        EarlyEndReason = earlyEndReason;
        ClosedByUserId = userId;
        ClosedAtUtc = nowUtc;
    }

    public ProjectOutcome Outcome { get; private set; }

    public string Summary { get; private set; }

    public string Lessons { get; private set; }

    public DateOnly ClosedOn { get; private set; }

    public string? EarlyEndReason { get; private set; }

    public string ClosedByUserId { get; private set; }

    public DateTime ClosedAtUtc { get; private set; }

    internal static ProjectClosure From(ProjectClosureDraft draft, string userId, DateTime nowUtc) =>
        new(
            draft.Outcome,
            Text.Optional(draft.Summary, SummaryMaxLength, nameof(draft.Summary)) ?? throw new DomainRuleException("最終的な成果のまとめを入力してください。"),
            Text.Optional(draft.Lessons, LessonsMaxLength, nameof(draft.Lessons)) ?? throw new DomainRuleException("教訓を入力してください。"),
            draft.ClosedOn,
            draft.Outcome == ProjectOutcome.EndedEarly
                ? Text.Optional(draft.EarlyEndReason, EarlyEndReasonMaxLength, nameof(draft.EarlyEndReason)) ?? throw new DomainRuleException("途中終了の理由を入力してください。")
                : null,
            userId,
            nowUtc);
}
