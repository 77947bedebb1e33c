using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using KyodoPortal.Domain.Common;

namespace KyodoPortal.Domain.Calls;

/// <summary>
/// 募集: a call for proposals of one type for one fiscal year, with a submission window, the
/// city's cost-share caps per project and the screening rubric.
/// </summary>
[SuppressMessage(
    "Naming",
    "CA1716:Identifiers should not match keywords",
    Justification = "「募集」is a call in the domain's English; the solution is C# only, so VB's Call keyword does not matter.")]
public sealed class Call : IVersioned
{
    public const int NameMaxLength = 150;
    public const int GuidanceMaxLength = 4000;
    public const int MinTermYears = 1;

    /// <summary>Agreements run 3–5 years at most, after which a continuation review is due.</summary>
    public const int MaxTermYearsLimit = 5;

    private readonly List<CallTheme> _themes = [];
    private readonly List<ScreeningCriterion> _criteria = [];

    // For EF Core materialization.
    private Call()
    {
        Name = string.Empty;
    }

    public Call(
        string name,
        ProposalType proposalType,
        int fiscalYear,
        DateTime opensAtUtc,
        DateTime closesAtUtc,
        long maxCityShareTotal,
        long maxCitySharePerYear,
        int maxTermYears,
        string? guidance)
    {
        Name = string.Empty;
        Apply(name, proposalType, fiscalYear, opensAtUtc, closesAtUtc, maxCityShareTotal, maxCitySharePerYear, maxTermYears, guidance);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public ProposalType ProposalType { get; private set; }

    /// <summary>The start year of the fiscal year (年度) the proposed projects start in.</summary>
    public int FiscalYear { get; private set; }

    /// <summary>Proposals can be submitted from this instant (inclusive)…</summary>
    public DateTime OpensAtUtc { get; private set; }

    /// <summary>…until this instant (exclusive).</summary>
    public DateTime ClosesAtUtc { get; private set; }

    /// <summary>The most the city pays one project over its whole term (yen).</summary>
    public long MaxCityShareTotal { get; private set; }

    /// <summary>The most the city pays one project in any one fiscal year (yen).</summary>
    public long MaxCitySharePerYear { get; private set; }

    /// <summary>The longest term (in fiscal years) a proposal may ask for.</summary>
    public int MaxTermYears { get; private set; }

    /// <summary>募集要項: what proposers should know, shown on the call's page.</summary>
    public string? Guidance { get; private set; }

    public bool IsPublished { get; private set; }

    public DateTime? ScreeningStartedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<CallTheme> Themes => _themes;

    public IReadOnlyList<ScreeningCriterion> Criteria => _criteria;

    /// <summary>
    /// Once committee members score against the rubric, changing it would make scores
    /// incomparable, so the criteria are frozen from the start of screening.
    /// </summary>
    public bool CriteriaLocked => ScreeningStartedAtUtc is not null;

    /// <summary>Whether a proposal can be submitted now: published and inside [opens, closes).</summary>
    public bool IsOpenAt(DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        return IsPublished && OpensAtUtc <= now && now < ClosesAtUtc;
    }

    /// <summary>
    /// Changes the call's terms. Refused once screening started: proposals were checked against
    /// these terms and are being scored.
    /// </summary>
    public void Update(
        string name,
        ProposalType proposalType,
        int fiscalYear,
        DateTime opensAtUtc,
        DateTime closesAtUtc,
        long maxCityShareTotal,
        long maxCitySharePerYear,
        int maxTermYears,
        string? guidance)
    {
        if (CriteriaLocked)
        {
            throw new DomainRuleException("審査開始後は募集内容を変更できません。");
        }

        Apply(name, proposalType, fiscalYear, opensAtUtc, closesAtUtc, maxCityShareTotal, maxCitySharePerYear, maxTermYears, guidance);
    }

    public void ReplaceThemes(IEnumerable<int> themeIds)
    {
        ArgumentNullException.ThrowIfNull(themeIds);
        var ids = themeIds.Distinct().ToList();
        if (ids.Any(id => id <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(themeIds), "Theme ids must be positive.");
        }

        _themes.Clear();
        _themes.AddRange(ids.Select(id => new CallTheme(id)));
    }

    public void ReplaceCriteria(IEnumerable<ScreeningCriterionDraft> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (CriteriaLocked)
        {
            throw new DomainRuleException("審査開始後は審査基準を変更できません。");
        }

        var rows = criteria.Select((draft, index) => new ScreeningCriterion(draft, index + 1)).ToList();
        var duplicate = rows.GroupBy(row => row.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainRuleException("審査基準「{0}」が重複しています。", duplicate.Key);
        }

        _criteria.Clear();
        _criteria.AddRange(rows);
    }

    public void Publish()
    {
        if (IsPublished)
        {
            throw new DomainRuleException("この募集はすでに公開されています。");
        }

        IsPublished = true;
    }

    public void Unpublish()
    {
        if (!IsPublished)
        {
            throw new DomainRuleException("この募集は公開されていません。");
        }

        IsPublished = false;
    }

    /// <summary>
    /// Freezes the rubric so committee members can score. Only after the window closed, so no
    /// proposal arrives after scoring began.
    /// </summary>
    public void StartScreening(DateTime nowUtc)
    {
        var now = UtcTime.Require(nowUtc, nameof(nowUtc));
        if (ScreeningStartedAtUtc is { } startedAt)
        {
            throw new DomainRuleException("この募集はすでに審査中です（審査開始: {0}）。", UtcTime.JapanDate(startedAt));
        }

        if (_criteria.Count == 0)
        {
            throw new DomainRuleException("審査基準が設定されていないため、審査を開始できません。");
        }

        if (now < ClosesAtUtc)
        {
            throw new DomainRuleException("募集期間が終了するまで審査を開始できません。");
        }

        ScreeningStartedAtUtc = now;
    }

    private void Apply(
        string name,
        ProposalType proposalType,
        int fiscalYear,
        DateTime opensAtUtc,
        DateTime closesAtUtc,
        long maxCityShareTotal,
        long maxCitySharePerYear,
        int maxTermYears,
        string? guidance)
    {
        if (!Enum.IsDefined(proposalType))
        {
            throw new ArgumentOutOfRangeException(nameof(proposalType), proposalType, "Unknown proposal type.");
        }

        // Validates the range (1..9998) the FiscalYear value type accepts.
        _ = new Common.FiscalYear(fiscalYear);
        var opens = UtcTime.Require(opensAtUtc, nameof(opensAtUtc));
        var closes = UtcTime.Require(closesAtUtc, nameof(closesAtUtc));
        if (closes <= opens)
        {
            throw new DomainRuleException("募集の締切は受付開始より後の日時にしてください。");
        }

        if (maxCityShareTotal <= 0)
        {
            throw new DomainRuleException("事業全体の市負担金の上限は1円以上にしてください。");
        }

        if (maxCitySharePerYear <= 0 || maxCitySharePerYear > maxCityShareTotal)
        {
            throw new DomainRuleException("年度あたりの市負担金の上限は1円以上、かつ事業全体の上限以下にしてください。");
        }

        if (maxTermYears is < MinTermYears or > MaxTermYearsLimit)
        {
            throw new DomainRuleException("事業期間の上限は{0}年から{1}年の間で指定してください。", MinTermYears, MaxTermYearsLimit);
        }

        Name = Text.Required(name, NameMaxLength, nameof(name));
        ProposalType = proposalType;
        FiscalYear = fiscalYear;
        OpensAtUtc = opens;
        ClosesAtUtc = closes;
        MaxCityShareTotal = maxCityShareTotal;
        MaxCitySharePerYear = maxCitySharePerYear;
        MaxTermYears = maxTermYears;
        Guidance = Text.Optional(guidance, GuidanceMaxLength, nameof(guidance));
    }
}
