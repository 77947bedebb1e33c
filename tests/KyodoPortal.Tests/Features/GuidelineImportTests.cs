using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 17 A: measures imported from a city's CSV/xlsx, previewed with row errors, saved all or nothing.</summary>
[Trait("Category", "Database")]
public sealed class GuidelineImportTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    static GuidelineImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Header = "分野,項目,施策名,分類,説明\r\n";

    private static async Task<IHtmlDocument> UploadAsync(PageClient client, IHtmlDocument page, byte[] bytes, string fileName, int departmentId)
    {
        var form = page.QuerySelector<IHtmlFormElement>("#import-upload")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        content.Add(new StringContent(departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "departmentId");
        content.Add(new ByteArrayContent(bytes), "file", fileName);
        using var response = await client.Http.PostAsync(form.GetAttribute("action"), content);
        return await PageClient.ReadAsync(response, System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_file_with_an_unknown_area_or_classification_or_no_title_is_listed_row_by_row_and_nothing_is_saved()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var page = await coordinator.GetPageAsync("/guideline/periods/1/import");
        var before = await factory.QueryAsync(db => db.GuidelineMeasures.CountAsync());
        var csv = Header
            + "（７）,ア,協働事業に関する手引き（職員向け）の作成,Ⅰ,市職員が、市民活動や協働について理解を深めるための手引きを作成します。\r\n"
            + "(9),,存在しない分野の施策,Ⅱ-ア,\r\n"
            + "7,イ,協働コーディネーターの配置,Ⅱ—ウ,\r\n"
            + "７,エ,,Ⅱｰイ,\r\n";

        var preview = await UploadAsync(coordinator, page, Encoding.UTF8.GetBytes(csv), "measures.csv", scenario.Department.Id);

        Assert.Contains("エラーのある行が3行あります。", preview.Text("#import-errors"));
        Assert.Equal(string.Empty, preview.Text("#import-rows tr[data-row='2'] .row-errors"));
        Assert.Equal("分野「(9)」はこの指針にありません。", preview.Text("#import-rows tr[data-row='3'] .row-errors"));
        Assert.Equal("分類「Ⅱ—ウ」はこの指針にありません。", preview.Text("#import-rows tr[data-row='4'] .row-errors"));
        Assert.Equal("施策名がありません。", preview.Text("#import-rows tr[data-row='5'] .row-errors"));
        Assert.Null(preview.QuerySelector("#import-save"));
        Assert.Equal(before, await factory.QueryAsync(db => db.GuidelineMeasures.CountAsync()));
    }

    [Fact]
    public async Task A_Shift_JIS_file_with_every_dash_variant_is_previewed_and_saved_as_the_coordinator_confirms()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var page = await coordinator.GetPageAsync("/guideline/periods/1/import");
        var csv = Header
            + "（７）,ア,協働事業に関する手引き（職員向け）の作成,Ⅰ,市職員が、市民活動や協働について理解を深めるための手引きを作成します。\r\n"
            + "(7),ｲ,協働コーディネーターの配置,Ⅱ-ア,\r\n"
            + "７,エ,協働事業の評価・検証に関する仕組みづくり,Ⅱｰイ,\r\n"
            + "6,,中間支援組織同士が交流する機会の提供や連携するための仕組みづくりの検討,Ⅲ,\r\n";

        var preview = await UploadAsync(coordinator, page, Encoding.GetEncoding("shift_jis").GetBytes(csv), "施策.csv", scenario.Department.Id);
        Assert.Equal("4件の施策を取り込めます。", preview.Text("#import-ready"));
        Assert.Equal(["Ⅰ", "Ⅱ—ア", "Ⅱ—イ", "Ⅲ"], preview.Texts("#import-rows tbody td:nth-child(5)"));

        var saved = await coordinator.SubmitAndFollowAsync(preview, "#import-save");

        Assert.Equal("4件の施策を取り込みました。", saved.Text("[role=status]"));
        var stored = await factory.QueryAsync(db => db.GuidelineMeasures.AsNoTracking().Where(m => m.Departments.Any(d => d.DepartmentId == scenario.Department.Id) && m.Area.Number >= 6)
            .OrderBy(m => m.Id).Select(m => new { m.Title, m.Classification.Code, m.IsPriority, Letter = m.SubArea == null ? null : m.SubArea.Letter }).ToListAsync());
        Assert.Equal(["Ⅰ", "Ⅱ—ア", "Ⅱ—イ", "Ⅲ"], stored.Select(m => m.Code));
        Assert.Equal([true, false, false, false], stored.Select(m => m.IsPriority));
        Assert.Equal(["ア", "イ", "エ", null], stored.Select(m => m.Letter));

        var again = await coordinator.SubmitAndFollowAsync(preview, "#import-save");
        Assert.Contains("既に送信され", again.Text("[role=status]"));
        Assert.Equal(4, await factory.QueryAsync(db => db.GuidelineMeasures.CountAsync(m => m.Departments.Any(d => d.DepartmentId == scenario.Department.Id) && m.Area.Number >= 6)));
    }
}
