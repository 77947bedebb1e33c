using System.Globalization;
using AngleSharp.Dom;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// One-way actions (issue 13 item 6) ask for 「この操作は取り消せないことを確認しました」 in the form
/// and say what cannot be undone; a POST without the box is refused with the message and changes nothing.
/// </summary>
[Trait("Category", "Database")]
public sealed class ConfirmationTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string Missing = "取り消せない操作です。「この操作は取り消せないことを確認しました」にチェックを入れてから、もう一度操作してください。";
    private static readonly (string, string) Unticked = (PageClient.ConfirmationField, string.Empty);

    [Fact]
    public async Task Signing_the_agreement_without_the_box_is_refused_with_the_message_and_nothing_is_recorded()
    {
        var s = await ProjectScenario.CreateAsync(factory, agreementSigned: false);
        using var office = await s.CoordinatorAsync();
        var page = await office.SubmitAndFollowAsync(await office.GetPageAsync(s.ProjectUrl + "/agreement/edit"), "main form");
        Assert.Equal("協定を保存しました。", page.Text("[role=status]"));
        Assert.Equal("締結の記録は取り消せません。協定は変更できなくなり、事業が実施中になります。", page.Text("#sign-form .confirm-irreversible__what"));
        Assert.Equal("この操作は取り消せないことを確認しました", page.Text("#sign-form .confirm-irreversible label"));
        Assert.NotNull(page.QuerySelector($"#sign-form input[type=checkbox][name={PageClient.ConfirmationField}][required]"));

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var refused = await office.SubmitAndFollowAsync(page, "#sign-form", ("SignedOn", today), Unticked);

        Assert.Equal(Missing, refused.Text("[data-flash=error]"));
        Assert.NotNull(refused.QuerySelector("#sign-form"));
        var project = await factory.QueryAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == s.Project.Id));
        Assert.NotEqual(ProjectStatus.InProgress, project.Status);
        Assert.Null(project.Agreement?.SignedOn);
        Assert.Equal(0, await factory.QueryAsync(db => db.ProjectPlans.CountAsync(p => p.ProjectId == s.Project.Id)));

        var signed = await office.SubmitAndFollowAsync(refused, "#sign-form", ("SignedOn", today));
        Assert.Contains("事業は実施中になりました", signed.Text("[role=status]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_minutes_without_the_box_is_refused_with_the_message_and_they_stay_approved()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        await MeetingScenario.AdvanceAsync(s, held, MinutesStatus.Circulated, MinutesStatus.Approved);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(held.MinutesUrl);
        Assert.Contains("非公開に戻せず", page.Text("#publish-form .confirm-irreversible__what"), StringComparison.Ordinal);

        var refused = await office.SubmitAndFollowAsync(page, "#publish-form", Unticked);

        Assert.Equal(Missing, refused.Text("[data-flash=error]"));
        Assert.Equal("承認済み", refused.Text("#minutes-status"));
        Assert.Equal([MinutesStatus.Approved], (await MeetingScenario.VersionsAsync(s, held)).Select(m => m.Status));
        using var anonymous = factory.CreatePageClient();
        await anonymous.GetPageAsync($"/minutes/{held.Id}", System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accepting_a_report_without_the_box_is_refused_and_the_report_stays_submitted()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        await ReportScenario.StoredSubmittedAsync(s);
        using var office = await s.CoordinatorAsync();
        var page = await office.GetPageAsync(ReportScenario.ReportUrl(s));
        Assert.Equal("受理した報告は差し戻せません。受理後の訂正は訂正版で行います。", page.Text("#accept-form .confirm-irreversible__what"));

        var refused = await office.SubmitAndFollowAsync(page, "#accept-form", ("Accept.Comment", "確認しました。"), Unticked);

        Assert.Equal(Missing, refused.Text($"#accept-form [data-valmsg-for={PageClient.ConfirmationField}]"));
        Assert.Equal("提出済み", refused.Text("#report-status"));
        Assert.False(await factory.QueryAsync(db => db.AnnualReports.AnyAsync(r => r.ProjectId == s.Project.Id && r.Status == AnnualReportStatus.Accepted)));
        Assert.DoesNotContain(PickupMail.ReadAll(factory.DataFolder), m => m.Subject.Contains(s.Project.Title, StringComparison.Ordinal) && m.Subject.Contains("受理", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Closing_the_screening_without_the_box_is_refused_and_the_panel_stays_open()
    {
        var scenario = await ScreeningScenario.For(factory).WithProposals("公園の花壇づくり", "防災マップ作り").BuildAsync();
        var members = await scenario.AddCommitteeMembersAsync(2);
        await scenario.StartScreeningAsync([.. members.Select(m => m.Id)]);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var url = $"/calls/{scenario.Call.Id}/screening";
        var dashboard = await coordinator.GetPageAsync(url);
        Assert.Contains("終了した審査は再開できません", dashboard.Text("#close-form .confirm-irreversible__what"), StringComparison.Ordinal);

        var refused = await coordinator.SubmitAndFollowAsync(dashboard, "#close-form", Unticked);

        Assert.Equal(Missing, refused.Text("[data-flash=error]"));
        Assert.NotNull(refused.QuerySelector("#close-form"));
        var status = await factory.QueryAsync(db => db.ScreeningPanels.Where(p => p.CallId == scenario.Call.Id).Select(p => p.Status).SingleAsync());
        Assert.Equal(ScreeningPanelStatus.Open, status);

        // A forged POST with the token but no box (what a script could send) is refused the same way.
        using var forged = await coordinator.PostWithTokenAsync(refused, url + "/close");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal(ScreeningPanelStatus.Open, await factory.QueryAsync(db => db.ScreeningPanels.Where(p => p.CallId == scenario.Call.Id).Select(p => p.Status).SingleAsync()));
    }
}
