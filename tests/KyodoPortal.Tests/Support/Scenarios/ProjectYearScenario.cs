using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoPortal.Tests.Support.Scenarios;

/// <summary>
/// The project year under way: execution-stage states of a <see cref="ProjectScenario"/> (activity
/// records, an approved plan change) reached through the domain, as the other parts' pages would.
/// </summary>
internal static class ProjectYearScenario
{
    public const string FeeDeviation = "参加費が計画と異なります（計画 1,000円、実際 0円）。承認された計画変更はありません。";

    /// <summary>A day of the first fiscal year that has already come (records and reports are about the past).</summary>
    public static DateOnly DayInFirstYear(ProjectScenario s)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var first = new FiscalYear(s.FirstYear).FirstDay;
        var yesterday = today.AddDays(-1);
        return yesterday < first ? first : yesterday;
    }

    /// <summary>第1回セミナー: 定員20, 参加7, 参加費0円 (the seed-000 story).</summary>
    public static async Task<ActivityRecord> FreeSeminarAsync(ProjectScenario s) =>
        await WithDbAsync(s, async db =>
        {
            var project = await db.Projects.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == s.Project.Id);
            var record = ActivityRecord.Record(project, new ActivityRecordDraft(DayInFirstYear(s), "第1回セミナー", "商工会議所", 20, 7, 0, null), "seed", DateTime.UtcNow);
            db.ActivityRecords.Add(record);
            await db.SaveChangesAsync();
            return record;
        });

    /// <summary>Free seminars in the first year (参加費 0円 × 120人, printing by the city), approved by both; the plan's second version.</summary>
    public static async Task<int> ApprovedFreeSeminarsAsync(ProjectScenario s) =>
        await WithDbAsync(s, async db =>
        {
            var now = DateTime.UtcNow;
            var project = await db.Projects.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == s.Project.Id);
            var current = await db.ProjectPlans.AsNoTracking().Where(p => p.ProjectId == project.Id).OrderByDescending(p => p.Number).FirstAsync();
            var free = Recipes.FreeSeminars(current.Content, s.FirstYear);
            var request = ChangeRequest.Submit(project, current, free, Recipes.FreeSeminarsReason, ChangeRequestParty.Department, "staff", now);
            request.ApproveAsDepartment(current, "staff", now);
            request.ApproveAsCoordinator(current, "office", now);
            db.ChangeRequests.Add(request);
            await db.SaveChangesAsync();
            db.ProjectPlans.Add(ProjectPlan.Next(current, request, now));
            await db.SaveChangesAsync();
            return request.Id;
        });

    /// <summary>Posts <paramref name="values"/> to <paramref name="url"/> with the antiforgery token of any page the client can open.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(PageClient client, string url, params (string Key, string Value)[] values) =>
        await client.PostWithTokenAsync(await client.GetPageAsync("/"), url, values);

    public static async Task<IHtmlDocument> FollowAsync(PageClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    private static async Task<T> WithDbAsync<T>(ProjectScenario s, Func<KyodoDbContext, Task<T>> work)
    {
        await using var scope = s.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KyodoDbContext>());
    }
}
