using KyodoPortal.Tests.Support.Scenarios;
using System.Globalization;
using System.Net;
using KyodoPortal.Domain.Common;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>実施記録: recording, correcting and deleting activities of a project in progress.</summary>
[Trait("Category", "Database")]
public sealed class ActivityLogTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_group_records_a_free_seminar_and_the_year_page_shows_its_attendance_and_the_fee_deviation()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var heldOn = ProjectYearScenario.DayInFirstYear(s);

        var form = await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}");
        Assert.Contains("1,000円", form.Text("#fee-hint"));
        var year = await member.SubmitAndFollowAsync(
            form,
            "#activity-form",
            ("Input.HeldOn", Iso(heldOn)),
            ("Input.Title", "第1回セミナー"),
            ("Input.Venue", "商工会議所"),
            ("Input.Capacity", "20"),
            ("Input.Attendance", "7"),
            ("Input.FeeCharged", "0"));

        Assert.Equal($"/projects/{s.Project.Id}/years/{s.FirstYear}", new Uri(year.Url).AbsolutePath);
        Assert.Contains("第1回セミナー", year.Text("[role=status]"));
        var row = year.QuerySelector("#activity-log tbody tr")!;
        Assert.Contains("35.0%", row.Text("td:nth-of-type(5)"));
        Assert.Equal("0円", row.Text("td:nth-of-type(6)"));
        Assert.Equal("計画と異なる " + ProjectYearScenario.FeeDeviation, row.Text("td.deviation"));
        Assert.Contains("計画と異なる実施記録が 1 件あります。", year.Text("#deviation-summary"));
        Assert.NotNull(year.QuerySelector($"#deviation-summary a[href='/projects/{s.Project.Id}/changes/new']"));
        Assert.Equal("6回計画 / 1回実施", year.Text("#session-count"));
        Assert.Contains("35.0%", year.Text("#activity-totals"));

        var stored = await factory.QueryAsync(db => db.ActivityRecords.AsNoTracking().SingleAsync(a => a.ProjectId == s.Project.Id));
        Assert.Equal((heldOn, "第1回セミナー", "商工会議所", 20, 7, 0L, s.FirstYear), (stored.HeldOn, stored.Title, stored.Venue, stored.Capacity.GetValueOrDefault(), stored.Attendance.GetValueOrDefault(), stored.FeeCharged.GetValueOrDefault(), stored.FiscalYear));
    }

    [Fact]
    public async Task The_department_and_the_office_may_record_too()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        foreach (var client in new[] { await s.DepartmentStaffAsync(), await s.CoordinatorAsync() })
        {
            using (client)
            {
                var form = await client.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}");
                var year = await client.SubmitAndFollowAsync(form, "#activity-form", ("Input.HeldOn", Iso(ProjectYearScenario.DayInFirstYear(s))), ("Input.Title", "企業見学"), ("Input.FeeCharged", "1000"));
                Assert.Contains("企業見学", year.Text("[role=status]"));
            }
        }

        Assert.Equal(2, await factory.QueryAsync(db => db.ActivityRecords.CountAsync(a => a.ProjectId == s.Project.Id)));
    }

    [Fact]
    public async Task A_date_outside_the_term_is_refused_and_the_input_is_kept()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();
        var before = new FiscalYear(s.FirstYear).FirstDay.AddDays(-1);

        using var response = await member.SubmitAsync(
            await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}"),
            "#activity-form",
            ("Input.HeldOn", Iso(before)),
            ("Input.Title", "第1回セミナー"),
            ("Input.Capacity", "20"),
            ("Input.Attendance", "7"),
            ("Input.FeeCharged", "0"),
            ("Input.Notes", "雨天"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("実施日が事業期間（", page.Text("[role=alert]"));
        Assert.Equal(Iso(before), page.QuerySelector("#Input_HeldOn")!.GetAttribute("value"));
        Assert.Equal("第1回セミナー", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("7", page.QuerySelector("#Input_Attendance")!.GetAttribute("value"));
        Assert.Equal("雨天", page.Text("#Input_Notes"));
        Assert.False(await factory.QueryAsync(db => db.ActivityRecords.AnyAsync(a => a.ProjectId == s.Project.Id)));
    }

    [Fact]
    public async Task The_fee_must_be_entered_even_when_free()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();

        using var response = await member.SubmitAsync(
            await member.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}"),
            "#activity-form",
            ("Input.HeldOn", Iso(ProjectYearScenario.DayInFirstYear(s))),
            ("Input.Title", "第1回セミナー"),
            ("Input.FeeCharged", ""));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("参加費（1人あたり）", page.Text("#Input_FeeCharged-error"));
        Assert.Contains("Input_FeeCharged-error", page.QuerySelector("#Input_FeeCharged")!.GetAttribute("aria-describedby"));
        Assert.False(await factory.QueryAsync(db => db.ActivityRecords.AnyAsync(a => a.ProjectId == s.Project.Id)));
    }

    [Fact]
    public async Task Another_groups_member_gets_404_on_the_form_and_the_posts()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var record = await ProjectYearScenario.FreeSeminarAsync(s);
        using var other = await s.OtherGroupMemberAsync();

        await other.GetPageAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}", HttpStatusCode.NotFound);
        await other.GetPageAsync($"{s.ProjectUrl}/activities/{record.Id}/edit", HttpStatusCode.NotFound);
        await other.GetPageAsync($"{s.ProjectUrl}/activities/{record.Id}/delete", HttpStatusCode.NotFound);
        using (var post = await ProjectYearScenario.PostWithTokenAsync(other, $"{s.ProjectUrl}/activities/new?fy={s.FirstYear}", ("Input.HeldOn", Iso(ProjectYearScenario.DayInFirstYear(s))), ("Input.Title", "なりすまし"), ("Input.FeeCharged", "0")))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using (var edit = await ProjectYearScenario.PostWithTokenAsync(other, $"{s.ProjectUrl}/activities/{record.Id}/edit", ("Input.HeldOn", Iso(record.HeldOn)), ("Input.Title", "書き換え"), ("Input.FeeCharged", "0"), ("Input.Version", record.Version.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        }

        using (var delete = await ProjectYearScenario.PostWithTokenAsync(other, $"{s.ProjectUrl}/activities/{record.Id}/delete", ("version", record.Version.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        }

        var titles = await factory.QueryAsync(db => db.ActivityRecords.Where(a => a.ProjectId == s.Project.Id).Select(a => a.Title).ToListAsync());
        Assert.Equal(["第1回セミナー"], titles);
    }

    [Fact]
    public async Task An_edit_made_against_an_older_version_is_refused_with_the_concurrency_message()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var record = await ProjectYearScenario.FreeSeminarAsync(s);
        using var member = await s.GroupMemberAsync();
        using var staff = await s.DepartmentStaffAsync();
        var stale = await member.GetPageAsync($"{s.ProjectUrl}/activities/{record.Id}/edit");

        var saved = await staff.SubmitAndFollowAsync(await staff.GetPageAsync($"{s.ProjectUrl}/activities/{record.Id}/edit"), "#activity-form", ("Input.Attendance", "8"));
        Assert.Contains("更新しました", saved.Text("[role=status]"));
        using var response = await member.SubmitAsync(stale, "#activity-form", ("Input.Attendance", "9"));
        var page = await PageClient.ReadAsync(response, HttpStatusCode.OK);

        Assert.Contains("他の人が先に更新しました。画面を開き直してから、もう一度操作してください。", page.Text("[role=alert]"));
        Assert.Equal("9", page.QuerySelector("#Input_Attendance")!.GetAttribute("value"));
        Assert.Equal(8, await factory.QueryAsync(db => db.ActivityRecords.Where(a => a.Id == record.Id).Select(a => a.Attendance).SingleAsync()));
    }

    [Fact]
    public async Task A_record_is_corrected_and_deleted_after_confirmation()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var record = await ProjectYearScenario.FreeSeminarAsync(s);
        using var member = await s.GroupMemberAsync();

        var corrected = await member.SubmitAndFollowAsync(await member.GetPageAsync($"{s.ProjectUrl}/activities/{record.Id}/edit"), "#activity-form", ("Input.FeeCharged", "1000"));
        Assert.Null(corrected.QuerySelector("#deviation-summary"));
        Assert.Equal("計画どおり", corrected.Text("#activity-log tbody tr td:nth-of-type(7)"));

        var confirm = await member.GetPageAsync($"{s.ProjectUrl}/activities/{record.Id}/delete");
        Assert.Contains("第1回セミナー", confirm.Text("#activity-summary"));
        var year = await member.SubmitAndFollowAsync(confirm, "#delete-form");

        Assert.Contains("削除しました", year.Text("[role=status]"));
        Assert.Equal("まだ実施記録はありません。", year.Text("#no-activities"));
        Assert.False(await factory.QueryAsync(db => db.ActivityRecords.AnyAsync(a => a.Id == record.Id)));
    }

    [Fact]
    public async Task Nothing_is_recorded_before_the_agreement_is_signed()
    {
        var s = await ProjectScenario.CreateAsync(factory, agreementSigned: false);
        using var member = await s.GroupMemberAsync();

        using var get = await member.Http.GetAsync($"{s.ProjectUrl}/activities/new?fy={s.FirstYear}");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        var year = await ProjectYearScenario.FollowAsync(member, await ProjectYearScenario.PostWithTokenAsync(member, $"{s.ProjectUrl}/activities/new?fy={s.FirstYear}", ("Input.HeldOn", Iso(ProjectYearScenario.DayInFirstYear(s))), ("Input.Title", "第1回セミナー"), ("Input.FeeCharged", "0")));

        Assert.Contains("協定の締結後", year.Text("[role=alert]"));
        Assert.Null(year.QuerySelector("#add-activity"));
        Assert.False(await factory.QueryAsync(db => db.ActivityRecords.AnyAsync(a => a.ProjectId == s.Project.Id)));
    }
}
