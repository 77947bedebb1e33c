using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>
/// 施策の見直し (seed 002): the period review of one measure — was it implemented, was it effective,
/// is it still needed — the coordinator's proposal (続行 / 修正 / 削除) with reasons and, for 修正, the
/// measure's new text, the committee's opinions, and the final decision. A review without a measure
/// is a new measure proposed for the next period (追加). Nothing changes once decided (a decision is
/// made once) or once the period is closed; <see cref="PeriodTransition"/> builds the next period
/// from the decisions.
/// </summary>
public sealed class MeasureReview : IVersioned
{
    public const int TextMaxLength = 2000;

    private readonly List<ReviewOpinion> _opinions = [];

    // For EF Core materialization.
    private MeasureReview()
    {
        Period = null!;
    }

    /// <summary>The review of <paramref name="measure"/>, in its period.</summary>
    public MeasureReview(GuidelineMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        measure.Period.EnsureOpen();
        EnsureReviewable(measure.Period);
        Period = measure.Period;
        Measure = measure;
    }

    private MeasureReview(GuidelinePeriod period)
    {
        Period = period;
        Proposal = MeasureDecision.Add;
    }

    public int Id { get; private set; }

    /// <summary>The period under review (第1期 when period 2 is being prepared).</summary>
    public int PeriodId { get; private set; }

    public GuidelinePeriod Period { get; private set; }

    /// <summary>The measure reviewed; null for a measure proposed for the next period (追加).</summary>
    public int? MeasureId { get; private set; }

    public GuidelineMeasure? Measure { get; private set; }

    public ReviewImplementation? Implementation { get; private set; }

    public MeasureEffectiveness? Effectiveness { get; private set; }

    public ReviewNecessity? Necessity { get; private set; }

    /// <summary>実施結果・評価: what the period achieved, in words.</summary>
    public string? Results { get; private set; }

    /// <summary>事務局案: the coordinator's proposal.</summary>
    public MeasureDecision? Proposal { get; private set; }

    public string? ProposalReasons { get; private set; }

    /// <summary>The measure's text in the next period (修正 and 追加); null until written.</summary>
    public string? NextTitle { get; private set; }

    public string? NextDescription { get; private set; }

    public int? NextAreaId { get; private set; }

    public GuidelineArea? NextArea { get; private set; }

    public int? NextSubAreaId { get; private set; }

    public GuidelineSubArea? NextSubArea { get; private set; }

    public int? NextClassificationId { get; private set; }

    public GuidelineClassification? NextClassification { get; private set; }

    public bool NextIsPriority { get; private set; }

    /// <summary>決定: the final decision, made once.</summary>
    public MeasureDecision? Decision { get; private set; }

    public string? DecisionNote { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecidedByUserId { get; private set; }

    /// <summary>The next period's measure built from this decision (続行, 修正, 追加), once the period has started.</summary>
    public int? NextMeasureId { get; private set; }

    public GuidelineMeasure? NextMeasure { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ReviewOpinion> Opinions => _opinions;

    /// <summary>A measure proposed for the next period, not one of this period (追加).</summary>
    public bool IsAddition => Measure is null && MeasureId is null;

    public bool IsDecided => Decision is not null;

    /// <summary>Whether the review can still change (not decided, period not closed).</summary>
    public bool IsOpen => !IsDecided && !Period.IsClosed;

    /// <summary>The decisions this review can end in: 続行 / 修正 / 削除 for a measure of the period, 追加 for a new one.</summary>
    public IReadOnlyList<MeasureDecision> Choices => IsAddition
        ? [MeasureDecision.Add]
        : [MeasureDecision.Keep, MeasureDecision.Revise, MeasureDecision.Delete];

    /// <summary>追加: a new measure proposed for the period after <paramref name="period"/>, with its text.</summary>
    public static MeasureReview ForNewMeasure(Guideline guideline, GuidelinePeriod period, MeasureDraft next, string? reasons)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        ArgumentNullException.ThrowIfNull(period);
        period.EnsureOpen();
        EnsureReviewable(period);
        var review = new MeasureReview(period);
        review.Propose(guideline, MeasureDecision.Add, reasons, next);
        return review;
    }

    /// <summary>The judgement of the period: implemented? effective? still needed? and the results in words.</summary>
    public void Assess(ReviewImplementation? implementation, MeasureEffectiveness? effectiveness, ReviewNecessity? necessity, string? results)
    {
        EnsureChangeable();
        if (IsAddition)
        {
            throw new DomainRuleException("追加する施策には前の期の実施状況はありません。");
        }

        if ((implementation is { } i && !Enum.IsDefined(i)) || (effectiveness is { } e && !Enum.IsDefined(e)) || (necessity is { } n && !Enum.IsDefined(n)))
        {
            throw new ArgumentOutOfRangeException(nameof(implementation), "Unknown judgement.");
        }

        Implementation = implementation;
        Effectiveness = effectiveness;
        Necessity = necessity;
        Results = Text.Optional(results, TextMaxLength, nameof(results));
    }

    /// <summary>
    /// 事務局案: the proposal with its reasons and the next period's text (<paramref name="next"/>),
    /// which 修正 and 追加 need (title, area and classification); for 続行 and 削除 it may be left out.
    /// </summary>
    public void Propose(Guideline guideline, MeasureDecision proposal, string? reasons, MeasureDraft? next)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        EnsureChangeable();
        EnsureChoice(proposal);
        if (next is null && proposal is MeasureDecision.Revise or MeasureDecision.Add)
        {
            throw new DomainRuleException("「{0}」には次の期の施策の内容を入力してください。", proposal);
        }

        if (next is not null && (proposal is MeasureDecision.Revise or MeasureDecision.Add || !string.IsNullOrWhiteSpace(next.Title)))
        {
            if (string.IsNullOrWhiteSpace(next.Title))
            {
                throw new DomainRuleException("次の期の施策名を入力してください。");
            }

            guideline.EnsurePlace(Period, next.Area, next.SubArea, next.Classification);
            NextTitle = Text.Required(next.Title, GuidelineMeasure.TitleMaxLength, nameof(next.Title));
            NextDescription = Text.Optional(next.Description, GuidelineMeasure.DescriptionMaxLength, nameof(next.Description));
            NextArea = next.Area;
            NextSubArea = next.SubArea;
            NextClassification = next.Classification;
            NextIsPriority = next.IsPriority;
        }

        Proposal = proposal;
        ProposalReasons = Text.Optional(reasons, TextMaxLength, nameof(reasons));
    }

    /// <summary>A committee member's opinion on the review (who, when, what); not once decided.</summary>
    public ReviewOpinion AddOpinion(string byUserId, string text, DateTime nowUtc)
    {
        EnsureChangeable();
        var opinion = new ReviewOpinion(
            Text.Required(byUserId, Proposals.Proposal.UserIdMaxLength, nameof(byUserId)),
            Text.Optional(text, TextMaxLength, nameof(text)) ?? throw new DomainRuleException("意見を入力してください。"),
            UtcTime.Require(nowUtc, nameof(nowUtc)));
        _opinions.Add(opinion);
        return opinion;
    }

    /// <summary>決定: made once. 修正 needs the next period's text, written with the proposal.</summary>
    public void Decide(MeasureDecision decision, string? note, string byUserId, DateOnly decidedOn)
    {
        Period.EnsureOpen();
        if (Decision is { } made)
        {
            throw new DomainRuleException("この施策の見直しはすでに「{0}」に決定しています。", made);
        }

        EnsureChoice(decision);
        if (decision == MeasureDecision.Revise && NextTitle is null)
        {
            throw new DomainRuleException("「修正」に決定する前に、事務局案に修正後の施策の内容を入力してください。");
        }

        Decision = decision;
        DecisionNote = Text.Optional(note, TextMaxLength, nameof(note));
        DecidedByUserId = Text.Required(byUserId, Proposals.Proposal.UserIdMaxLength, nameof(byUserId));
        DecidedOn = decidedOn;
    }

    /// <summary>A proposed new measure may be withdrawn while undecided (the caller removes the row).</summary>
    public void EnsureWithdrawable()
    {
        EnsureChangeable();
        if (!IsAddition)
        {
            throw new DomainRuleException("取り下げられるのは追加の案だけです。");
        }
    }

    /// <summary>The next period's text: the reviewed measure's own for 続行, the review's for 修正 and 追加.</summary>
    internal MeasureDraft NextDraft(IReadOnlyList<int> departmentIds) => Decision switch
    {
        MeasureDecision.Keep when Measure is { } measure =>
            new MeasureDraft(measure.Title, measure.Description, measure.Area, measure.SubArea, measure.Classification, measure.IsPriority, departmentIds),
        MeasureDecision.Revise or MeasureDecision.Add =>
            new MeasureDraft(NextTitle!, NextDescription, NextArea, NextSubArea, NextClassification, NextIsPriority, departmentIds),
        _ => throw new InvalidOperationException($"A {Decision} decision builds no measure."),
    };

    internal void LinkNext(GuidelineMeasure next) => NextMeasure = next;

    private static void EnsureReviewable(GuidelinePeriod period)
    {
        if (period.Status != GuidelinePeriodStatus.Adopted)
        {
            throw new DomainRuleException("見直しができるのは策定済みの期だけです。");
        }
    }

    private void EnsureChangeable()
    {
        Period.EnsureOpen();
        if (Decision is { } made)
        {
            throw new DomainRuleException("この施策の見直しは「{0}」に決定しているため変更できません。", made);
        }
    }

    private void EnsureChoice(MeasureDecision decision)
    {
        if (!Enum.IsDefined(decision))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), "Unknown decision.");
        }

        if (!Choices.Contains(decision))
        {
            throw new DomainRuleException(IsAddition
                ? new UserMessage("追加の案は「追加」にだけ決定できます。取りやめるときは取り下げてください。")
                : new UserMessage("「追加」は新しい施策にだけ選べます。"));
        }
    }
}

/// <summary>委員の意見: who (an account), when, and what a committee member said on a measure's review.</summary>
public sealed class ReviewOpinion
{
    // For EF Core materialization.
    private ReviewOpinion()
    {
        ByUserId = string.Empty;
        Text = string.Empty;
    }

    internal ReviewOpinion(string byUserId, string text, DateTime atUtc)
    {
        ByUserId = byUserId;
        Text = text;
        AtUtc = atUtc;
    }

    public int Id { get; private set; }

    public string ByUserId { get; private set; }

    public string Text { get; private set; }

    public DateTime AtUtc { get; private set; }
}
