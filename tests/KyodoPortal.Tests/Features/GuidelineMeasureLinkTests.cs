using System.Globalization;
using System.Net;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 17 A: a measure linked to the collaboration project (and calls, themes) that implement it; the project page lists the measures it serves.</summary>
[Trait("Category", "Database")]
public sealed class GuidelineMeasureLinkTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_coordinator_links_a_project_to_a_measure_the_project_page_shows_it_and_a_duplicate_or_unknown_target_is_refused()
    {
        var guideline = await GuidelineScenario.CreateAsync(factory);
        var project = await ProjectScenario.CreateAsync(factory, title: "リンク確認の協働事業" + Guid.NewGuid().ToString("N")[..4]);
        var fund = guideline.MeasureIds[2];
        var target = "Project:" + project.Project.Id.ToString(CultureInfo.InvariantCulture);
        using var coordinator = await guideline.SignInAsync(guideline.CoordinatorEmail);
        var page = await coordinator.GetPageAsync($"/guideline/measures/{fund}");
        Assert.Equal("結び付いているものはありません。", page.Text("#no-links"));
        Assert.Contains(project.Project.Title, page.Text("#link-target"));

        var linked = await coordinator.SubmitAndFollowAsync(page, "#link-form", ("target", target));
        Assert.Equal("施策に協働事業を結び付けました。", linked.Text("[role=status]"));
        Assert.Contains("協働事業：" + project.Project.Title, linked.Text("#measure-links li"));
        Assert.Equal($"/projects/{project.Project.Id}", linked.QuerySelector("#measure-links li a")!.GetAttribute("href"));

        var twice = await coordinator.SubmitAndFollowAsync(page, "#link-form", ("target", target));
        Assert.Contains("この協働事業はすでにこの施策と結び付いています。", twice.Text("[role=alert]"));
        var unknown = await coordinator.SubmitAndFollowAsync(page, "#link-form", ("target", "Project:99999999"));
        Assert.Contains("結び付ける行政課題・募集・協働事業を選んでください。", unknown.Text("[role=alert]"));
        var call = await coordinator.SubmitAndFollowAsync(page, "#link-form", ("target", "Call:" + project.Call.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal("施策に募集を結び付けました。", call.Text("[role=status]"));
        Assert.Equal(2, await factory.QueryAsync(db => db.GuidelineMeasures.Where(m => m.Id == fund).SelectMany(m => m.Links).CountAsync()));

        using var office = await project.CoordinatorAsync();
        var projectPage = await office.GetPageAsync($"/projects/{project.Project.Id}");
        Assert.Contains("市民活動を支援するための基金の設置", projectPage.Text("#project-measures"));
        Assert.Equal($"/guideline/measures/{fund}", projectPage.QuerySelector("#project-measures a")!.GetAttribute("href"));
        using var member = await project.GroupMemberAsync();
        var memberPage = await member.GetPageAsync($"/projects/{project.Project.Id}");
        Assert.Equal($"/collaboration-guideline/measures/{fund}", memberPage.QuerySelector("#project-measures a")!.GetAttribute("href"));
        await member.GetPageAsync($"/collaboration-guideline/measures/{fund}");

        using var staff = await guideline.SignInAsync(guideline.StaffEmail);
        var own = await staff.GetPageAsync($"/guideline/measures/{fund}");
        Assert.Null(own.QuerySelector("#link-form, #measure-links form"));
        using (var post = await staff.PostWithTokenAsync(own, $"/guideline/measures/{fund}/links", ("target", target)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        var removed = await coordinator.SubmitAndFollowAsync(call, $"#measure-links li:first-child form");
        Assert.StartsWith("施策と", removed.Text("[role=status]"));
        Assert.Equal(1, await factory.QueryAsync(db => db.GuidelineMeasures.Where(m => m.Id == fund).SelectMany(m => m.Links).CountAsync()));
    }
}
