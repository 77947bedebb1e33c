using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>
/// 進捗: what a measure achieved in one fiscal year, recorded by the department in charge (or the
/// coordinator) and reviewed by the coordinator — the annual reports' pattern: draft → submitted →
/// returned (with the reason) → submitted again → confirmed. Only a draft or a returned record is
/// edited; a confirmed one is final. Nothing changes once the measure's period is closed. Each move
/// appends a history row.
/// </summary>
public sealed class MeasureProgress : IVersioned
{
    public const int TextMaxLength = 2000;
    public const int FiguresMaxLength = 500;
    public const int ReasonMaxLength = 1000;

    private static readonly (ProgressReviewStatus From, ProgressReviewStatus To, ProgressActor? OnlyBy)[] Moves =
    [
        (ProgressReviewStatus.Draft, ProgressReviewStatus.Submitted, null),
        (ProgressReviewStatus.Returned, ProgressReviewStatus.Submitted, null),
        (ProgressReviewStatus.Submitted, ProgressReviewStatus.Returned, ProgressActor.Coordinator),
        (ProgressReviewStatus.Submitted, ProgressReviewStatus.Confirmed, ProgressActor.Coordinator),
    ];

    private readonly List<ProgressReviewChange> _history = [];

    // For EF Core materialization.
    private MeasureProgress()
    {
        Measure = null!;
        Done = string.Empty;
    }

    public MeasureProgress(GuidelineMeasure measure, int fiscalYear, ProgressEntry entry)
    {
        ArgumentNullException.ThrowIfNull(measure);
        measure.Period.EnsureOpen();
        if (!measure.Period.Covers(fiscalYear))
        {
            throw new DomainRuleException("{0}は第{1}期（{2}～{3}）の年度ではありません。", new FiscalYear(fiscalYear), measure.Period.Number, new FiscalYear(measure.Period.FirstFiscalYear), new FiscalYear(measure.Period.LastFiscalYear));
        }

        Measure = measure;
        FiscalYear = fiscalYear;
        Done = string.Empty;
        Apply(entry);
    }

    public int Id { get; private set; }

    public int MeasureId { get; private set; }

    public GuidelineMeasure Measure { get; private set; }

    /// <summary>The fiscal year's start year.</summary>
    public int FiscalYear { get; private set; }

    public MeasureProgressStatus Status { get; private set; }

    /// <summary>取組内容: what was done.</summary>
    public string Done { get; private set; }

    /// <summary>実績: figures as written (「講座 3回、参加者 延べ 62人」).</summary>
    public string? Figures { get; private set; }

    /// <summary>The one figure that can be added up across years, when there is one.</summary>
    public decimal? FigureValue { get; private set; }

    public MeasureEffectiveness? Effectiveness { get; private set; }

    public string? EffectivenessReasons { get; private set; }

    public ProgressReviewStatus Review { get; private set; }

    /// <summary>The coordinator's reason when the record was last returned.</summary>
    public string? ReturnReason { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ProgressReviewChange> History => _history;

    public bool IsEditable => Review is ProgressReviewStatus.Draft or ProgressReviewStatus.Returned && !Measure.Period.IsClosed;

    /// <summary>Whether <paramref name="actor"/> may move the record to <paramref name="target"/> now (drives the buttons).</summary>
    public bool CanMoveTo(ProgressReviewStatus target, ProgressActor actor) =>
        !Measure.Period.IsClosed && Moves.Any(m => m.From == Review && m.To == target && (m.OnlyBy is null || m.OnlyBy == actor));

    public void Update(ProgressEntry entry)
    {
        Measure.Period.EnsureOpen();
        if (!IsEditable)
        {
            throw new DomainRuleException("「{0}」の進捗は変更できません。変更できるのは下書きか差戻しの間だけです。", Review);
        }

        Apply(entry);
    }

    public void Submit(ProgressActor actor, string byUserId, DateTime nowUtc) =>
        MoveTo(ProgressReviewStatus.Submitted, actor, null, byUserId, nowUtc);

    /// <summary>差戻し: the coordinator sends the record back with the reason.</summary>
    public void Return(string reason, string byUserId, DateTime nowUtc)
    {
        var trimmed = Text.Optional(reason, ReasonMaxLength, nameof(reason))
            ?? throw new DomainRuleException("差し戻す理由を入力してください。");
        MoveTo(ProgressReviewStatus.Returned, ProgressActor.Coordinator, trimmed, byUserId, nowUtc);
        ReturnReason = trimmed;
    }

    /// <summary>確認: the coordinator accepts the record; it is final.</summary>
    public void Confirm(string byUserId, DateTime nowUtc) =>
        MoveTo(ProgressReviewStatus.Confirmed, ProgressActor.Coordinator, null, byUserId, nowUtc);

    private void MoveTo(ProgressReviewStatus target, ProgressActor actor, string? comment, string byUserId, DateTime nowUtc)
    {
        Measure.Period.EnsureOpen();
        if (!CanMoveTo(target, actor))
        {
            throw new DomainRuleException(
                Review == target ? new UserMessage("この進捗はすでに「{0}」です。", Review)
                : Moves.Any(m => m.From == Review && m.To == target) ? new UserMessage("{0}は「{1}」の進捗を「{2}」にできません。", actor, Review, target)
                : new UserMessage("「{0}」の進捗は「{1}」にできません。", Review, target));
        }

        _history.Add(new ProgressReviewChange(Review, target, comment, byUserId, UtcTime.Require(nowUtc, nameof(nowUtc))));
        Review = target;
    }

    private void Apply(ProgressEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Enum.IsDefined(entry.Status) || (entry.Effectiveness is { } effect && !Enum.IsDefined(effect)))
        {
            throw new ArgumentOutOfRangeException(nameof(entry), "Unknown status or effectiveness.");
        }

        Status = entry.Status;
        Done = Text.Optional(entry.Done, TextMaxLength, nameof(entry.Done)) ?? string.Empty;
        Figures = Text.Optional(entry.Figures, FiguresMaxLength, nameof(entry.Figures));
        FigureValue = entry.FigureValue;
        Effectiveness = entry.Effectiveness;
        EffectivenessReasons = Text.Optional(entry.EffectivenessReasons, TextMaxLength, nameof(entry.EffectivenessReasons));
    }
}

/// <summary>What a department writes for a year.</summary>
public sealed record ProgressEntry(
    MeasureProgressStatus Status,
    string? Done,
    string? Figures,
    decimal? FigureValue,
    MeasureEffectiveness? Effectiveness,
    string? EffectivenessReasons);

/// <summary>One move of a progress record: who, when, from what to what, and the reason of a return.</summary>
public sealed class ProgressReviewChange
{
    // For EF Core materialization.
    private ProgressReviewChange()
    {
        ByUserId = string.Empty;
    }

    internal ProgressReviewChange(ProgressReviewStatus from, ProgressReviewStatus to, string? comment, string byUserId, DateTime atUtc)
    {
        From = from;
        To = to;
        Comment = comment;
        ByUserId = byUserId;
        AtUtc = atUtc;
    }

    public int Id { get; private set; }

    public ProgressReviewStatus From { get; private set; }

    public ProgressReviewStatus To { get; private set; }

    public string? Comment { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime AtUtc { get; private set; }
}
