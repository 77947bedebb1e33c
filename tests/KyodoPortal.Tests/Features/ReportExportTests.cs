using KyodoPortal.Tests.Support.Scenarios;
using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Features.AnnualReports;
using static KyodoPortal.Tests.Support.Scenarios.ReportScenario;

namespace KyodoPortal.Tests.Features;

/// <summary>The office's exports of every report's KPI results and budget execution, as Excel and CSV.</summary>
[Trait("Category", "Database")]
public sealed class ReportExportTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_KPI_export_has_a_row_per_KPI_of_each_report_in_csv_and_xlsx()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        await SubmittedAsync(scenario);
        using var office = await scenario.CoordinatorAsync();

        var overdue = await office.GetPageAsync("/reports/overdue");
        Assert.NotNull(overdue.QuerySelector("a[href='/reports/export/kpis?format=csv']"));
        var csv = await CsvAsync(office, "/reports/export/kpis?format=csv");
        Assert.Equal(["事業名", "団体", "年度", "成果指標", "単位", "目標", "実績", "達成率（%）", "報告の状態", "目標（文章）", "実績（文章）"], csv[0]);
        var row = Assert.Single(csv, r => r[0] == scenario.Project.Title);
        Assert.Equal([scenario.Group.Name, $"{Wareki(scenario.FirstYear)}年度", "参加者数", "人", "120", "42", "35", "提出済み"], row.Skip(1).Take(8).Select(Trim));

        using var xlsx = await office.Http.GetAsync("/reports/export/kpis?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var document = XlsxFile.OpenValid(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(XlsxFile.CellText).ToList()).ToList();
        Assert.Equal("事業名", rows[0][0]);
        var sheetRow = Assert.Single(rows, r => r[0] == scenario.Project.Title);
        Assert.Equal("参加者数", sheetRow[3]);
        Assert.Equal(42m, decimal.Parse(sheetRow[6], CultureInfo.InvariantCulture));
        Assert.Equal(35m, decimal.Parse(sheetRow[7], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_budget_export_has_planned_and_actual_amounts_with_the_deviation()
    {
        var scenario = await ProjectScenario.CreateAsync(factory);
        await SubmittedAsync(scenario);
        using var office = await scenario.CoordinatorAsync();

        var csv = await CsvAsync(office, "/reports/export/budget?format=csv");

        Assert.Equal(["事業名", "年度", "費目", "内訳", "予算額", "決算額", "差額", "差異率（%）", "報告の状態"], csv[0]);
        var rows = csv.Where(r => r[0] == scenario.Project.Title).ToList();
        Assert.Equal(5, rows.Count);
        var fee = Assert.Single(rows, r => r[3] == "セミナー参加費");
        Assert.Equal(["参加費", "セミナー参加費", "120000", "0", "-120000", "-100"], fee.Skip(2).Take(6).Select(Trim));
        var honoraria = Assert.Single(rows, r => r[3] == "講師謝礼");
        Assert.Equal(["180000", "180000", "0", "0"], honoraria.Skip(4).Take(4).Select(Trim));

        using var xlsx = await office.Http.GetAsync("/reports/export/budget?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var document = XlsxFile.OpenValid(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.NotNull(document.WorkbookPart);
    }

    [Fact]
    public async Task Only_the_office_downloads_and_an_unknown_format_is_a_bad_request()
    {
        using var office = await factory.SignedInAsync(KyodoRoles.Coordinator);
        using var group = await factory.SignedInAsync(KyodoRoles.GroupMember);
        using var department = await factory.SignedInAsync(KyodoRoles.DepartmentStaff);

        using var bad = await office.Http.GetAsync("/reports/export/kpis?format=pdf");
        using var groupKpis = await group.Http.GetAsync("/reports/export/kpis?format=csv");
        using var departmentBudget = await department.Http.GetAsync("/reports/export/budget?format=csv");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, groupKpis.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, departmentBudget.StatusCode);
    }

    [Fact]
    public async Task Reports_read_in_batches_come_in_the_same_order_as_in_one_read()
    {
        for (var i = 0; i < 3; i++)
        {
            await SubmittedAsync(await ProjectScenario.CreateAsync(factory));
        }

        var whole = await factory.QueryAsync(db => ReportListQueries.ReportsOfRecordAsync(db, CancellationToken.None)
            .Select(r => (r.ProjectId, r.Report.FiscalYear, r.Report.Id, r.ProjectTitle)).ToListAsync().AsTask());
        var batched = await factory.QueryAsync(db => ReportListQueries.ReportsOfRecordAsync(db, CancellationToken.None, batchSize: 2)
            .Select(r => (r.ProjectId, r.Report.FiscalYear, r.Report.Id, r.ProjectTitle)).ToListAsync().AsTask());

        Assert.True(whole.Count >= 3);
        Assert.Equal(whole, batched);
        Assert.Equal(whole.OrderBy(r => r.ProjectId).ThenBy(r => r.FiscalYear), whole);
        Assert.Equal(whole.Count, whole.Select(r => (r.ProjectId, r.FiscalYear)).Distinct().Count());
    }

    /// <summary>Numbers as the CSV or sheet writes them, without trailing decimal zeros.</summary>
    private static string Trim(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("0.##", CultureInfo.InvariantCulture)
            : value;

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


    private static string Wareki(int year) => year == 2019 ? "令和元" : $"令和{year - 2018}";
}
