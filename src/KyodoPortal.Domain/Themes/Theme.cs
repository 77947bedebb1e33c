using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Organizations;

namespace KyodoPortal.Domain.Themes;

/// <summary>
/// 行政課題: an issue the city publishes so that groups see where it needs partners
/// (seed 003: groups ask the city to publish its needs). Written by the department in charge
/// or the coordinating office.
/// </summary>
public sealed class Theme : IVersioned
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 4000;
    public const int GoalMaxLength = 2000;

    private readonly List<FieldTag> _fields = [];

    // For EF Core materialization.
    private Theme()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    public Theme(ThemeDraft draft, string createdByUserId, DateTime nowUtc)
    {
        Title = string.Empty;
        Description = string.Empty;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = nowUtc;
        Update(draft);
    }

    public int Id { get; private set; }

    public string Title { get; private set; }

    /// <summary>課題: the issue as the city sees it.</summary>
    public string Description { get; private set; }

    /// <summary>目指す姿: what the city wants to achieve with a partner.</summary>
    public string? Goal { get; private set; }

    public int DepartmentId { get; private set; }

    /// <summary>年度 (start year of the fiscal year).</summary>
    public int FiscalYear { get; private set; }

    public ThemeStatus Status { get; private set; }

    public bool IsPublished { get; private set; }

    public IReadOnlyList<FieldTag> Fields => _fields;

    public string? CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public int Version { get; private set; }

    public void Update(ThemeDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Enum.IsDefined(draft.Status))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Status, "Unknown theme status.");
        }

        Title = Text.Required(draft.Title, TitleMaxLength, nameof(draft.Title));
        Description = Text.Required(draft.Description, DescriptionMaxLength, nameof(draft.Description));
        Goal = Text.Optional(draft.Goal, GoalMaxLength, nameof(draft.Goal));
        DepartmentId = draft.DepartmentId;
        FiscalYear = new FiscalYear(draft.FiscalYear).StartYear;
        Status = draft.Status;
        IsPublished = draft.IsPublished;
        FieldTag.Replace(_fields, draft.FieldIds);
    }
}

public sealed record ThemeDraft(
    string Title,
    string Description,
    string? Goal,
    int DepartmentId,
    int FiscalYear,
    ThemeStatus Status,
    bool IsPublished,
    IReadOnlyCollection<int> FieldIds);
