using System.Net;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 17 A: a closed period is read-only on every page (its own database: closing is for good).</summary>
[Trait("Category", "Database")]
public sealed class GuidelineClosedPeriodTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task A_closed_periods_progress_and_measures_cannot_be_changed()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        var measure = scenario.MeasureIds[0];
        await scenario.RecordAsync(measure, 2024, MeasureProgressStatus.InProgress, ProgressReviewStatus.Draft);
        using var staff = await scenario.SignInAsync(scenario.StaffEmail);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var form = await staff.GetPageAsync($"/guideline/measures/{measure}/progress/2024");
        var editForm = await coordinator.GetPageAsync($"/guideline/measures/{measure}/edit");
        await scenario.ClosePeriodAsync();

        var page = await staff.GetPageAsync($"/guideline/measures/{measure}");
        Assert.Equal("第1期は終了しているため変更できません。", page.Text("#closed-period"));
        Assert.Null(page.QuerySelector("#year-2024 form, #year-2024 a.button"));

        var refused = await staff.SubmitAndFollowAsync(form, "#progress-form", ("Input.Status", "Done"));
        Assert.Equal("第1期は終了しているため変更できません。", refused.Text("#not-editable"));
        var edited = await coordinator.SubmitAndFollowAsync(editForm, "#measure-form", ("Input.Title", "書き換え"));
        Assert.Contains("第1期は終了しているため変更できません。", edited.Text("[role=alert]"));

        Assert.Equal(MeasureProgressStatus.InProgress, await factory.QueryAsync(db => db.MeasureProgress.Where(p => p.MeasureId == measure).Select(p => p.Status).SingleAsync()));
        Assert.NotEqual("書き換え", await factory.QueryAsync(db => db.GuidelineMeasures.Where(m => m.Id == measure).Select(m => m.Title).SingleAsync()));
        await coordinator.GetPageAsync("/guideline/periods/1/matrix");
        await staff.FollowLinkAsync(await staff.GetPageAsync("/"), ".language-switch a");
        var english = await staff.GetPageAsync($"/guideline/measures/{measure}");
        Assert.Equal("Period 1 has closed and can no longer be changed.", english.Text("#closed-period"));
        Assert.Equal("Progress by fiscal year", english.Text("#progress-heading"));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Http.GetAsync("/guideline/periods/1/measures")).StatusCode);
    }
}
