using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>
/// 分類: one class of the guideline's scheme (seed 002: Ⅰ 重点施策 — high priority, 1–2 years; Ⅱ—ア
/// 3–5 years; Ⅱ—イ continue and enhance; Ⅲ consider step by step). <see cref="Code"/> is shown as
/// the coordinator typed it; <see cref="Key"/> is how it is matched (<see cref="ClassificationCode"/>).
/// </summary>
public sealed class GuidelineClassification
{
    public const int CodeMaxLength = 20;
    public const int DescriptionMaxLength = 500;

    // For EF Core materialization.
    private GuidelineClassification()
    {
        Code = string.Empty;
        Key = string.Empty;
        Description = string.Empty;
    }

    internal GuidelineClassification(string code, string key, string description, bool isPriority, int order)
    {
        Code = string.Empty;
        Key = string.Empty;
        Description = string.Empty;
        Update(code, key, description, isPriority);
        Order = order;
    }

    public int Id { get; private set; }

    public int GuidelineId { get; private set; }

    /// <summary>As printed: 「Ⅱ—ア」.</summary>
    public string Code { get; private set; }

    /// <summary>The comparison key: 「II-ア」.</summary>
    public string Key { get; private set; }

    public string Description { get; private set; }

    /// <summary>Whether measures of this class are 重点施策 (Ⅰ in seed 002).</summary>
    public bool IsPriority { get; private set; }

    public int Order { get; private set; }

    internal void Update(string code, string key, string description, bool isPriority)
    {
        Code = Text.Required(code, CodeMaxLength, nameof(code));
        Key = key;
        Description = Text.Required(description, DescriptionMaxLength, nameof(description));
        IsPriority = isPriority;
    }
}

/// <summary>分野: one of the guideline's areas, （１）活動の場の提供に関すること … in order.</summary>
public sealed class GuidelineArea
{
    public const int TitleMaxLength = 200;

    /// <summary>The sub-area letters in order (ア, イ, ウ …).</summary>
    public static readonly IReadOnlyList<string> Letters = ["ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ"];

    private readonly List<GuidelineSubArea> _subAreas = [];

    // For EF Core materialization.
    private GuidelineArea()
    {
        Title = string.Empty;
    }

    internal GuidelineArea(int number, string title, string? heading)
    {
        Number = number;
        Title = string.Empty;
        Update(title, heading);
    }

    public int Id { get; private set; }

    public int GuidelineId { get; private set; }

    /// <summary>1 for （１）.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    /// <summary>The line under an area without sub-areas (（１）: 「市民活動団体等の活動拠点の確保」).</summary>
    public string? Heading { get; private set; }

    public IReadOnlyList<GuidelineSubArea> SubAreas => _subAreas;

    /// <summary>The sub-area with <paramref name="letter"/> (half-width ｱ read as ア), or null.</summary>
    public GuidelineSubArea? FindSubArea(string? letter)
    {
        var normalized = letter?.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        return string.IsNullOrEmpty(normalized) ? null : _subAreas.FirstOrDefault(s => s.Letter == normalized);
    }

    internal void Update(string title, string? heading)
    {
        Title = Text.Required(title, TitleMaxLength, nameof(title));
        Heading = Text.Optional(heading, TitleMaxLength, nameof(heading));
    }

    internal GuidelineSubArea AddSubArea(string title)
    {
        if (_subAreas.Count >= Letters.Count)
        {
            throw new DomainRuleException("一つの分野の項目は{0}までです。", Letters.Count);
        }

        var subArea = new GuidelineSubArea(Letters[_subAreas.Count], title, _subAreas.Count + 1);
        _subAreas.Add(subArea);
        return subArea;
    }
}

/// <summary>項目: a sub-area of an area (ア 市民活動団体等の活動資金の確保).</summary>
public sealed class GuidelineSubArea
{
    // For EF Core materialization.
    private GuidelineSubArea()
    {
        Letter = string.Empty;
        Title = string.Empty;
    }

    internal GuidelineSubArea(string letter, string title, int order)
    {
        Letter = letter;
        Title = Text.Required(title, GuidelineArea.TitleMaxLength, nameof(title));
        Order = order;
    }

    public int Id { get; private set; }

    public int AreaId { get; private set; }

    public string Letter { get; private set; }

    public string Title { get; private set; }

    public int Order { get; private set; }
}
