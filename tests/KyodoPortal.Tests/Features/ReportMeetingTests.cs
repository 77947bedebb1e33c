using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>The coordinator schedules a 報告会, sets its agenda and marks it held.</summary>
[Trait("Category", "Database")]
public sealed class ReportMeetingTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task The_coordinator_schedules_a_meeting_after_reading_what_is_missing_or_wrong()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var member = await factory.CreateUserAsync($"iin-{Guid.NewGuid():N}@example.jp", KyodoPortal.Domain.Accounts.KyodoRoles.CommitteeMember);
        using var office = await s.CoordinatorAsync();
        var form = await office.GetPageAsync("/meetings/new");

        var empty = await office.SubmitAndFollowAsync(form, "#meeting-form", ("Input.Name", ""), ("Input.HeldOn", ""));
        Assert.Contains("'報告会の名称' を入力してください。", empty.Text("#Input_Name-error"));
        Assert.Contains("'開催日' を入力してください。", empty.Text("#Input_HeldOn-error"));

        var today = MeetingScenario.JapanToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var name = "令和7年度協働事業報告会" + Guid.NewGuid().ToString("N")[..6];
        var backwards = await office.SubmitAndFollowAsync(empty, "#meeting-form",
            ("Input.Name", name), ("Input.HeldOn", today), ("Input.StartsAt", "16:00"), ("Input.EndsAt", "13:30"), ("Input.ReportedFiscalYear", s.FirstYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.AttendeeIds", member.Id));
        Assert.Contains("終了時刻は開始時刻より後にしてください。", backwards.Text(".validation-summary-errors"));
        Assert.Equal(name, backwards.QuerySelector("#Input_Name")!.GetAttribute("value"));

        var page = await office.SubmitAndFollowAsync(backwards, "#meeting-form", ("Input.EndsAt", "16:30"), ("Input.StartsAt", "13:30"));
        Assert.Equal(name, page.Text("h1"));
        Assert.Equal("予定", page.Text("#meeting-status"));
        Assert.Contains(member.DisplayName, page.Text("#attendees"));
        Assert.Equal("議題はまだありません。報告する協働事業を追加してください。", page.Text("#no-agenda"));

        var noChoice = await office.SubmitAndFollowAsync(page, "#agenda-form", ("Agenda.ProjectId", ""));
        Assert.Contains("'報告する協働事業' を入力してください。", noChoice.Text("#agenda"));

        var withAgenda = await office.SubmitAndFollowAsync(noChoice, "#agenda-form", ("Agenda.ProjectId", s.Project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(s.Project.Title, withAgenda.Text("#agenda-items"));
        Assert.Contains($"{s.Group.Name}／{s.Department.Name}", withAgenda.Text("#agenda-items"));

        var held = await office.SubmitAndFollowAsync(withAgenda, "#held-form");
        Assert.Equal("開催済み", held.Text("#meeting-status"));
        Assert.Equal("議事録（質疑応答）を作成", held.Text("#minutes-link"));

        var list = await office.GetPageAsync("/meetings");
        Assert.Contains(name, list.Text("#meetings"));
    }

    [Fact]
    public async Task A_city_bringing_its_past_projects_records_a_meeting_held_in_2018_on_Heisei_29()
    {
        var current = FiscalYear.Of(DateTimeOffset.UtcNow).StartYear;
        var s = await ProjectScenario.CreateAsync(factory, yearsAgo: current - 2017);
        using var office = await s.CoordinatorAsync();
        var form = await office.GetPageAsync("/meetings/new");

        var offered = form.Texts("#Input_ReportedFiscalYear option");
        Assert.Contains("平成29年度", offered);
        Assert.Contains("令和元年度", offered);
        Assert.Equal(current - 2017 + 1, offered.Count);
        Assert.Equal(FiscalYear.Of(DateTimeOffset.UtcNow).ToJapaneseLabel(), offered[0]);

        var name = "平成29年度協働事業報告会" + Guid.NewGuid().ToString("N")[..6];
        var page = await office.SubmitAndFollowAsync(form, "#meeting-form",
            ("Input.Name", name), ("Input.HeldOn", "2018-07-20"), ("Input.ReportedFiscalYear", "2017"));
        Assert.Equal(name, page.Text("h1"));
        var withAgenda = await office.SubmitAndFollowAsync(page, "#agenda-form", ("Agenda.ProjectId", s.Project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var held = await office.SubmitAndFollowAsync(withAgenda, "#held-form");
        Assert.Equal("開催済み", held.Text("#meeting-status"));
        var stored = await factory.QueryAsync(db => db.ReportMeetings.AsNoTracking().SingleAsync(m => m.Name == name));
        Assert.Equal((new DateOnly(2018, 7, 20), 2017), (stored.HeldOn, stored.ReportedFiscalYear));
        var edit = await office.GetPageAsync($"/meetings/{stored.Id}/edit");
        Assert.Equal("平成29年度", edit.Text("#Input_ReportedFiscalYear option[selected]"));
    }

    [Fact]
    public async Task The_agenda_order_is_changed_with_up_and_down_buttons()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var second = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync($"/meetings/{held.Id}");
        page = await office.SubmitAndFollowAsync(page, "#agenda-form", ("Agenda.ProjectId", second.Project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([s.Project.Title, second.Project.Title], page.Texts("#agenda-items .agenda__title"));

        page = await office.SubmitAndFollowAsync(page, $"form[action='/meetings/{held.Id}/agenda/{second.Project.Id}/move']");

        Assert.Equal([second.Project.Title, s.Project.Title], page.Texts("#agenda-items .agenda__title"));
        var stored = await factory.QueryAsync(db => db.ReportMeetings.AsNoTracking().SingleAsync(m => m.Id == held.Id));
        Assert.Equal([second.Project.Id, s.Project.Id], stored.Agenda.OrderBy(a => a.Order).Select(a => a.ProjectId));
    }

    [Fact]
    public async Task Only_the_office_reaches_the_meeting_pages()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        using var group = await s.GroupMemberAsync();
        using var department = await s.DepartmentStaffAsync();

        await group.GetPageAsync("/meetings", HttpStatusCode.Forbidden);
        await department.GetPageAsync($"/meetings/{held.Id}", HttpStatusCode.Forbidden);
        Assert.Equal(MeetingStatus.Held, (await factory.QueryAsync(db => db.ReportMeetings.AsNoTracking().SingleAsync(m => m.Id == held.Id))).Status);
    }
}
