using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Guidelines;

/// <summary>
/// 指針 (seed 002): the city's guideline for promoting civic activities and collaboration. It owns
/// its periods (第1期, 第2期 …), its classification scheme (Ⅰ / Ⅱ—ア / Ⅱ—イ / Ⅲ in seed 002, editable
/// for another city's scheme) and its areas (（１）…（７）) with their sub-areas (ア, イ …). The
/// measures (<see cref="GuidelineMeasure"/>) of a period are aggregates of their own.
/// </summary>
public sealed class Guideline : IVersioned
{
    public const int TitleMaxLength = 200;

    private readonly List<GuidelinePeriod> _periods = [];
    private readonly List<GuidelineClassification> _classifications = [];
    private readonly List<GuidelineArea> _areas = [];

    // For EF Core materialization.
    private Guideline()
    {
        Title = string.Empty;
    }

    public Guideline(string title)
    {
        Title = Text.Required(title, TitleMaxLength, nameof(title));
    }

    public int Id { get; private set; }

    public string Title { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<GuidelinePeriod> Periods => _periods;

    public IReadOnlyList<GuidelineClassification> Classifications => _classifications;

    public IReadOnlyList<GuidelineArea> Areas => _areas;

    public void Rename(string title) => Title = Text.Required(title, TitleMaxLength, nameof(title));

    /// <summary>A new period, numbered after the last one, as a draft (案).</summary>
    public GuidelinePeriod AddPeriod(int firstFiscalYear, int lastFiscalYear)
    {
        if (_periods.Any(p => p.Status == GuidelinePeriodStatus.Draft))
        {
            throw new DomainRuleException("案の期がすでにあります。");
        }

        var number = _periods.Count == 0 ? 1 : _periods.Max(p => p.Number) + 1;
        var period = new GuidelinePeriod(number, firstFiscalYear, lastFiscalYear);
        _periods.Add(period);
        return period;
    }

    public GuidelinePeriod PeriodNumbered(int number) =>
        _periods.FirstOrDefault(p => p.Number == number) ?? throw new DomainRuleException("第{0}期はありません。", number);

    /// <summary>Adds a classification to the scheme; its code must not read as one already there.</summary>
    public GuidelineClassification AddClassification(string code, string description, bool isPriority)
    {
        var key = KeyOf(code);
        if (_classifications.Any(c => c.Key == key))
        {
            throw new DomainRuleException("分類「{0}」はすでにあります。", code.Trim());
        }

        var classification = new GuidelineClassification(code, key, description, isPriority, _classifications.Count + 1);
        _classifications.Add(classification);
        return classification;
    }

    public void UpdateClassification(GuidelineClassification classification, string code, string description, bool isPriority)
    {
        ArgumentNullException.ThrowIfNull(classification);
        EnsureOwn(_classifications, classification);
        var key = KeyOf(code);
        if (_classifications.Any(c => c != classification && c.Key == key))
        {
            throw new DomainRuleException("分類「{0}」はすでにあります。", code.Trim());
        }

        classification.Update(code, key, description, isPriority);
    }

    /// <summary>The classification <paramref name="typed"/> names (Ⅱ-ア, Ⅱ—ア, Ⅱｰア … alike), or null.</summary>
    public GuidelineClassification? FindClassification(string? typed) =>
        ClassificationCode.Key(typed) is { } key ? _classifications.FirstOrDefault(c => c.Key == key) : null;

    /// <summary>Adds an area numbered after the last one (（１）, （２）…).</summary>
    public GuidelineArea AddArea(string title, string? heading = null)
    {
        var area = new GuidelineArea(_areas.Count == 0 ? 1 : _areas.Max(a => a.Number) + 1, title, heading);
        _areas.Add(area);
        return area;
    }

    public GuidelineArea AreaNumbered(int number) =>
        _areas.FirstOrDefault(a => a.Number == number) ?? throw new DomainRuleException("（{0}）の分野はありません。", number);

    public void UpdateArea(GuidelineArea area, string title, string? heading)
    {
        ArgumentNullException.ThrowIfNull(area);
        EnsureOwn(_areas, area);
        area.Update(title, heading);
    }

    public GuidelineSubArea AddSubArea(GuidelineArea area, string title)
    {
        ArgumentNullException.ThrowIfNull(area);
        EnsureOwn(_areas, area);
        return area.AddSubArea(title);
    }

    /// <summary>
    /// Checks that the parts of a measure's place belong to this guideline (a sub-area to its area),
    /// so no measure points into another guideline's scheme.
    /// </summary>
    public void EnsurePlace(GuidelinePeriod period, GuidelineArea? area, GuidelineSubArea? subArea, GuidelineClassification? classification)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (area is null)
        {
            throw new DomainRuleException("施策の分野を選んでください。");
        }

        if (classification is null)
        {
            throw new DomainRuleException("施策の分類を選んでください。");
        }

        EnsureOwn(_periods, period);
        EnsureOwn(_areas, area);
        EnsureOwn(_classifications, classification);
        if (subArea is not null && !area.SubAreas.Contains(subArea))
        {
            throw new DomainRuleException("「{0}」は（{1}）{2}の項目ではありません。", subArea.Title, area.Number, area.Title);
        }
    }

    private static string KeyOf(string code) =>
        ClassificationCode.Key(code) ?? throw new DomainRuleException("分類の記号を入力してください。");

    private static void EnsureOwn<T>(List<T> list, T item)
    {
        if (!list.Contains(item))
        {
            throw new InvalidOperationException($"The {typeof(T).Name} does not belong to this guideline.");
        }
    }
}
