using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>
/// 具体的施策: one measure of a guideline period, placed under an area (and sub-area), with a
/// classification, a 重点施策 flag and the departments in charge. A measure of a closed period
/// cannot change. Its yearly progress is recorded in <see cref="MeasureProgress"/>.
/// </summary>
public sealed class GuidelineMeasure : IVersioned
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 2000;

    private readonly List<MeasureDepartment> _departments = [];
    private readonly List<MeasureLink> _links = [];

    // For EF Core materialization.
    private GuidelineMeasure()
    {
        Title = string.Empty;
        Period = null!;
        Area = null!;
        Classification = null!;
    }

    public GuidelineMeasure(Guideline guideline, GuidelinePeriod period, MeasureDraft draft)
    {
        ArgumentNullException.ThrowIfNull(period);
        Title = string.Empty;
        Period = period;
        Area = null!;
        Classification = null!;
        Apply(guideline, draft);
    }

    /// <summary>
    /// A measure of the next period continuing <paramref name="previous"/> (続行 or 修正), linked to it so
    /// its history across periods is kept (<see cref="PeriodTransition"/>).
    /// </summary>
    internal GuidelineMeasure(Guideline guideline, GuidelinePeriod period, MeasureDraft draft, GuidelineMeasure? previous)
        : this(guideline, period, draft)
    {
        if (previous is not null && previous.Period.Number != period.Number - 1)
        {
            throw new InvalidOperationException("A measure continues one of the period just before its own.");
        }

        PreviousMeasure = previous;
    }

    public int Id { get; private set; }

    public int PeriodId { get; private set; }

    public GuidelinePeriod Period { get; private set; }

    public int AreaId { get; private set; }

    public GuidelineArea Area { get; private set; }

    public int? SubAreaId { get; private set; }

    public GuidelineSubArea? SubArea { get; private set; }

    public int ClassificationId { get; private set; }

    public GuidelineClassification Classification { get; private set; }

    public string Title { get; private set; }

    /// <summary>The previous period's measure this one continues (続行 or 修正); null for a first or added measure.</summary>
    public int? PreviousMeasureId { get; private set; }

    public GuidelineMeasure? PreviousMeasure { get; private set; }

    public string? Description { get; private set; }

    /// <summary>重点施策.</summary>
    public bool IsPriority { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<MeasureDepartment> Departments => _departments;

    /// <summary>The themes, calls and collaboration projects that implement the measure.</summary>
    public IReadOnlyList<MeasureLink> Links => _links;

    public bool IsInChargeOf(int departmentId) => _departments.Any(d => d.DepartmentId == departmentId);

    /// <summary>Links a theme, call or project that implements the measure (once each; not in a closed period).</summary>
    public MeasureLink Link(MeasureLinkKind kind, int targetId)
    {
        Period.EnsureOpen();
        if (!Enum.IsDefined(kind) || targetId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Unknown link.");
        }

        if (_links.Any(l => l.Kind == kind && l.TargetId == targetId))
        {
            throw new DomainRuleException("この{0}はすでにこの施策と結び付いています。", kind);
        }

        var link = new MeasureLink(kind, targetId);
        _links.Add(link);
        return link;
    }

    /// <summary>Removes a link (not in a closed period).</summary>
    public void Unlink(MeasureLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        Period.EnsureOpen();
        if (!_links.Remove(link))
        {
            throw new InvalidOperationException("The link does not belong to this measure.");
        }
    }

    /// <summary>Changes the measure (not in a closed period).</summary>
    public void Update(Guideline guideline, MeasureDraft draft) => Apply(guideline, draft);

    private void Apply(Guideline guideline, MeasureDraft draft)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        ArgumentNullException.ThrowIfNull(draft);
        Period.EnsureOpen();
        guideline.EnsurePlace(Period, draft.Area, draft.SubArea, draft.Classification);
        Title = Text.Required(draft.Title, TitleMaxLength, nameof(draft.Title));
        Description = Text.Optional(draft.Description, DescriptionMaxLength, nameof(draft.Description));
        Area = draft.Area!;
        SubArea = draft.SubArea;
        Classification = draft.Classification!;
        IsPriority = draft.IsPriority;
        var departmentIds = draft.DepartmentIds.Distinct().ToList();
        _departments.RemoveAll(d => !departmentIds.Contains(d.DepartmentId));
        _departments.AddRange(departmentIds.Where(id => !IsInChargeOf(id)).Select(id => new MeasureDepartment(id)));
    }
}

/// <summary>What a measure says; <see cref="Area"/> and <see cref="Classification"/> are required (a clear refusal when missing).</summary>
public sealed record MeasureDraft(
    string Title,
    string? Description,
    GuidelineArea? Area,
    GuidelineSubArea? SubArea,
    GuidelineClassification? Classification,
    bool IsPriority,
    IReadOnlyList<int> DepartmentIds);

/// <summary>担当課: a department in charge of a measure.</summary>
public sealed class MeasureDepartment
{
    // For EF Core materialization.
    private MeasureDepartment()
    {
    }

    internal MeasureDepartment(int departmentId)
    {
        DepartmentId = departmentId;
    }

    public int Id { get; private set; }

    public int DepartmentId { get; private set; }
}

/// <summary>What a measure is linked to.</summary>
public enum MeasureLinkKind
{
    [System.ComponentModel.DataAnnotations.Display(Name = "行政課題")]
    Theme,

    [System.ComponentModel.DataAnnotations.Display(Name = "募集")]
    Call,

    [System.ComponentModel.DataAnnotations.Display(Name = "協働事業")]
    Project,
}

/// <summary>
/// A theme, call or collaboration project that implements a measure: one of the three ids is set
/// (a foreign key each, so a link never points at nothing).
/// </summary>
public sealed class MeasureLink
{
    // For EF Core materialization.
    private MeasureLink()
    {
    }

    internal MeasureLink(MeasureLinkKind kind, int targetId)
    {
        Kind = kind;
        ThemeId = kind == MeasureLinkKind.Theme ? targetId : null;
        CallId = kind == MeasureLinkKind.Call ? targetId : null;
        ProjectId = kind == MeasureLinkKind.Project ? targetId : null;
    }

    public int Id { get; private set; }

    public MeasureLinkKind Kind { get; private set; }

    public int? ThemeId { get; private set; }

    public int? CallId { get; private set; }

    public int? ProjectId { get; private set; }

    public int TargetId => ThemeId ?? CallId ?? ProjectId ?? 0;
}
