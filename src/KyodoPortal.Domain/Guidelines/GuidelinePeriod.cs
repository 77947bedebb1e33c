using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>
/// 期: one period of the guideline (第1期 令和2年8月策定, five fiscal years). A draft (案) is adopted on
/// a date and closed when the next period replaces it; a closed period is read-only: its measures
/// and their progress can no longer change (<see cref="EnsureOpen"/>). Each fiscal year of the
/// period has a deadline for the departments' progress records (<see cref="DueOn"/>).
/// </summary>
public sealed class GuidelinePeriod : IVersioned
{
    /// <summary>The longest period the portal accepts (seed 002: 3–5 years for medium-term measures).</summary>
    public const int MaxYears = 10;

    private static readonly (GuidelinePeriodStatus From, GuidelinePeriodStatus To)[] Moves =
    [
        (GuidelinePeriodStatus.Draft, GuidelinePeriodStatus.Adopted),
        (GuidelinePeriodStatus.Adopted, GuidelinePeriodStatus.Closed),
    ];

    private readonly List<ProgressDeadline> _deadlines = [];

    // For EF Core materialization.
    private GuidelinePeriod()
    {
    }

    internal GuidelinePeriod(int number, int firstFiscalYear, int lastFiscalYear)
    {
        Number = number;
        SetYears(firstFiscalYear, lastFiscalYear);
    }

    public int Id { get; private set; }

    public int GuidelineId { get; private set; }

    /// <summary>1 for 第1期.</summary>
    public int Number { get; private set; }

    public GuidelinePeriodStatus Status { get; private set; }

    /// <summary>策定日 (adopted on); set when the period is adopted.</summary>
    public DateOnly? AdoptedOn { get; private set; }

    /// <summary>The first fiscal year (start year) the period covers.</summary>
    public int FirstFiscalYear { get; private set; }

    /// <summary>The last fiscal year (start year) the period covers.</summary>
    public int LastFiscalYear { get; private set; }

    public IReadOnlyList<ProgressDeadline> Deadlines => _deadlines;

    /// <summary>Raised on every change of the period: two people closing it at the same moment cannot both succeed.</summary>
    public int Version { get; private set; }

    public bool IsClosed => Status == GuidelinePeriodStatus.Closed;

    /// <summary>The fiscal years of the period, first to last.</summary>
    public IEnumerable<int> FiscalYears => Enumerable.Range(FirstFiscalYear, LastFiscalYear - FirstFiscalYear + 1);

    public bool Covers(int fiscalYear) => fiscalYear >= FirstFiscalYear && fiscalYear <= LastFiscalYear;

    public bool CanMoveTo(GuidelinePeriodStatus target) => Moves.Contains((Status, target));

    /// <summary>Changes the years the period covers (not once closed).</summary>
    public void SetYears(int firstFiscalYear, int lastFiscalYear)
    {
        EnsureOpen();
        _ = new FiscalYear(firstFiscalYear);
        _ = new FiscalYear(lastFiscalYear);
        if (lastFiscalYear < firstFiscalYear)
        {
            throw new DomainRuleException("期の最終年度は初年度以降にしてください。");
        }

        if (lastFiscalYear - firstFiscalYear + 1 > MaxYears)
        {
            throw new DomainRuleException("期は{0}年度以内にしてください。", MaxYears);
        }

        FirstFiscalYear = firstFiscalYear;
        LastFiscalYear = lastFiscalYear;
        _deadlines.RemoveAll(d => !Covers(d.FiscalYear));
    }

    /// <summary>策定: the draft becomes the guideline in force from <paramref name="adoptedOn"/>.</summary>
    public void Adopt(DateOnly adoptedOn)
    {
        MoveTo(GuidelinePeriodStatus.Adopted);
        AdoptedOn = adoptedOn;
    }

    /// <summary>終了: the period becomes read-only.</summary>
    public void Close() => MoveTo(GuidelinePeriodStatus.Closed);

    /// <summary>Refuses any change to a closed period, its measures or their progress.</summary>
    public void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainRuleException("第{0}期は終了しているため変更できません。", Number);
        }
    }

    /// <summary>
    /// The last day for the progress record of <paramref name="fiscalYear"/>: the date the coordinator
    /// set, or by default May 31 after the year (the annual reports' default).
    /// </summary>
    public DateOnly DueOn(int fiscalYear) =>
        _deadlines.FirstOrDefault(d => d.FiscalYear == fiscalYear)?.DueOn
            ?? new DateOnly(fiscalYear + 1, 5, 31);

    /// <summary>Sets the deadline of one fiscal year of the period; it must fall after the year has begun.</summary>
    public void SetDeadline(int fiscalYear, DateOnly dueOn)
    {
        EnsureOpen();
        if (!Covers(fiscalYear))
        {
            throw new DomainRuleException("{0}は第{1}期の年度ではありません。", new FiscalYear(fiscalYear), Number);
        }

        if (dueOn < new FiscalYear(fiscalYear).FirstDay)
        {
            throw new DomainRuleException("{0}の提出期限は{1}以降にしてください。", new FiscalYear(fiscalYear), new FiscalYear(fiscalYear).FirstDay);
        }

        var existing = _deadlines.FirstOrDefault(d => d.FiscalYear == fiscalYear);
        if (existing is null)
        {
            _deadlines.Add(new ProgressDeadline(fiscalYear, dueOn));
        }
        else
        {
            existing.Move(dueOn);
        }
    }

    /// <summary>
    /// Whether the record of <paramref name="fiscalYear"/> is overdue on <paramref name="today"/> (Japan):
    /// after the deadline and missing (<paramref name="status"/> null), a draft or returned.
    /// </summary>
    public bool IsOverdue(int fiscalYear, DateOnly today, ProgressReviewStatus? status) =>
        today > DueOn(fiscalYear) && status is null or ProgressReviewStatus.Draft or ProgressReviewStatus.Returned;

    private void MoveTo(GuidelinePeriodStatus target)
    {
        if (!Moves.Contains((Status, target)))
        {
            throw new DomainRuleException(Status == target
                ? new UserMessage("第{0}期はすでに「{1}」です。", Number, Status)
                : new UserMessage("「{0}」の期は「{1}」にできません。", Status, target));
        }

        Status = target;
    }
}

/// <summary>提出期限: the last day for the progress records of one fiscal year of a period.</summary>
public sealed class ProgressDeadline
{
    // For EF Core materialization.
    private ProgressDeadline()
    {
    }

    internal ProgressDeadline(int fiscalYear, DateOnly dueOn)
    {
        FiscalYear = fiscalYear;
        DueOn = dueOn;
    }

    public int Id { get; private set; }

    public int FiscalYear { get; private set; }

    public DateOnly DueOn { get; private set; }

    internal void Move(DateOnly dueOn) => DueOn = dueOn;
}
