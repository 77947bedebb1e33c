using System.Globalization;
using System.Net;
using KyodoPortal.Domain.Accounts;
using KyodoPortal.Domain.Surveys;
using KyodoPortal.Tests.Support;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoPortal.Tests.Features;

/// <summary>Issue 16: audiences of chosen departments' staff and chosen groups' members, chosen on the survey form.</summary>
[Trait("Category", "Database")]
public sealed class SurveyAudienceTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<PageClient> PersonAsync(string role, int? departmentId, int? groupId)
    {
        var email = $"audience-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.jp";
        await factory.CreateUserAsync(email, [role], departmentId, groupId);
        var client = factory.CreatePageClient();
        await client.SignInAsync(email, KyodoWebFactory.Password);
        return client;
    }

    [Fact]
    public async Task Staff_of_a_chosen_department_answer_and_staff_of_other_departments_do_not_see_the_survey()
    {
        var chosen = await factory.AddDepartmentAsync("協働課" + Guid.NewGuid().ToString("N")[..6]);
        var other = await factory.AddDepartmentAsync("税務課" + Guid.NewGuid().ToString("N")[..6]);
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var form = await coordinator.GetPageAsync("/surveys/new");
        Assert.NotNull(form.QuerySelector($"#audience-departments input[value='{chosen.Id}']"));
        var title = "課の職員向け" + Guid.NewGuid().ToString("N")[..6];
        var created = await coordinator.SubmitAndFollowAsync(form, "#survey-form",
            ("Input.Title", title), ("Input.OpensOn", Iso(SurveyScenario.JapanToday.AddDays(-1))), ("Input.ClosesOn", Iso(SurveyScenario.JapanToday.AddDays(7))),
            ("Input.AudienceKind", nameof(SurveyAudienceKind.Departments)), ("Input.DepartmentIds", chosen.Id.ToString(CultureInfo.InvariantCulture)));
        var id = int.Parse(new Uri(created.Url).AbsolutePath.Split('/')[2], CultureInfo.InvariantCulture);
        Assert.Contains(chosen.Name, created.Text("#survey-audience"), StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, created.Text("#survey-audience"), StringComparison.Ordinal);

        await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/surveys/{id}/questions/new"), "#question-form",
            ("Input.Kind", nameof(QuestionKind.SingleChoice)), ("Input.Text", "研修は役に立ちましたか。"), ("Input.OptionsText", "はい\nいいえ"));
        await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync($"/surveys/{id}"), "#open-form");

        // Added to the department after the survey was set up: the stored choice is the department, so they are in.
        using var insider = await PersonAsync(KyodoRoles.DepartmentStaff, chosen.Id, null);
        using var outsider = await PersonAsync(KyodoRoles.DepartmentStaff, other.Id, null);
        using var member = await PersonAsync(KyodoRoles.GroupMember, null, (await factory.AddGroupAsync("団体" + Guid.NewGuid().ToString("N")[..6])).Id);

        Assert.Contains(title, (await insider.GetPageAsync("/my-surveys")).Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, (await outsider.GetPageAsync("/my-surveys")).Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, (await member.GetPageAsync("/my-surveys")).Text("main"), StringComparison.Ordinal);
        await outsider.GetPageAsync($"/surveys/{id}/answer", HttpStatusCode.NotFound);
        await member.GetPageAsync($"/surveys/{id}/answer", HttpStatusCode.NotFound);

        var page = await insider.GetPageAsync($"/surveys/{id}/answer");
        var yes = page.QuerySelector("#q-1 input[type=radio]")!;
        var done = await insider.SubmitAndFollowAsync(page, "#answer-form", (yes.GetAttribute("name")!, yes.GetAttribute("value")!));
        Assert.Contains("回答しました", done.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
    }

    [Fact]
    public async Task Members_of_a_chosen_group_answer_and_the_survey_page_counts_the_audience()
    {
        var group = await factory.AddGroupAsync("子育て応援団" + Guid.NewGuid().ToString("N")[..6]);
        var survey = await SurveyScenario.Seed001Async(factory, audience: SurveyAudienceKind.Groups, chooseAudience: s => s.ChooseGroups([group.Id]));
        using var first = await PersonAsync(KyodoRoles.GroupMember, null, group.Id);
        using var second = await PersonAsync(KyodoRoles.GroupMember, null, group.Id);
        using var stranger = await PersonAsync(KyodoRoles.GroupMember, null, (await factory.AddGroupAsync("別団体" + Guid.NewGuid().ToString("N")[..6])).Id);
        using var staff = await PersonAsync(KyodoRoles.CommitteeMember, null, null);

        await first.GetPageAsync($"/surveys/{survey.Id}/answer");
        await stranger.GetPageAsync($"/surveys/{survey.Id}/answer", HttpStatusCode.NotFound);
        await staff.GetPageAsync($"/surveys/{survey.Id}/answer", HttpStatusCode.NotFound);
        Assert.Contains(survey.Title, (await second.GetPageAsync("/my-surveys")).Text("main"), StringComparison.Ordinal);

        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var details = await coordinator.GetPageAsync($"/surveys/{survey.Id}");
        Assert.Contains(group.Name, details.Text("#survey-audience"), StringComparison.Ordinal);
        Assert.Equal("（いまの回答対象のアカウント：2人）", details.Text("#audience-size"));
    }

    [Fact]
    public async Task A_department_audience_without_a_department_chosen_is_refused_on_the_form()
    {
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var title = "課の選択なし" + Guid.NewGuid().ToString("N")[..6];
        var page = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync("/surveys/new"), "#survey-form",
            ("Input.Title", title), ("Input.OpensOn", Iso(SurveyScenario.JapanToday)), ("Input.ClosesOn", Iso(SurveyScenario.JapanToday.AddDays(7))),
            ("Input.AudienceKind", nameof(SurveyAudienceKind.Departments)));

        Assert.Equal("回答する課を1つ以上選んでください。", page.Text("[data-valmsg-for='Input.DepartmentIds']"));
        Assert.False(await factory.QueryAsync(db => db.Surveys.AnyAsync(s => s.Title == title)));
    }

    /// <summary>A city has thousands of groups: the form offers 100 at a time and finds the others by name, keeping what was typed and chosen.</summary>
    [Fact]
    public async Task Among_many_groups_the_form_finds_a_group_by_name_and_keeps_what_was_entered_and_chosen()
    {
        var prefix = "検索用" + Guid.NewGuid().ToString("N")[..6];
        for (var n = 0; n < 101; n++)
        {
            await factory.AddGroupAsync($"{prefix}団体{n:000}");
        }

        var wanted = await factory.AddGroupAsync($"みどりの会{prefix}");
        var chosen = await factory.AddGroupAsync($"あおぞら会{prefix}");
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var form = await coordinator.GetPageAsync("/surveys/new");
        Assert.Equal(100, form.QuerySelectorAll("#group-choices input").Length);
        Assert.NotNull(form.QuerySelector("#more-groups"));
        var title = "団体を探す" + prefix;

        var found = await coordinator.SubmitAndFollowAsync(form, "#survey-form",
            ("Input.Title", title), ("Input.AudienceKind", nameof(SurveyAudienceKind.Groups)),
            ("Input.GroupIds", chosen.Id.ToString(CultureInfo.InvariantCulture)), ("Input.GroupQuery", $"みどりの会{prefix}"), ("find", "groups"));

        Assert.Equal(title, found.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal([chosen.Name, wanted.Name], found.QuerySelectorAll("#group-choices label").Select(l => l.TextContent.Trim()));
        Assert.NotNull(found.QuerySelector($"#group-choices input[value='{chosen.Id}'][checked]"));
        Assert.Null(found.QuerySelector($"#group-choices input[value='{wanted.Id}'][checked]"));
        Assert.Null(found.QuerySelector("#more-groups"));
        Assert.Empty(found.QuerySelectorAll(".field-validation-error"));
        Assert.Empty((await coordinator.GetPageAsync($"/surveys?q={Uri.EscapeDataString(title)}")).QuerySelectorAll("#surveys tbody tr"));

        var none = await coordinator.SubmitAndFollowAsync(found, "#survey-form", ("Input.GroupQuery", "どこにもない名前" + prefix), ("find", "groups"));
        Assert.Equal($"「どこにもない名前{prefix}」を含む名前の団体はありません。", none.Text("#no-groups"));
        Assert.NotNull(none.QuerySelector($"#group-choices input[value='{chosen.Id}'][checked]"));

        var created = await coordinator.SubmitAndFollowAsync(found, "#survey-form",
            ("Input.OpensOn", Iso(SurveyScenario.JapanToday)), ("Input.ClosesOn", Iso(SurveyScenario.JapanToday.AddDays(7))),
            ("Input.GroupIds", chosen.Id.ToString(CultureInfo.InvariantCulture)), ("Input.GroupIds", wanted.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains(chosen.Name, created.Text("#survey-audience"), StringComparison.Ordinal);
        Assert.Contains(wanted.Name, created.Text("#survey-audience"), StringComparison.Ordinal);
    }

    /// <summary>Issue 16: a survey may name the guideline measure or the collaboration project it serves (both optional), and a copy keeps them.</summary>
    [Fact]
    public async Task A_survey_names_the_measure_and_the_project_it_serves_and_a_copy_keeps_them()
    {
        var guideline = await GuidelineScenario.CreateAsync(factory);
        var project = await ProjectScenario.CreateAsync(factory, title: "子ども食堂の地域展開" + Guid.NewGuid().ToString("N")[..6]);
        var measureId = guideline.MeasureIds[0];
        using var coordinator = await factory.SignedInAsync(KyodoRoles.Coordinator);
        var form = await coordinator.GetPageAsync("/surveys/new");
        Assert.NotNull(form.QuerySelector($"#Input_GuidelineMeasureId option[value='{measureId}']"));
        Assert.NotNull(form.QuerySelector($"#Input_ProjectId option[value='{project.Project.Id}']"));
        var title = "施策の達成度" + Guid.NewGuid().ToString("N")[..6];
        var fields = new (string, string)[]
        {
            ("Input.Title", title), ("Input.OpensOn", Iso(SurveyScenario.JapanToday)), ("Input.ClosesOn", Iso(SurveyScenario.JapanToday.AddDays(7))),
        };

        var found = await coordinator.SubmitAndFollowAsync(form, "#survey-form", [.. fields, ("Input.ProjectQuery", project.Project.Title), ("find", "projects")]);
        Assert.Equal([project.Project.Title], found.QuerySelectorAll("#Input_ProjectId option[value]:not([value=''])").Select(o => o.TextContent));
        Assert.Equal(title, found.QuerySelector("#Input_Title")!.GetAttribute("value"));
        var none = await coordinator.SubmitAndFollowAsync(form, "#survey-form", [.. fields, ("Input.ProjectQuery", "どこにもない事業" + title), ("find", "projects")]);
        Assert.Equal($"「どこにもない事業{title}」を含む名前の実施中の事業はありません。", none.Text("#no-projects"));

        var unknown = await coordinator.SubmitAndFollowAsync(form, "#survey-form", [.. fields, ("Input.GuidelineMeasureId", "999999"), ("Input.ProjectId", "999999")]);
        Assert.Contains("選んだ指針の施策が見つかりません。", unknown.Text("main"), StringComparison.Ordinal);
        Assert.Contains("選んだ協働事業が見つかりません。", unknown.Text("main"), StringComparison.Ordinal);
        Assert.Equal(title, unknown.QuerySelector("#Input_Title")!.GetAttribute("value"));

        var created = await coordinator.SubmitAndFollowAsync(unknown, "#survey-form",
            ("Input.GuidelineMeasureId", measureId.ToString(CultureInfo.InvariantCulture)), ("Input.ProjectId", project.Project.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal($"/guideline/measures/{measureId}", created.QuerySelector("#survey-measure a")!.GetAttribute("href"));
        Assert.Equal(project.Project.Title, created.Text("#survey-project a"));
        await coordinator.FollowLinkAsync(created, "#survey-measure a");

        var copy = await coordinator.SubmitAndFollowAsync(created, "#copy-form");
        var copyPage = await coordinator.GetPageAsync(new Uri(copy.Url).AbsolutePath.Replace("/edit", string.Empty, StringComparison.Ordinal));
        Assert.Equal(project.Project.Title, copyPage.Text("#survey-project a"));

        var plain = await coordinator.SubmitAndFollowAsync(await coordinator.GetPageAsync("/surveys/new"), "#survey-form", [.. fields]);
        Assert.Null(plain.QuerySelector("#survey-measure"));
        Assert.Null(plain.QuerySelector("#survey-project"));
    }
}
