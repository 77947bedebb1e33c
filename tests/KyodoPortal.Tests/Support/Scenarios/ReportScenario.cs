using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Support.Scenarios;

/// <summary>
/// The annual report of a <see cref="ProjectScenario"/> project: the group's steps through the pages
/// (create, fill, submit), or a draft stored through the domain (<see cref="StoredDraftAsync"/>).
/// </summary>
internal static class ReportScenario
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

    /// <summary>The first year's report (a draft) with 参加者数 42 and the first two of seed 000's budget actuals (市負担金 300,000円, 参加費 0円).</summary>
    public static async Task StoredDraftAsync(ProjectScenario s, decimal participants = 42)
    {
        ArgumentNullException.ThrowIfNull(s);
        await using var scope = s.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var now = DateTime.UtcNow;
        var project = await db.Projects.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == s.Project.Id);
        var report = AnnualReport.Start(project, s.FirstYear, "member", now);
        report.UpdateSections(ReportActor.Group, new AnnualReportSections("セミナーを開催した。", null, null, null, null), now);
        report.ReplaceKpiActuals(ReportActor.Group, [new KpiActualDraft("参加者数", participants, null, "参加者名簿")], now);
        report.ReplaceBudgetActuals(ReportActor.Group, [.. Recipes.Seed000Actuals(feeNote: FeeNote).Take(2)], now);
        db.AnnualReports.Add(report);
        await db.SaveChangesAsync();
    }

    /// <summary>The first year's report (参加者数 42, every budget line as planned) stored and submitted through the domain.</summary>
    public static async Task StoredSubmittedAsync(ProjectScenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        await StoredDraftAsync(s);
        await using var scope = s.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        var report = await db.AnnualReports.SingleAsync(r => r.ProjectId == s.Project.Id);
        var plan = await db.ProjectPlans.AsNoTracking().Where(p => p.ProjectId == s.Project.Id).OrderByDescending(p => p.Number).FirstAsync();
        report.ReplaceBudgetActuals(ReportActor.Group, [.. plan.Content.BudgetLinesOf(s.FirstYear).Select(l => new BudgetActualDraft(l.Category, l.Item, l.Amount))], DateTime.UtcNow);
        report.Submit(plan.Content, "member", DateTime.UtcNow);
        await db.SaveChangesAsync();
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
