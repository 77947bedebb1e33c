using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>The group's steps on an annual report, through the pages, shared by the report tests.</summary>
internal static class AnnualReportSteps
{
    public const string Summary = "就職支援セミナーを6回開催し、延べ42人が参加した。";
    public const string FeeNote = "参加費を徴収しなかったため";

    public static string ReportUrl(ProjectScenario scenario, int? fiscalYear = null) =>
        $"/projects/{scenario.Project.Id}/reports/{fiscalYear ?? scenario.FirstYear}";

    /// <summary>報告書を作成 on the report page; lands on the edit form.</summary>
    public static async Task<IHtmlDocument> CreateAsync(PageClient group, ProjectScenario scenario)
    {
        var page = await group.GetPageAsync(ReportUrl(scenario));
        return await group.SubmitAndFollowAsync(page, $"form[action='{ReportUrl(scenario)}/start']");
    }

    /// <summary>
    /// Fills the summary, 参加者数 42 and the budget actuals of the year (市負担金 300,000円, 参加費
    /// 0円 with the reason, 講師謝礼 180,000円, 会場使用料 120,000円, 教材印刷費 0円) and saves.
    /// </summary>
    public static async Task<IHtmlDocument> FillAsync(PageClient group, ProjectScenario scenario)
    {
        var edit = await group.GetPageAsync(ReportUrl(scenario) + "/edit");
        return await group.SubmitAndFollowAsync(
            edit,
            "#report-form",
            ("Input.Summary", Summary),
            ("Input.Kpis[0].ActualValue", "42"),
            ("Input.Kpis[0].Evidence", "参加者名簿"),
            ("Input.Budget[0].ActualAmount", "300000"),
            ("Input.Budget[1].ActualAmount", "0"),
            ("Input.Budget[1].Note", FeeNote),
            ("Input.Budget[2].ActualAmount", "180000"),
            ("Input.Budget[3].ActualAmount", "120000"),
            ("Input.Budget[4].ActualAmount", "0"));
    }

    public static async Task<IHtmlDocument> SubmitAsync(PageClient group, ProjectScenario scenario) =>
        await group.SubmitAndFollowAsync(await group.GetPageAsync(ReportUrl(scenario)), "#submit-form");

    /// <summary>Created, filled and submitted by the group.</summary>
    public static async Task<IHtmlDocument> SubmittedAsync(ProjectScenario scenario)
    {
        using var group = await scenario.GroupMemberAsync();
        await CreateAsync(group, scenario);
        await FillAsync(group, scenario);
        return await SubmitAsync(group, scenario);
    }

    /// <summary>
    /// Posts to <paramref name="url"/> with the antiforgery token of <paramref name="page"/> (any
    /// form on it, e.g. the sign-out form): what a person could send without the button.
    /// </summary>
    public static Task<HttpResponseMessage> PostAsync(PageClient client, IHtmlDocument page, string url, params (string Key, string Value)[] values) =>
        client.PostWithTokenAsync(page, url, values);

    public static async Task<HttpStatusCode> PostStatusAsync(PageClient client, IHtmlDocument page, string url, params (string Key, string Value)[] values)
    {
        using var response = await PostAsync(client, page, url, values);
        return response.StatusCode;
    }
}
