using KyodoPortal.Domain.Guidelines;

namespace KyodoPortal.Web.Data;

/// <summary>
/// Seed 002 (../shared/seeds/002_…): Kamakura's working paper for updating its 「市民活動と協働を推進する
/// ための指針」 (adopted 令和2年8月). The classification scheme with its descriptions, the seven areas
/// with their sub-areas, and the measures of areas (1)–(4) as the seed's excerpt gives them, with
/// their classifications and descriptions. The seed gives the month of adoption only: the 1st is
/// used. The demo data and the tests build the same guideline from here.
/// </summary>
public static class Seed002Guideline
{
    public const string Title = "市民活動と協働を推進するための指針";

    public static readonly DateOnly AdoptedOn = new(2020, 8, 1);

    /// <summary>Period 1: FY2020 (令和2年度) to FY2024 (令和6年度), the five years after which the seed says the guideline must be updated.</summary>
    public const int FirstFiscalYear = 2020;

    public const int LastFiscalYear = 2024;

    public static IReadOnlyList<(string Code, string Description, bool IsPriority)> Scheme { get; } =
    [
        ("Ⅰ", "優先度が高く、短期的（１～２年）に実施していくもの", true),
        ("Ⅱ—ア", "優先度がやや高く、中期的（３～５年）に実施していくもの", false),
        ("Ⅱ—イ", "現状の取り組みを継続しながら、充実を図るもの", false),
        ("Ⅲ", "充分に検討しながら、段階的に実施していくもの", false),
    ];

    /// <summary>The areas in order, each with the line under it (areas without sub-areas) or its sub-areas.</summary>
    public static IReadOnlyList<(string Title, string? Heading, string[] SubAreas)> Areas { get; } =
    [
        ("活動の場の提供に関すること", "市民活動団体等の活動拠点の確保", []),
        ("財政的支援に関すること", null, ["市民活動団体等の活動資金の確保", "活動に伴うリスクの負担に対する支援"]),
        ("情報の提供に関すること", null, ["市の事業についての情報提供", "市民活動団体等の情報の収集と提供", "活動資金確保のために必要な情報の提供", "利用できる施設や設備の情報提供", "利用しやすい形での情報提供"]),
        ("市民活動の啓発及び学習機会の提供、人的支援に関すること", null, ["活動を始めるための環境づくり", "活動をより充実させるための支援"]),
        ("市民活動団体等がその特性を生かせる分野において、市が行う業務への参加機会の提供に関すること", null, ["市民参画機会の提供", "市民活動団体等が市の事業を行うための新しい仕組みづくり"]),
        ("中間支援組織との連携に関すること", "多様な中間支援組織との連携", []),
        ("協働に関すること", null, ["市職員の意識向上", "協働事業を行う団体の支援", "協働事業の定期的な見直し", "協働事業の評価・検証"]),
    ];

    /// <summary>A measure of the seed: area number, sub-area letter (null under an area without sub-areas), title, classification as printed, 重点施策, description.</summary>
    public sealed record SeedMeasure(int Area, string? SubArea, string Title, string Classification, bool IsPriority, string? Description);

    public static IReadOnlyList<SeedMeasure> Measures { get; } =
    [
        new(1, null, "民間施設等の活用に向けた協力体制の構築", "Ⅰ", true, "様々な情報を収集し、民間事業者の会議室、コワーキングスペースや市内の福祉施設等の活用を図り、新たな活動の場を創出します。"),
        new(1, null, "公共施設の有効利用", "Ⅰ", true, "公共施設の会議室やフリースペース等を有効活用できるよう検討します。"),
        new(2, "ア", "市民活動を支援するための基金の設置", "Ⅰ", true, "市民活動支援に充てる財源を確保していくために寄附金を活用した基金を設置します。"),
        new(2, "ア", "ふるさと寄附金の活用や寄附金付き自動販売機の設置等", "Ⅱ—ア", false, "市民等から市民活動団体等への寄附を促進する環境づくりを進めます。"),
        new(2, "イ", "市民活動補償制度", "Ⅱ—イ", false, "市民活動団体等が安心して活動を行うために、活動中に指導者や活動者が怪我をしたり、他者に怪我をさせるなどの事故が発生した場合に補償する制度です。市が保険会社と契約して保険料を負担することで、市民活動団体等の負担が軽減されます。既に運用しており、制度の周知と充実を図ります。"),
        new(3, "ア", "個別に実施している協働事業に関する情報の集約と提供", "Ⅱ—ア", false, null),
        new(3, "ア", "新たな協働事業の提案や活動の参考となるような事業に関する情報提供", "Ⅱ—ア", false, "新たな協働事業の提案や活動の参考となるよう、各部署で実施している協働事業や市民活動団体等へ委託している事業の内容とその実績などの情報を集約し、提供します。また、市が抱えている課題についての情報を公開し、協働で取り組む可能性を探ります。"),
        new(3, "イ", "市民活動や地域の活動の状況や課題を把握するためのアンケート調査等の実施", "Ⅱ—イ", false, "市民活動団体等の支援や協働の施策を検討するため、市民活動団体等の活動内容や運営状況、課題の把握をしていきます。"),
        new(3, "イ", "市民活動団体等や団体の活動内容に関する情報の提供", "Ⅱ—イ", false, "市民活動団体等もその公益性から組織や運営の透明性を確保していくことが必要です。"),
        new(3, "ウ", "民間の基金や助成金、申請のノウハウ等の情報提供", "Ⅱ—イ", false, "企業や財団など民間から市民活動に対する助成金について、助成金の種類や申請時期、申請方法などの情報を中間支援組織などが、情報を収集し市民活動団体等に向けて情報提供をしたり、申請の相談受付やノウハウの支援ができるようにしていきます。"),
        new(3, "エ", "市民活動団体等が活動のために利用できる会議室や設備、貸出備品の情報提供", "Ⅱ—イ", false, null),
        new(3, "オ", "ホームページやSNS、メールマガジン、広報紙など、対象に合わせた効果的な方法での情報提供", "Ⅱ—イ", false, "情報を受け取る市民等や市民活動団体等が利用しやすい媒体による情報提供を行います。"),
        new(4, "ア", "世代に関係なく市民活動や協働について理解し、考えるためのワークショップや市民活動の体験、インターンシップ等の実施に向けた仕組みの構築", "Ⅱ—ア", false, "これまで市民活動に参加したことがない人でも、自分ができることを考えて行動していくための支援や市民活動の支援者を増やすための広報、啓発を行います。また、子どもの頃から地域活動に参加し、地域課題をジブンゴトとしてとらえ、自ら行動するきっかけとなる機会の提供に努めます。"),
        new(4, "イ", "組織の運営に関する講座や専門相談の実施", "Ⅱ—イ", false, "市民活動を開始しようとする段階や活動を継続させようとする段階などに応じて、専門的な相談に対応できる体制を作ります。"),
    ];

    /// <summary>The guideline with its scheme, areas and period 1 (adopted), not yet saved.</summary>
    public static Guideline Build(string? title = null)
    {
        var guideline = BuildScheme(title);
        guideline.AddPeriod(FirstFiscalYear, LastFiscalYear).Adopt(AdoptedOn);
        return guideline;
    }

    /// <summary>The guideline with seed 002's scheme and areas, without periods (the city generator adds its own).</summary>
    public static Guideline BuildScheme(string? title = null)
    {
        var guideline = new Guideline(title ?? Title);
        foreach (var (code, description, isPriority) in Scheme)
        {
            guideline.AddClassification(code, description, isPriority);
        }

        foreach (var (areaTitle, heading, subAreas) in Areas)
        {
            var area = guideline.AddArea(areaTitle, heading);
            foreach (var subArea in subAreas)
            {
                guideline.AddSubArea(area, subArea);
            }
        }

        return guideline;
    }

    /// <summary>Period 1's measures of the seed, each in charge of <paramref name="departmentIds"/>.</summary>
    public static IEnumerable<GuidelineMeasure> BuildMeasures(Guideline guideline, IReadOnlyList<int> departmentIds)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        var period = guideline.PeriodNumbered(1);
        foreach (var seed in Measures)
        {
            var area = guideline.AreaNumbered(seed.Area);
            yield return new GuidelineMeasure(guideline, period, new MeasureDraft(
                seed.Title, seed.Description, area, area.FindSubArea(seed.SubArea), guideline.FindClassification(seed.Classification), seed.IsPriority, departmentIds));
        }
    }
}
