using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KyodoPortal.Tests.Support.Scenarios;
using System.Globalization;
using System.Net;
using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>協定: drafted by the office from the proposal, signed once, then frozen; the baseline plan is made at signing.</summary>
[Trait("Category", "Database")]
public sealed class AgreementTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    [Fact]
    public async Task Office_drafts_a_three_party_agreement_signs_it_and_the_project_runs_on_one_baseline()
    {
        var s = await ProjectScenario.CreateAsync(factory, agreementSigned: false);
        var lecturer = await factory.AddGroupAsync("キャリア講師の会" + Guid.NewGuid().ToString("N")[..4]);
        using var office = await s.CoordinatorAsync();

        var form = await office.GetPageAsync(s.ProjectUrl + "/agreement/edit");
        Assert.Equal(s.Group.Name, form.QuerySelector<IHtmlInputElement>("[name='Input.Parties[0].Name']")!.Value);
        Assert.Equal(s.Department.Name, form.QuerySelector<IHtmlInputElement>("[name='Input.Parties[1].Name']")!.Value);
        Assert.Equal("600000", form.QuerySelector<IHtmlInputElement>("[name='Input.CityShareTotal']")!.Value);

        var saved = await office.SubmitAndFollowAsync(
            form,
            "main form",
            ("Input.Parties[2].Kind", nameof(AgreementPartyKind.CitizenGroup)),
            ("Input.Parties[2].CitizenGroupId", lecturer.Id.ToString(CultureInfo.InvariantCulture)),
            ("Input.Parties[2].Representative", "代表 講師"),
            ("Input.Parties[2].Role", "セミナー講師の派遣と企業紹介"));

        Assert.Equal("協定を保存しました。", saved.Text("[role=status]"));
        Assert.Equal([s.Group.Name, s.Department.Name, lecturer.Name], saved.Texts("#agreement-parties tbody th"));
        Assert.Contains("セミナー講師の派遣と企業紹介", saved.Texts("#agreement-parties tbody td"));

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var signed = await office.SubmitAndFollowAsync(saved, "#sign-form", ("SignedOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        Assert.Contains("事業は実施中になりました", signed.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Null(signed.QuerySelector("#edit-agreement"));
        Assert.Null(signed.QuerySelector("#sign-form"));
        var stored = await factory.QueryAsync(async db => (
            Project: await db.Projects.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == s.Project.Id),
            Plans: await db.ProjectPlans.AsNoTracking().Where(p => p.ProjectId == s.Project.Id).Select(p => p.Number).ToListAsync()));
        Assert.Equal(ProjectStatus.InProgress, stored.Project.Status);
        Assert.Equal(today, stored.Project.Agreement!.SignedOn);
        Assert.Equal([1], stored.Plans);

        // Signing again (the old page, another tab) is refused and makes no second baseline.
        var again = await office.SubmitAndFollowAsync(saved, "#sign-form", ("SignedOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.NotNull(again.Text("[role=alert]"));
        Assert.Equal(1, await factory.QueryAsync(db => db.ProjectPlans.CountAsync(p => p.ProjectId == s.Project.Id)));

        var project = await office.GetPageAsync(s.ProjectUrl);
        Assert.Equal("実施中", project.Text("#project-status"));
        Assert.Equal(3, project.QuerySelectorAll("#project-parties li").Length);
        await office.GetPageAsync(s.ProjectUrl + "/agreement/edit", HttpStatusCode.Forbidden);
        using var edit = await office.SubmitAsync(form, "main form");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);

        // The lecturer's group is a party now: its members see the project.
        var lecturerEmail = $"lecturer-{Guid.NewGuid():N}@example.jp";
        await factory.CreateUserAsync(lecturerEmail, [KyodoPortal.Domain.Accounts.KyodoRoles.GroupMember], null, lecturer.Id);
        using var lecturerClient = factory.CreatePageClient();
        await lecturerClient.SignInAsync(lecturerEmail, KyodoWebFactory.Password);
        await lecturerClient.GetPageAsync(s.ProjectUrl + "/agreement");
    }

    [Fact]
    public async Task Print_view_shows_the_title_parties_and_the_signing_date_in_wareki()
    {
        var s = await ProjectScenario.CreateAsync(factory);
        using var member = await s.GroupMemberAsync();

        var print = await member.GetPageAsync(s.ProjectUrl + "/agreement/print");

        Assert.Equal("協定書", print.Text("h1"));
        Assert.Equal([s.Group.Name, s.Department.Name], print.Texts("#agreement-parties tbody th"));
        Assert.Equal(JapaneseFormat.WarekiDate(new FiscalYear(s.FirstYear).FirstDay), print.Text("#print-signed-on"));
        Assert.Contains("役割分担", print.Texts("h2"));
    }

    [Fact]
    public async Task Parties_read_the_agreement_but_only_the_office_drafts_and_signs_it()
    {
        var s = await ProjectScenario.CreateAsync(factory, agreementSigned: false);
        using var office = await s.CoordinatorAsync();
        var form = await office.GetPageAsync(s.ProjectUrl + "/agreement/edit");
        var saved = await office.SubmitAndFollowAsync(form, "main form");
        Assert.Equal("協定を保存しました。", saved.Text("[role=status]"));

        using var member = await s.GroupMemberAsync();
        var page = await member.GetPageAsync(s.ProjectUrl + "/agreement");
        Assert.Null(page.QuerySelector("#edit-agreement"));
        Assert.Null(page.QuerySelector("#sign-form"));
        await member.GetPageAsync(s.ProjectUrl + "/agreement/edit", HttpStatusCode.Forbidden);

        // A sign request made by the group member (with their own token) is refused.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var sign = await ForgedPost.SubmitAsync(member, page, s.ProjectUrl + "/agreement/sign", ("SignedOn", today), ("Version", "0"));
        Assert.Equal(HttpStatusCode.Forbidden, sign.StatusCode);
        Assert.Equal(ProjectStatus.Preparing, (await s.ReloadAsync()).Status);
    }

    [Fact]
    public async Task A_signing_date_in_the_future_or_a_single_party_is_refused_with_the_reason()
    {
        var s = await ProjectScenario.CreateAsync(factory, agreementSigned: false);
        using var office = await s.CoordinatorAsync();
        var form = await office.GetPageAsync(s.ProjectUrl + "/agreement/edit");

        var refused = await office.SubmitAndFollowAsync(form, "main form", ("Input.Parties[0].Kind", ""), ("Input.Parties[0].CitizenGroupId", ""), ("Input.Parties[0].Name", ""), ("Input.Roles[0].PartyRoles[0]", ""));
        Assert.Contains("協定の当事者を2者以上入力してください。", refused.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(async db => (await db.Projects.AsNoTracking().SingleAsync(p => p.Id == s.Project.Id)).Agreement));

        var saved = await office.SubmitAndFollowAsync(form, "main form");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(1);
        var future = await office.SubmitAndFollowAsync(saved, "#sign-form", ("SignedOn", tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal("締結日に未来の日付は指定できません。", future.Text("[role=alert]"));
        Assert.Equal(ProjectStatus.Preparing, (await s.ReloadAsync()).Status);
        Assert.Equal(0, await factory.QueryAsync(db => db.ProjectPlans.CountAsync(p => p.ProjectId == s.Project.Id)));
    }
}
