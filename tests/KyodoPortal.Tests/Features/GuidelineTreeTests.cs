using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 17 A (views): a period's measures as seed 002 prints them, by area, with filters; and its xlsx and CSV downloads.</summary>
[Trait("Category", "Database")]
public sealed class GuidelineTreeTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_tree_prints_areas_sub_areas_and_each_measure_with_its_class_and_priority_as_seed_002_does()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var measures = await coordinator.GetPageAsync("/guideline/periods/1/measures");

        var tree = await coordinator.FollowLinkAsync(measures, "#tree-link");
        tree = await coordinator.GetPageAsync($"{new Uri(tree.Url).AbsolutePath}?department={Id(scenario.Department.Id)}");

        Assert.Equal("施策の体系 — 第1期 | 協働ポータル", tree.Title);
        Assert.Equal(
            ["（１）活動の場の提供に関すること", "（２）財政的支援に関すること", "（３）情報の提供に関すること", "（４）市民活動の啓発及び学習機会の提供、人的支援に関すること"],
            tree.Texts("#measure-tree h2"));
        Assert.Equal("市民活動団体等の活動拠点の確保", tree.Text("#area-1 .measure-tree__heading"));
        Assert.Equal(
            ["・民間施設等の活用に向けた協力体制の構築 【Ⅰ】＜重点施策＞", "・公共施設の有効利用 【Ⅰ】＜重点施策＞"],
            tree.Texts("#area-1 .measure-tree__title"));
        Assert.Equal("公共施設の会議室やフリースペース等を有効活用できるよう検討します。", tree.Text($"[data-measure='{scenario.MeasureIds[1]}'] .measure-tree__description"));
        Assert.Equal(["ア 市民活動団体等の活動資金の確保", "イ 活動に伴うリスクの負担に対する支援"], tree.Texts("#area-2 h3"));
        Assert.Equal(
            ["・市民活動を支援するための基金の設置 【Ⅰ】＜重点施策＞", "・ふるさと寄附金の活用や寄附金付き自動販売機の設置等 【Ⅱ—ア】"],
            tree.Texts("#area-2 [data-sub-area='ア'] .measure-tree__title"));
        Assert.Equal($"/guideline/measures/{scenario.MeasureIds[3]}", tree.QuerySelector($"[data-measure='{scenario.MeasureIds[3]}'] a")!.GetAttribute("href"));
        Assert.Contains(scenario.Department.Name, tree.Text($"[data-measure='{scenario.MeasureIds[3]}'] .measure-tree__meta"));
        Assert.Equal(14, tree.QuerySelectorAll(".measure-tree__measure").Length);

        var index = await coordinator.GetPageAsync("/guideline");
        Assert.NotNull(index.QuerySelector("#periods a[href='/guideline/periods/1/tree']"));
    }

    [Fact]
    public async Task The_tree_filters_by_classification_priority_department_and_a_years_status()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        await scenario.RecordAsync(scenario.MeasureIds[0], 2023, MeasureProgressStatus.InProgress, ProgressReviewStatus.Confirmed);
        await scenario.RecordAsync(scenario.MeasureIds[4], 2023, MeasureProgressStatus.InProgress, ProgressReviewStatus.Draft);
        await scenario.RecordAsync(scenario.MeasureIds[1], 2023, MeasureProgressStatus.Done, ProgressReviewStatus.Submitted);
        var classes = await factory.QueryAsync(db => db.Guidelines.SelectMany(g => g.Classifications).ToDictionaryAsync(c => c.Key, c => c.Id));
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var ours = $"department={Id(scenario.Department.Id)}";

        var continuing = await coordinator.GetPageAsync($"/guideline/periods/1/tree?{ours}&classification={Id(classes["II-イ"])}");
        var priority = await coordinator.GetPageAsync($"/guideline/periods/1/tree?{ours}&priority=true");
        var inProgress = await coordinator.GetPageAsync($"/guideline/periods/1/tree?{ours}&year=2023&status=InProgress");
        var none = await coordinator.GetPageAsync($"/guideline/periods/1/tree?{ours}&priority=true&classification={Id(classes["III"])}");

        Assert.Equal(7, continuing.QuerySelectorAll(".measure-tree__measure").Length);
        Assert.All(continuing.Texts(".measure-tree__code"), code => Assert.Equal("【Ⅱ—イ】", code));
        Assert.Equal(Id(classes["II-イ"]), continuing.QuerySelector("#classification option[selected]")!.GetAttribute("value"));
        Assert.Equal(["民間施設等の活用に向けた協力体制の構築", "公共施設の有効利用", "市民活動を支援するための基金の設置"], priority.Texts(".measure-tree__title a"));
        Assert.NotNull(priority.QuerySelector("#priority[checked]"));
        Assert.Equal(["民間施設等の活用に向けた協力体制の構築", "市民活動補償制度"], inProgress.Texts(".measure-tree__title a"));
        Assert.Equal("令和5年度: 実施中（確認済み）", inProgress.Text($"[data-measure='{scenario.MeasureIds[0]}'] .measure-tree__status"));
        Assert.Equal("令和5年度: 実施中（下書き）", inProgress.Text($"[data-measure='{scenario.MeasureIds[4]}'] .measure-tree__status"));
        Assert.Contains("令和5年度", inProgress.Text("#tree-summary"));
        Assert.Equal($"絞り込みの条件: 担当課「{scenario.Department.Name}」、令和5年度の進捗状況が「実施中」", inProgress.Text("#tree-filters"));
        Assert.Equal($"絞り込みの条件: 分類「Ⅱ—イ」、担当課「{scenario.Department.Name}」", continuing.Text("#tree-filters"));
        Assert.Equal("該当する施策はありません。", none.Text("#no-measures"));

        // Every field of the GET form has a label, and the download links carry the filters.
        Assert.All(inProgress.QuerySelectorAll("#tree-filter select, #tree-filter input"), field => Assert.NotNull(inProgress.QuerySelector($"label[for='{field.Id}']")));
        Assert.Equal($"/guideline/periods/1/export?format=csv&year=2023&{ours}&status=InProgress", inProgress.QuerySelector("#export-csv")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_department_sees_and_downloads_only_the_measures_it_is_in_charge_of()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        var other = await GuidelineScenario.CreateAsync(factory);
        using var staff = await scenario.SignInAsync(scenario.StaffEmail);

        var tree = await staff.GetPageAsync("/guideline/periods/1/tree");
        var csv = await CsvAsync(staff, "/guideline/periods/1/export?format=csv");

        Assert.NotNull(tree.QuerySelector("#own-measures"));
        var shown = tree.QuerySelectorAll(".measure-tree__measure").Select(m => int.Parse(m.GetAttribute("data-measure")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scenario.MeasureIds.Order(), shown.Order());
        Assert.DoesNotContain(other.MeasureIds[0], shown);
        Assert.Equal(15, csv.Count);
        Assert.All(csv.Skip(1), row => Assert.Equal(scenario.Department.Name, row[5]));
        using var group = factory.CreatePageClient();
        using var anonymous = await group.Http.GetAsync("/guideline/periods/1/export?format=csv");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_export_has_a_row_per_measure_with_a_status_column_per_fiscal_year_in_csv_and_xlsx()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        await scenario.RecordAsync(scenario.MeasureIds[2], 2022, MeasureProgressStatus.Done, ProgressReviewStatus.Confirmed);
        await scenario.RecordAsync(scenario.MeasureIds[2], 2023, MeasureProgressStatus.Continuing, ProgressReviewStatus.Returned);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var tree = await coordinator.GetPageAsync($"/guideline/periods/1/tree?department={Id(scenario.Department.Id)}");

        var csv = await CsvAsync(coordinator, tree.QuerySelector("#export-csv")!.GetAttribute("href")!);

        Assert.Equal(["分野", "項目", "施策名", "分類", "重点施策", "担当課", "説明", "令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和6年度"], csv[0]);
        Assert.Equal(15, csv.Count);
        var fund = Assert.Single(csv, r => r[2] == "市民活動を支援するための基金の設置");
        Assert.Equal(["（2）財政的支援に関すること", "ア 市民活動団体等の活動資金の確保", "市民活動を支援するための基金の設置", "Ⅰ", "重点施策", scenario.Department.Name], fund.Take(6));
        Assert.Equal(["", "", "実施済（確認済み）", "継続実施（差戻し）", ""], fund.Skip(7));
        Assert.Equal("", Assert.Single(csv, r => r[2] == "公共施設の有効利用")[1]);

        using var xlsx = await coordinator.Http.GetAsync(tree.QuerySelector("#export-xlsx")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var document = XlsxFile.OpenValid(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(XlsxFile.CellText).ToList()).ToList();
        Assert.Equal(15, rows.Count);
        Assert.Equal("令和6年度", rows[0][11]);
        var sheetFund = Assert.Single(rows, r => r[2] == "市民活動を支援するための基金の設置");
        Assert.Equal("実施済（確認済み）", sheetFund[9]);
        Assert.Equal("継続実施（差戻し）", sheetFund[10]);

        using var bad = await coordinator.Http.GetAsync("/guideline/periods/1/export?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The CSV's records (after checking the BOM Excel needs), fields split on commas: the seed's texts have none.</summary>
    private static async Task<List<string[]>> CsvAsync(PageClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        return [.. Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(','))];
    }
}
