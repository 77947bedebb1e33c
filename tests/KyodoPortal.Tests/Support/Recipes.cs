using KyodoPortal.Domain.Calls;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Proposals;
using KyodoPortal.Tests.Support.Scenarios;

namespace KyodoPortal.Tests.Support;

/// <summary>
/// The data recipes every builder and scenario shares, each defined once: the seed-000 budget
/// (/work/shared/seeds/000: 市予算 30万円 + 参加料 1,000円 × 120人 = 42万円 a year, and what was
/// really spent) and the content that makes a proposal complete enough to submit.
/// </summary>
internal static class Recipes
{
    /// <summary>The seed-000 city share of one year (市負担金).</summary>
    public const long CityShare = 300_000;

    /// <summary>The seed-000 participant fee (参加料 1人 1,000円).</summary>
    public const long Fee = 1_000;

    /// <summary>The seed-000 participants a year the fee was planned for (12万円 ÷ 1,000円).</summary>
    public const long Participants = 120;

    /// <summary>Why the change request made the seminars free (seed 000's answer).</summary>
    public const string FreeSeminarsReason = "第1回講座の集客を優先するため参加費を無料とする。印刷は市で行う。";

    /// <summary>
    /// One year of the seed-000 budget, balanced at 420,000円: 市負担金 300,000円 and セミナー参加費
    /// 1,000円 × 120人 in; 講師謝礼 180,000円, 会場使用料 120,000円 and 教材印刷費 120,000円 out.
    /// </summary>
    public static IEnumerable<BudgetLineDraft> Seed000BudgetYear(int fiscalYear, long cityShare = CityShare, long fee = Fee, long participants = Participants)
    {
        yield return new BudgetLineDraft(fiscalYear, BudgetCategory.CityShare, "市負担金", cityShare);
        yield return new BudgetLineDraft(fiscalYear, BudgetCategory.ParticipantFees, "セミナー参加費", null, UnitPrice: fee, Quantity: participants);
        yield return new BudgetLineDraft(fiscalYear, BudgetCategory.Honoraria, "講師謝礼", 180_000);
        yield return new BudgetLineDraft(fiscalYear, BudgetCategory.Rentals, "会場使用料", 120_000);
        yield return new BudgetLineDraft(fiscalYear, BudgetCategory.Supplies, "教材印刷費", 120_000);
    }

    /// <summary>The seed-000 budget for each of <paramref name="fiscalYears"/>.</summary>
    public static IEnumerable<BudgetLineDraft> Seed000Budget(IEnumerable<int> fiscalYears) =>
        fiscalYears.SelectMany(year => Seed000BudgetYear(year));

    /// <summary>
    /// A budget line of seed 000's change: in <paramref name="fiscalYear"/> the seminars are free
    /// (参加費 0円 × 120人) and the city prints the materials (教材印刷費 120,000円 → 0円), so the
    /// year still balances at 300,000円. Other lines come back unchanged.
    /// </summary>
    public static BudgetLineDraft FreeSeminars(BudgetLineDraft line, int fiscalYear) =>
        line.FiscalYear != fiscalYear
            ? line
            : line.Category switch
            {
                BudgetCategory.ParticipantFees => line with { UnitPrice = 0 },
                BudgetCategory.Supplies => line with { Amount = 0 },
                _ => line,
            };

    /// <summary><paramref name="plan"/> with <see cref="FreeSeminars(BudgetLineDraft, int)"/> applied to <paramref name="fiscalYear"/>.</summary>
    public static PlanContent FreeSeminars(PlanContent plan, int fiscalYear) =>
        ChangeBudget(plan, line => FreeSeminars(line, fiscalYear));

    public static PlanContent ChangeBudget(PlanContent plan, Func<BudgetLineDraft, BudgetLineDraft> change)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var drafts = plan.ToDrafts();
        return PlanContent.Create(drafts with { BudgetLines = [.. drafts.BudgetLines.Select(change)] });
    }

    /// <summary>
    /// What seed 000 really spent in the first year: 市負担金 300,000円, 参加費 0円 (free seminars),
    /// 講師謝礼 180,000円, 会場使用料 120,000円, 教材印刷費 0円 (printed by the city).
    /// </summary>
    public static IEnumerable<BudgetActualDraft> Seed000Actuals(string? feeNote = null, string? suppliesNote = null)
    {
        yield return new BudgetActualDraft(BudgetCategory.CityShare, "市負担金", CityShare);
        yield return new BudgetActualDraft(BudgetCategory.ParticipantFees, "セミナー参加費", 0, feeNote);
        yield return new BudgetActualDraft(BudgetCategory.Honoraria, "講師謝礼", 180_000);
        yield return new BudgetActualDraft(BudgetCategory.Rentals, "会場使用料", 120_000);
        yield return new BudgetActualDraft(BudgetCategory.Supplies, "教材印刷費", 0, suppliesNote);
    }

    /// <summary>
    /// Fills <paramref name="proposal"/> with everything a submission needs (overview, activities,
    /// a schedule and budget for every year of the term, role split, KPIs with targets), from
    /// <paramref name="content"/> (default: the seed-000 employment seminars, <see cref="ProposalContent.Seed000"/>).
    /// </summary>
    public static Proposal Complete(Proposal proposal, int startFiscalYear, int termYears, int? groupId, int? departmentId, DateTime at, ProposalContent? content = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        content ??= ProposalContent.Seed000;
        var years = Enumerable.Range(startFiscalYear, termYears).ToList();
        proposal.UpdateOverview(content.Title ?? proposal.Title, content.Background, content.Purpose, content.Target, startFiscalYear, termYears, groupId, departmentId, at);
        proposal.ReplaceActivities(content.Activities, at);
        proposal.ReplaceSchedule([.. years.Select((year, index) => new ScheduleItemDraft(year, content.Schedule(index)))], at);
        proposal.ReplaceRoleSplits(content.RoleSplits, at);
        proposal.ReplaceBudget(Seed000Budget(years), at);
        proposal.ReplaceKpis(content.Kpis(years), at);
        return proposal;
    }
}

/// <summary>
/// The texts of a complete proposal (<see cref="Recipes.Complete"/>); the budget is always seed 000's.
/// The default is the seed-000 story; the other stories are the few variants scenarios assert on.
/// </summary>
internal sealed record ProposalContent
{
    /// <summary>The seed-000 employment seminars: 就労支援セミナー 6回 × 20人, KPIs 就労者数 (4, 6, …人) and 参加者の意識の変化.</summary>
    public static ProposalContent Seed000 { get; } = new();

    /// <summary>As <see cref="Seed000"/> with the one KPI 就労者数 (a form test clears "the" KPI to make the proposal incomplete).</summary>
    public static ProposalContent Seed000OneKpi { get; } = Seed000 with { Kpis = years => [Seed000.Kpis(years)[0]] };

    /// <summary>
    /// The seed-000 project as the execution scenarios see it: 就職支援セミナー (年6回、定員20人) for
    /// women returning to work, with one KPI 参加者数 (120人 a year).
    /// </summary>
    public static ProposalContent Seed000Project { get; } = new()
    {
        Background = "ブランクのある女性が就職の一歩を踏み出せる場が少ない。",
        Purpose = "セミナーと企業紹介で就労を支援する。",
        Target = "就労を希望する女性",
        Activities = [new ActivityDraft(ProjectScenario.SeminarActivity, 6, 20, "年6回、定員20人")],
        Schedule = index => index == 0 ? "セミナー6回" : "セミナー6回と企業紹介",
        Kpis = years => [new KpiDraft("参加者数", KpiKind.Quantitative, "人", "参加者名簿", [.. years.Select(year => new KpiTargetDraft(year, 120))])],
    };

    /// <summary>The screening scenarios' salon: ふれあいサロン 24回 × 15人, KPI サロン参加者数 (300, 400, …人).</summary>
    public static ProposalContent Salon { get; } = new()
    {
        Background = ScreeningScenario.Background,
        Purpose = "高齢者が気軽に集える場をつくる。",
        Target = "商店街周辺の高齢者",
        Activities = [new ActivityDraft("ふれあいサロン", 24, 15)],
        Schedule = _ => "ふれあいサロンを月2回開催",
        RoleSplits = [new RoleSplitDraft("広報", "チラシ", "広報紙")],
        Kpis = years => [new KpiDraft("サロン参加者数", KpiKind.Quantitative, "人", "参加者名簿", [.. years.Select((year, i) => new KpiTargetDraft(year, 300 + (100 * i)))])],
    };

    /// <summary>The title to set; null keeps the proposal's.</summary>
    public string? Title { get; init; }

    public string Background { get; init; } = "就労に困難を抱える若者の相談先が少ない。";

    public string Purpose { get; init; } = "セミナーと職場体験を通じて就労と定着を支援する。";

    public string Target { get; init; } = "市内在住の就労を希望する若者";

    public IReadOnlyList<ActivityDraft> Activities { get; init; } = [new ActivityDraft("就労支援セミナー", 6, 20, "商工会議所と連携して開催する。")];

    /// <summary>The schedule text of the n-th year of the term (0 = the first).</summary>
    public Func<int, string> Schedule { get; init; } = index => index == 0 ? "セミナー6回、職場体験の受入先開拓" : "セミナー6回、定着支援";

    public IReadOnlyList<RoleSplitDraft> RoleSplits { get; init; } = [new RoleSplitDraft("広報", "チラシ作成とSNS発信", "広報紙への掲載")];

    /// <summary>The KPIs for the term's fiscal years.</summary>
    public Func<IReadOnlyList<int>, IReadOnlyList<KpiDraft>> Kpis { get; init; } = years =>
    [
        new KpiDraft("就労者数", KpiKind.Quantitative, "人", "団体の支援記録", [.. years.Select((year, i) => new KpiTargetDraft(year, 4 + (2 * i)))]),
        new KpiDraft("参加者の意識の変化", KpiKind.Qualitative, null, "参加者アンケート", [new KpiTargetDraft(years[0], null, "働くことへの不安が減る")]),
    ];
}
