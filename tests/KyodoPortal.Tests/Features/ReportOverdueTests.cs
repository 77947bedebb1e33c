using KyodoPortal.Tests.Support.Scenarios;
using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Tests.Support;
using static KyodoPortal.Tests.Support.Scenarios.ReportScenario;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// /reports/overdue: the report of a fiscal year is due on May 31 of the next year (Japan date);
/// from June 1 a missing, draft or returned report is overdue, and the office can remind the
/// group by e-mail. Each test runs the app on its own clock.
/// </summary>
[Trait("Category", "Database")]
public sealed class ReportOverdueTests
{
    [Fact]
    public async Task A_missing_report_is_due_soon_on_May_31_and_overdue_on_June_1()
    {
        var clock = new AdjustableClock(DateTimeOffset.UtcNow);
        using var factory = new KyodoWebFactory().WithClock(clock);
        var scenario = await ProjectScenario.CreateAsync(factory);
        var deadline = new DateTimeOffset(scenario.FirstYear + 1, 5, 31, 12, 0, 0, TimeSpan.FromHours(9));

        // Sessions expire on the app's clock: sign in after moving it.
        clock.Set(deadline);
        using var office = await scenario.CoordinatorAsync();
        var onTheDay = await office.GetPageAsync("/reports/overdue");
        Assert.NotNull(onTheDay.QuerySelector("#no-overdue"));
        var soon = onTheDay.QuerySelector($"#due-soon tr[data-project='{scenario.Project.Id}']")!.Texts("th, td");
        Assert.Equal([scenario.Project.Title, scenario.Group.Name, Wareki(scenario.FirstYear) + "年度", "未作成", $"{Wareki(scenario.FirstYear + 1)}年5月31日", "0日"], soon);

        clock.Set(deadline.AddDays(1));
        using var nextDay = await scenario.CoordinatorAsync();
        var late = await nextDay.GetPageAsync("/reports/overdue");
        var row = late.QuerySelector($"#overdue tr[data-project='{scenario.Project.Id}']")!.Texts("th, td");
        Assert.Equal([scenario.Project.Title, scenario.Group.Name, Wareki(scenario.FirstYear) + "年度", "未作成", $"{Wareki(scenario.FirstYear + 1)}年5月31日", "1日"], row);
        Assert.Equal(ReportUrl(scenario), late.QuerySelector($"#overdue tr[data-project='{scenario.Project.Id}'] a")!.GetAttribute("href"));
        Assert.NotNull(late.QuerySelector("#no-due-soon"));
    }

    [Fact]
    public async Task A_draft_report_is_overdue_but_a_submitted_one_is_not_listed()
    {
        var clock = new AdjustableClock(DateTimeOffset.UtcNow);
        using var factory = new KyodoWebFactory().WithClock(clock);
        var drafted = await ProjectScenario.CreateAsync(factory);
        var submitted = await ProjectScenario.CreateAsync(factory);
        using (var group = await drafted.GroupMemberAsync())
        {
            await CreateAsync(group, drafted);
        }

        await SubmittedAsync(submitted);

        clock.Set(new DateTimeOffset(drafted.FirstYear + 1, 6, 1, 9, 0, 0, TimeSpan.FromHours(9)));
        using var office = await drafted.CoordinatorAsync();
        var page = await office.GetPageAsync("/reports/overdue");

        Assert.Equal("下書き", page.QuerySelector($"#overdue tr[data-project='{drafted.Project.Id}']")!.Texts("td")[2]);
        Assert.Null(page.QuerySelector($"tr[data-project='{submitted.Project.Id}']"));
    }

    [Fact]
    public async Task The_reminder_mail_goes_to_the_members_of_the_late_group_only()
    {
        var clock = new AdjustableClock(DateTimeOffset.UtcNow);
        using var factory = new KyodoWebFactory().WithClock(clock);
        var late = await ProjectScenario.CreateAsync(factory);
        var onTime = await ProjectScenario.CreateAsync(factory);
        await SubmittedAsync(onTime);
        clock.Set(new DateTimeOffset(late.FirstYear + 1, 6, 1, 9, 0, 0, TimeSpan.FromHours(9)));
        using var office = await late.CoordinatorAsync();

        var page = await office.SubmitAndFollowAsync(await office.GetPageAsync("/reports/overdue"), "#reminder-form");

        Assert.Equal("1 件の事業の団体に督促メールを送信しました。", page.Text("[role=status]"));
        var reminder = Assert.Single(PickupMail.ReadAll(factory.DataFolder), m => m.Subject.Contains("提出期限を過ぎています", StringComparison.Ordinal));
        Assert.Contains(late.Project.Title, reminder.Subject, StringComparison.Ordinal);
        Assert.Contains(late.GroupMemberEmail, reminder.To, StringComparison.Ordinal);
        Assert.DoesNotContain(onTime.GroupMemberEmail, reminder.To, StringComparison.Ordinal);
        Assert.DoesNotContain(late.OtherGroupMemberEmail, reminder.To, StringComparison.Ordinal);
        Assert.Contains($"{Wareki(late.FirstYear + 1)}年5月31日", reminder.Body, StringComparison.Ordinal);
        Assert.Contains(ReportUrl(late), reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deadline_comes_from_the_settings()
    {
        var clock = new AdjustableClock(DateTimeOffset.UtcNow);
        using var factory = new KyodoWebFactory().WithClock(clock).WithSetting("Reports:DeadlineMonth", "4").WithSetting("Reports:DeadlineDay", "30");
        var scenario = await ProjectScenario.CreateAsync(factory);
        clock.Set(new DateTimeOffset(scenario.FirstYear + 1, 5, 2, 9, 0, 0, TimeSpan.FromHours(9)));
        using var office = await scenario.CoordinatorAsync();

        var page = await office.GetPageAsync("/reports/overdue");

        var row = page.QuerySelector($"#overdue tr[data-project='{scenario.Project.Id}']")!.Texts("td");
        Assert.Equal([$"{Wareki(scenario.FirstYear + 1)}年4月30日", "2日"], row.Skip(3));
    }

    [Theory]
    [InlineData(KyodoRoles.GroupMember)]
    [InlineData(KyodoRoles.DepartmentStaff)]
    public async Task Others_than_the_office_get_403(string role)
    {
        using var factory = new KyodoWebFactory();
        using var client = await factory.SignedInAsync(role);

        using var page = await client.Http.GetAsync("/reports/overdue");
        var home = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PostStatusAsync(client, home, "/reports/overdue/reminders"));
    }

    /// <summary>令和 for the years these tests run in (2019 and later).</summary>
    private static string Wareki(int year) => year == 2019 ? "令和元" : $"令和{year - 2018}";
}
