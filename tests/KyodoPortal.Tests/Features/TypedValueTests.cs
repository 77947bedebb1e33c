using System.Globalization;
using System.Net;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// Numbers and dates as people type them (issue 14): full-width digits and thousands separators are
/// read, anything else is refused in Japanese next to the field with the input kept, and no date,
/// however far out, answers 500.
/// </summary>
public sealed class TypedValueTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Full_width_digits_and_thousands_separators_are_read_as_the_number_they_show()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var form = await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}");

        var year = await member.SubmitAndFollowAsync(form, "#activity-form",
            ("Input.HeldOn", Iso(ProjectYearScenario.DayInFirstYear(s))), ("Input.Title", "全角で入力した回"),
            ("Input.Capacity", "２０"), ("Input.Attendance", " 7 "), ("Input.FeeCharged", "１，０００"));

        Assert.Contains("全角で入力した回", year.Text("[role=status]"), StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.ActivityRecords.AsNoTracking().SingleAsync(a => a.ProjectId == s.Project.Id));
        Assert.Equal((20, 7, 1000L), (stored.Capacity.GetValueOrDefault(), stored.Attendance.GetValueOrDefault(), stored.FeeCharged.GetValueOrDefault()));
    }

    [Theory]
    [InlineData("1200.5", "参加費（1人あたり）は小数点のない数で入力してください（入力：1200.5）。")]
    [InlineData("1,20,000", "参加費（1人あたり）には数を入力してください。「1,20,000」は数として読み取れません")]
    [InlineData("千円", "参加費（1人あたり）には数を入力してください。「千円」は数として読み取れません")]
    [InlineData("99999999999999999999", "参加費（1人あたり）の値「99999999999999999999」は大きすぎます。")]
    public async Task A_yen_amount_that_is_not_a_whole_number_as_written_is_refused_in_Japanese_and_the_form_kept(string typed, string message)
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var form = await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}");

        using var response = await member.SubmitAsync(form, "#activity-form",
            ("Input.HeldOn", Iso(ProjectYearScenario.DayInFirstYear(s))), ("Input.Title", "第1回セミナー"), ("Input.FeeCharged", typed));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains(message, page.Text("#Input_FeeCharged-error"), StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("#Input_FeeCharged")!.GetAttribute("value"));
        Assert.Equal("第1回セミナー", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(0, await factory.QueryAsync(db => db.ActivityRecords.CountAsync(a => a.ProjectId == s.Project.Id)));
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("1e3")]
    public async Task A_KPI_actual_that_is_not_a_number_as_written_is_refused_not_guessed(string typed)
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var group = await s.GroupMemberAsync();
        await ReportScenario.CreateAsync(group, s);
        var edit = await group.GetPageAsync(ReportScenario.ReportUrl(s) + "/edit");

        using var response = await group.SubmitAsync(edit, "#report-form", ("Input.Summary", ReportScenario.Summary), ("Input.Kpis[0].ActualValue", typed));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains($"「{typed}」は数として読み取れません", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector("input[name='Input.Kpis[0].ActualValue']")!.GetAttribute("value"));
        Assert.DoesNotContain("is not valid", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReportScenario.Summary, page.QuerySelector("#Input_Summary")!.TextContent);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task A_date_far_out_on_the_activity_form_is_refused_with_a_message_not_a_500(string typed)
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var form = await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}");

        using var response = await member.SubmitAsync(form, "#activity-form", ("Input.HeldOn", typed), ("Input.Title", "第1回セミナー"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("1900", page.Text("#Input_HeldOn-error"), StringComparison.Ordinal);
        Assert.Contains("2100", page.Text("#Input_HeldOn-error"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task A_date_far_out_on_the_meeting_form_is_refused_with_a_message_not_a_500(string typed)
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var office = await s.CoordinatorAsync();
        var form = await office.GetPageAsync("/meetings/new");

        using var response = await office.SubmitAsync(form, "#meeting-form", ("Input.Name", "報告会"), ("Input.HeldOn", typed),
            ("Input.ReportedFiscalYear", s.FirstYear.ToString(CultureInfo.InvariantCulture)));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("1900", page.Text("#Input_HeldOn-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_input_that_is_not_UTF_8_is_refused_with_a_message_instead_of_stored_as_percent_text()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var form = await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}");
        var token = form.QuerySelector("#activity-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = string.Join('&', new[]
        {
            ("__RequestVerificationToken", token),
            ("Input.HeldOn", Iso(ProjectYearScenario.DayInFirstYear(s))),
            ("Input.FeeCharged", "0"),
        }.Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2)));

        using var body = FormBody(fields + "&Input.Title=%ED%A0%80");
        using var response = await member.Http.PostAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}", body);
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("文字として読み取れないデータが含まれていたため、保存しませんでした。", page.Text(".validation-summary-errors"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.ActivityRecords.CountAsync(a => a.ProjectId == s.Project.Id)));

        using var valid = FormBody(fields + "&Input.Title=" + Uri.EscapeDataString("第1回セミナー 100%"));
        using var saved = await member.Http.PostAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}", valid);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("第1回セミナー 100%", await factory.QueryAsync(db => db.ActivityRecords.Where(a => a.ProjectId == s.Project.Id).Select(a => a.Title).SingleAsync()));
    }

    /// <summary>A form body as a browser sends it: percent-encoded, no charset parameter.</summary>
    private static ByteArrayContent FormBody(string encoded)
    {
        var content = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(encoded));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
