using System.Net;
using KyodoPortal.Domain.Guidelines;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 17 A: the guideline's office pages, driven as the coordinator and the departments use them.</summary>
[Trait("Category", "Database")]
public sealed class GuidelinePagesTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_coordinator_sees_seed_002s_period_scheme_and_areas_and_adds_a_class()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);

        var page = await coordinator.GetPageAsync("/guideline");

        Assert.Equal(Seed002Guideline.Title, page.Text("#guideline-title"));
        Assert.Contains("第1期", page.Text("#periods [data-period='1']"));
        Assert.Contains("策定済", page.Text("#periods [data-period='1']"));
        Assert.Contains("令和2年8月1日", page.Text("#periods [data-period='1']"));
        Assert.Equal(["Ⅰ", "Ⅱ—ア", "Ⅱ—イ", "Ⅲ"], page.Texts("#scheme tbody th"));
        Assert.Equal(7, page.QuerySelectorAll("#areas > li").Length);
        Assert.Contains("ア 市民活動団体等の活動資金の確保", page.Text("#areas [data-area='2']"));

        var added = await coordinator.SubmitAndFollowAsync(page, "#classification-form-new", ("Classification.Code", "Ⅳ"), ("Classification.Description", "将来の検討課題とするもの"));
        Assert.Equal("分類「Ⅳ」を追加しました。", added.Text("[role=status]"));
        Assert.Contains("Ⅳ", added.Texts("#scheme tbody th"));

        var refused = await coordinator.SubmitAndFollowAsync(added, "#classification-form-new", ("Classification.Code", "Ⅱｰア"), ("Classification.Description", "重複"));
        Assert.Contains("分類「Ⅱｰア」はすでにあります。", refused.Text("[role=alert]"));
        Assert.Equal(5, await factory.QueryAsync(db => db.Guidelines.SelectMany(g => g.Classifications).CountAsync()));
    }

    [Fact]
    public async Task The_measures_list_filters_by_classification_and_searches_and_a_department_sees_only_its_own()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        var ours = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var one = await factory.QueryAsync(db => db.Guidelines.SelectMany(g => g.Classifications).Where(c => c.Key == "I").Select(c => c.Id).SingleAsync());

        var list = await coordinator.GetPageAsync($"/guideline/periods/1/measures?department={scenario.Department.Id}&classification={one}");

        Assert.Equal(["民間施設等の活用に向けた協力体制の構築", "公共施設の有効利用", "市民活動を支援するための基金の設置"], list.Texts("#measures tbody td:nth-child(2) a"));
        var searched = await coordinator.GetPageAsync($"/guideline/periods/1/measures?department={scenario.Department.Id}&q=基金の設置");
        Assert.Equal(["市民活動を支援するための基金の設置"], searched.Texts("#measures tbody td:nth-child(2) a"));

        using var staff = await scenario.SignInAsync(ours.StaffEmail);
        var own = await staff.GetPageAsync("/guideline/periods/1/measures?q=基金の設置");
        Assert.Equal(["市民活動を支援するための基金の設置"], own.Texts("#measures tbody td:nth-child(2) a"));
        Assert.Equal($"/guideline/measures/{ours.MeasureIds[2]}", own.QuerySelector("#measures tbody a")!.GetAttribute("href"));
        Assert.Null(own.QuerySelector("a[href$='/measures/new']"));
        await staff.GetPageAsync($"/guideline/measures/{scenario.MeasureIds[2]}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_measure_without_area_or_classification_is_refused_on_the_form_and_a_complete_one_is_saved()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var form = await coordinator.GetPageAsync("/guideline/periods/1/measures/new");
        var before = await factory.QueryAsync(db => db.GuidelineMeasures.CountAsync());

        var refused = await coordinator.SubmitAndFollowAsync(form, "#measure-form", ("Input.Title", "協働コーディネーターの配置"), ("Input.AreaId", ""), ("Input.ClassificationId", ""), ("Input.DepartmentIds", scenario.Department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("施策の分野を選んでください。", refused.Text("[data-valmsg-for='Input.AreaId']"));
        Assert.Equal("施策の分類を選んでください。", refused.Text("[data-valmsg-for='Input.ClassificationId']"));
        Assert.Equal(before, await factory.QueryAsync(db => db.GuidelineMeasures.CountAsync()));

        var area = refused.QuerySelector("#Input_AreaId option:nth-child(8)")!.GetAttribute("value")!;
        var classification = refused.QuerySelector("#Input_ClassificationId option:nth-child(3)")!.GetAttribute("value")!;
        var saved = await coordinator.SubmitAndFollowAsync(refused, "#measure-form", ("Input.AreaId", area), ("Input.ClassificationId", classification));

        Assert.Equal("施策「協働コーディネーターの配置」を登録しました。", saved.Text("[role=status]"));
        Assert.Contains("（7）協働に関すること", saved.Text("#measure-facts"));
        Assert.Contains("【Ⅱ—ア】", saved.Text("#measure-facts"));
        Assert.Contains(scenario.Department.Name, saved.Text("#measure-facts"));
    }

    [Fact]
    public async Task The_department_records_and_submits_the_coordinator_returns_it_with_a_reason_then_confirms_it()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        var fund = scenario.MeasureIds[2];
        using var staff = await scenario.SignInAsync(scenario.StaffEmail);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        using var other = await scenario.SignInAsync(scenario.OtherStaffEmail);

        var form = await staff.GetPageAsync($"/guideline/measures/{fund}/progress/2023");
        var saved = await staff.SubmitAndFollowAsync(form, "#progress-form", ("Input.Status", "InProgress"), ("Input.Done", "基金条例の案を作成した。"), ("Input.Figures", "検討会 3回"), ("Input.FigureValue", "３"), ("Input.Effectiveness", "Some"), ("Input.EffectivenessReasons", "寄附の受け皿が決まった。"));
        Assert.Equal("令和5年度の進捗を保存しました。", saved.Text("[role=status]"));
        Assert.Contains("実施中", saved.Text("#year-2023"));
        Assert.Contains("下書き", saved.Text("#year-2023 h3"));

        var submitted = await staff.SubmitAndFollowAsync(saved, "#year-2023 form[action$='/submit']");
        Assert.Contains("提出済み", submitted.Text("#year-2023 h3"));
        Assert.Null(submitted.QuerySelector("#year-2023 form[action$='/confirm']"));
        await other.GetPageAsync($"/guideline/measures/{fund}/progress/2023", HttpStatusCode.NotFound);

        var review = await coordinator.GetPageAsync($"/guideline/measures/{fund}");
        var returned = await coordinator.SubmitAndFollowAsync(review, "#year-2023 form[action$='/return']", ("Return.Reason", "設置時期を記入してください。"));
        Assert.Equal("令和5年度の進捗を差し戻しました。", returned.Text("[role=status]"));

        var again = await staff.GetPageAsync($"/guideline/measures/{fund}");
        Assert.Contains("設置時期を記入してください。", again.Text("#year-2023 .return-reason"));
        var edit = await staff.FollowLinkAsync(again, "#year-2023 a[href$='/progress/2023']");
        var resaved = await staff.SubmitAndFollowAsync(edit, "#progress-form", ("Input.Done", "基金条例の案を作成した。令和6年4月に設置予定。"));
        await staff.SubmitAndFollowAsync(resaved, "#year-2023 form[action$='/submit']");
        var confirmed = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/guideline/measures/{fund}"), "#year-2023 form[action$='/confirm']");

        Assert.Equal("令和5年度の進捗を確認しました。", confirmed.Text("[role=status]"));
        Assert.Contains("確認済み", confirmed.Text("#year-2023 h3"));
        Assert.Null(confirmed.QuerySelector("#year-2023 a[href$='/progress/2023']"));
        var stored = await factory.QueryAsync(db => db.MeasureProgress.AsNoTracking().SingleAsync(p => p.MeasureId == fund && p.FiscalYear == 2023));
        Assert.Equal(3m, stored.FigureValue);
        Assert.Equal([ProgressReviewStatus.Submitted, ProgressReviewStatus.Returned, ProgressReviewStatus.Submitted, ProgressReviewStatus.Confirmed], stored.History.Select(h => h.To));
    }

    [Fact]
    public async Task A_department_cannot_confirm_and_a_return_without_a_reason_changes_nothing()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        var measure = scenario.MeasureIds[0];
        await scenario.RecordAsync(measure, 2022, MeasureProgressStatus.Done, ProgressReviewStatus.Submitted);
        using var staff = await scenario.SignInAsync(scenario.StaffEmail);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        var page = await staff.GetPageAsync($"/guideline/measures/{measure}");

        using var forbidden = await staff.PostWithTokenAsync(page, $"/guideline/measures/{measure}/progress/2022/confirm", ("version", "1"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var review = await coordinator.GetPageAsync($"/guideline/measures/{measure}");
        var refused = await coordinator.SubmitAndFollowAsync(review, "#year-2022 form[action$='/return']", ("Return.Reason", " "));
        Assert.Contains("差し戻す理由", refused.Text("[role=alert]"));
        Assert.Equal(ProgressReviewStatus.Submitted, await factory.QueryAsync(db => db.MeasureProgress.Where(p => p.MeasureId == measure).Select(p => p.Review).SingleAsync()));
    }

    [Fact]
    public async Task The_matrix_shows_each_years_status_and_the_overdue_list_of_a_year()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        await scenario.RecordAsync(scenario.MeasureIds[0], 2023, MeasureProgressStatus.Continuing, ProgressReviewStatus.Confirmed);
        await scenario.RecordAsync(scenario.MeasureIds[1], 2023, MeasureProgressStatus.UnderConsideration, ProgressReviewStatus.Returned);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);

        var matrix = await coordinator.GetPageAsync("/guideline/periods/1/matrix?year=2023");

        Assert.Equal(["令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和6年度"], matrix.Texts("#matrix thead th").Skip(3));
        Assert.Equal("継続実施（確認済み）", matrix.Text($"#matrix tr[data-measure='{scenario.MeasureIds[0]}'] td[data-year='2023']"));
        Assert.Equal("—", matrix.Text($"#matrix tr[data-measure='{scenario.MeasureIds[0]}'] td[data-year='2022']"));
        var overdue = matrix.QuerySelectorAll("#overdue li").Select(li => li.GetAttribute("data-measure")).ToList();
        Assert.DoesNotContain(scenario.MeasureIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture), overdue);
        Assert.Contains(scenario.MeasureIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture), overdue);
        Assert.Contains(scenario.MeasureIds[2].ToString(System.Globalization.CultureInfo.InvariantCulture), overdue);
        Assert.Contains("差戻し", matrix.Text($"#overdue li[data-measure='{scenario.MeasureIds[1]}']"));

        using var staff = await scenario.SignInAsync(scenario.StaffEmail);
        await staff.GetPageAsync("/guideline/periods/1/matrix", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_coordinator_sets_a_years_deadline_and_a_department_reads_the_guideline_without_its_forms()
    {
        var scenario = await GuidelineScenario.CreateAsync(factory);
        using var coordinator = await scenario.SignInAsync(scenario.CoordinatorEmail);
        using var staff = await scenario.SignInAsync(scenario.StaffEmail);
        var page = await coordinator.GetPageAsync("/guideline");

        var set = await coordinator.SubmitAndFollowAsync(page, "#deadline-form-1", ("Deadline.FiscalYear", "2024"), ("Deadline.DueOn", "2025-06-30"));

        Assert.Equal("令和6年度の進捗の提出期限を令和7年6月30日にしました。", set.Text("[role=status]"));
        var measure = await staff.GetPageAsync($"/guideline/measures/{scenario.MeasureIds[0]}");
        Assert.Contains("令和7年6月30日", measure.Text("#year-2024"));
        var read = await staff.GetPageAsync("/guideline");
        Assert.Equal(Seed002Guideline.Title, read.Text("#guideline-title"));
        Assert.Empty(read.QuerySelectorAll("main form[method=post]"));
        using var forbidden = await staff.PostWithTokenAsync(read, "/guideline/periods/1/deadline", ("Deadline.FiscalYear", "2024"), ("Deadline.DueOn", "2030-01-01"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(new DateOnly(2025, 6, 30), await factory.QueryAsync(db => db.Guidelines.SelectMany(g => g.Periods).SelectMany(p => p.Deadlines).Where(d => d.FiscalYear == 2024).Select(d => d.DueOn).SingleAsync()));
    }
}
