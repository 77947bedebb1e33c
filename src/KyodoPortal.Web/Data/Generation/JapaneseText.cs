using Bogus;

namespace KyodoPortal.Web.Data.Generation;

/// <summary>
/// Domain-shaped Japanese texts for the generated city: group names, project titles, proposal
/// sections, report sections, questions and answers. Built from phrase lists picked with the
/// session's seeded <see cref="Randomizer"/>, so the same seed always writes the same city.
/// </summary>
internal sealed class JapaneseText(Faker faker)
{
    private static readonly string[] Areas =
    [
        "鎌倉", "大船", "腰越", "深沢", "玉縄", "由比ガ浜", "七里ガ浜", "稲村ヶ崎", "西鎌倉", "梶原", "山崎", "今泉",
        "岩瀬", "小袋谷", "常盤", "笛田", "手広", "津", "材木座", "二階堂", "十二所", "植木", "城廻", "関谷",
        "台", "高野", "寺分", "上町屋", "岡本", "長谷", "極楽寺", "坂ノ下", "浄明寺", "雪ノ下", "扇ガ谷", "佐助",
    ];

    private static readonly string[] GroupThemes =
    [
        "子育て", "就労サポート", "まちづくり", "環境", "海と森", "見守り", "防災", "学習支援", "食と農", "福祉",
        "国際交流", "文化芸術", "スポーツ", "里山", "歴史", "空き家活用", "居場所", "こども食堂", "介護予防", "多世代交流",
    ];

    private static readonly string[] GroupKinds =
    [
        "ネット", "の会", "研究会", "ラボ", "サポートセンター", "ネットワーク", "クラブ", "協議会", "プロジェクト", "の輪",
        "応援団", "倶楽部", "フォーラム", "工房", "サロン",
    ];

    private static readonly string[] Targets =
    [
        "若者", "高齢者", "子ども", "子育て世代", "障害のある人", "外国人住民", "ひとり親家庭", "商店街", "里山",
        "海岸", "空き家", "地域の防災", "中学生", "不登校の子ども", "シニア世代", "働く女性", "観光客", "地域の農地",
    ];

    private static readonly string[] Actions =
    [
        "就労体験", "居場所づくり", "見守り", "学習支援", "環境学習", "清掃活動", "交流サロン", "防災訓練", "情報発信",
        "担い手育成", "健康づくり", "食の支援", "相談窓口", "伝統文化の継承", "スポーツ交流", "活用", "魅力発信", "地域通貨",
    ];

    private static readonly string[] Subtitles =
    [
        "つながりを育てる", "地域で支え合う", "次の一歩を応援", "みんなでつくる", "顔の見える関係を", "身近な場所から",
        "未来へつなぐ", "誰一人取り残さない", "楽しく続ける", "小さな輪を大きく",
    ];

    private static readonly string[] Problems =
    [
        "相談できる場所が身近になく、支援が必要な人に情報が届いていない。",
        "担い手が高齢化し、活動を続ける人が足りない。",
        "地域の中で世代を超えて交流する機会が減っている。",
        "支援を必要とする人が孤立し、課題が見えにくくなっている。",
        "行政だけでは細かなニーズに応えきれていない。",
        "活動の場所と資金が限られ、取組が広がらない。",
    ];

    private static readonly string[] Purposes =
    [
        "団体の専門性と市の広報力を組み合わせ、継続できる仕組みをつくる。",
        "参加者が自ら活動の担い手になる循環をつくる。",
        "地域の事業所や学校と連携し、支援の輪を広げる。",
        "身近な場所で気軽に参加できる機会を増やす。",
        "成果を数字と事例で示し、他の地域にも広げる。",
    ];

    private static readonly string[] ActivityNames =
    [
        "講座", "体験会", "交流会", "相談会", "ワークショップ", "清掃活動", "見学会", "研修会", "イベント", "訓練",
    ];

    private static readonly string[] KpiNames =
    [
        "参加者数", "相談件数", "ボランティア登録者数", "就労・定着者数", "開催回数", "満足度（とても満足の割合）",
        "新規参加者数", "連携した事業所数", "情報発信回数", "継続参加者数",
    ];

    private static readonly string[] Venues =
    [
        "市役所 第3会議室", "生涯学習センター", "地域福祉センター", "商工会議所 会議室", "中央公民館", "市民活動センター",
        "海浜公園", "小学校 体育館", "図書館 集会室", "団体事務所",
    ];

    private static readonly string[] Questions =
    [
        "参加者数が目標に届かなかった理由をどのように分析しているか。",
        "成果指標の設定は妥当だったか。来年度は見直す予定があるか。",
        "市と団体の役割分担はうまく機能したか。",
        "予算の執行状況に計画との差があるが、その理由は何か。",
        "周知の方法として、市の広報紙を活用したか。",
        "事業の終了後も活動を続けるための資金の見通しはあるか。",
        "参加者からの声をどのように次の取組に生かしているか。",
        "他の団体や事業所との連携はどの程度進んだか。",
        "ボランティアの確保に課題はないか。",
        "協働したことで、単独で行う場合と比べて何が良くなったか。",
    ];

    private static readonly string[] DepartmentAnswers =
    [
        "市としては、広報紙とホームページで周知を行った。来年度は学校を通じた案内も加えたい。",
        "担当課として会場の確保と関係機関との調整を行った。役割分担は協定どおり機能している。",
        "予算の差は会場使用料の減免によるもので、変更申請で承認している。",
        "成果指標は団体と協議して見直す予定である。",
    ];

    private static readonly string[] GroupAnswers =
    [
        "初回は周知が遅れたため参加者が少なかった。SNSと口コミで徐々に増えている。",
        "参加者アンケートの結果を毎回共有し、内容を改善している。",
        "事業の終了後も会費と寄付で活動を続ける計画である。",
        "地域の事業所5か所と連携でき、受け入れ先が広がった。",
        "ボランティアは大学と連携して確保している。",
    ];

    public string Area() => faker.PickRandom(Areas);

    public string PersonName() => $"{faker.Name.LastName()} {faker.Name.FirstName()}";

    public string GroupName(Domain.Organizations.LegalForm form)
    {
        var prefix = form switch
        {
            Domain.Organizations.LegalForm.NpoCorporation => "NPO法人 ",
            Domain.Organizations.LegalForm.CertifiedNpoCorporation => "認定NPO法人 ",
            Domain.Organizations.LegalForm.GeneralIncorporatedAssociation => "一般社団法人 ",
            _ => string.Empty,
        };
        return form == Domain.Organizations.LegalForm.NeighborhoodAssociation
            ? $"{Area()}{faker.PickRandom("一丁目", "二丁目", "三丁目", "東", "西", "南", "北", "台", "中央")}自治会"
            : $"{prefix}{Area()}{faker.PickRandom(GroupThemes)}{faker.PickRandom(GroupKinds)}";
    }

    public string GroupDescription() =>
        $"{faker.PickRandom(Targets)}を対象に、{faker.PickRandom(Actions)}と{faker.PickRandom(Actions)}に取り組んでいます。{faker.PickRandom(Purposes)}";

    public string ProjectTitle() => faker.Random.Bool(0.4f)
        ? $"{faker.PickRandom(Targets)}の{faker.PickRandom(Actions)}事業 ～{faker.PickRandom(Subtitles)}～"
        : $"{Area()}地域の{faker.PickRandom(Targets)}の{faker.PickRandom(Actions)}事業";

    public string Background() => faker.PickRandom(Problems) + faker.PickRandom(Problems);

    public string Purpose() => faker.PickRandom(Purposes);

    public string Beneficiaries() => $"市内の{faker.PickRandom(Targets)}";

    public string ActivityName() => faker.PickRandom(ActivityNames);

    public IReadOnlyList<string> KpiNamesPicked(int count) => [.. faker.Random.Shuffle(KpiNames).Take(count)];

    public string Venue() => faker.PickRandom(Venues);

    public string Question() => faker.PickRandom(Questions);

    public string DepartmentAnswer() => faker.PickRandom(DepartmentAnswers);

    public string GroupAnswer() => faker.PickRandom(GroupAnswers);

    public string ReportSummary(string activity, int times, int people) =>
        $"{activity}を{times}回開催し、延べ{people}人が参加した。{faker.PickRandom(Purposes)}";

    public string Outcome() => $"{faker.PickRandom(Targets)}が{faker.PickRandom(Actions)}に参加し、地域とのつながりができた。";

    public string Problem() => faker.PickRandom(Problems);

    public string NextYear() => $"{faker.PickRandom(Actions)}を加え、{faker.PickRandom(Purposes)}";
}
