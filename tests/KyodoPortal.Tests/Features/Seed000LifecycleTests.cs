using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Tests.Domain.Meetings;
using KyodoPortal.Tests.Support.Scenarios;
using KyodoPortal.Tests.Support;

namespace KyodoPortal.Tests.Features;

/// <summary>
/// The end of the seed-000 story through the pages (issue 6's "done when"): last year's project
/// reports at the report meeting, its real Q&amp;A is published, the committee evaluates the year
/// with the Q&amp;A beside the sheet, the group reads the recommendation, and the coordinator
/// decides the second-year continuation from the evaluations.
/// </summary>
[Trait("Category", "Database")]
public sealed class Seed000LifecycleTests(KyodoWebFactory factory) : IClassFixture<KyodoWebFactory>
{
    private const string RequiredChanges = "集客の方法を見直す\n就労人員に代わる成果指標を設ける";
    private const string Reasons = "1年目の評価（改善して継続）と報告会の質疑から、成果指標を見直したうえで3年目に企業紹介を定着させる。";

    [Fact]
    public async Task The_report_meeting_is_published_the_year_evaluated_the_group_reads_the_feedback_and_the_continuation_is_decided()
    {
        var s = await ProjectScenario.CreateAsync(factory, yearsAgo: 1);
        await EvaluationScenario.AcceptedReportAsync(s);
        using var office = await s.CoordinatorAsync();
        using var group = await s.GroupMemberAsync();

        // 報告会: the minutes with seed 000's exchanges are approved and published through the pages.
        var held = await MeetingScenario.HeldMeetingAsync(s);
        await MeetingScenario.SeedMinutesAsync(s, held);
        var minutes = await office.SubmitAndFollowAsync(await office.GetPageAsync(held.MinutesUrl), "#circulate-form");
        minutes = await office.SubmitAndFollowAsync(minutes, "#approve-form");
        minutes = await office.SubmitAndFollowAsync(minutes, "#publish-form");
        Assert.Equal("公開", minutes.Text("#minutes-status"));

        using var anonymous = factory.CreatePageClient();
        var published = (await anonymous.GetPageAsync($"/minutes/{held.Id}")).Text("main");
        Assert.Contains($"「{s.Project.Title}」", published);
        Assert.Contains($"Ｑ {MeetingBuilder.Question4}", published);
        Assert.Contains($"Ａ （{s.Department.Name}課長）{MeetingBuilder.Answer1}", published);
        Assert.Contains($"Ａ （団体代表）{MeetingBuilder.Answer4}", published);

        // 評価・検証: the committee member present at the meeting scores the year with its Q&A beside the sheet.
        var roundId = await EvaluationScenario.OpenRoundAsync(s, held.MemberId);
        using var member = factory.CreatePageClient();
        await member.SignInAsync(held.MemberEmail, KyodoWebFactory.Password);
        var sheet = await member.SubmitAndFollowAsync(await member.GetPageAsync($"/evaluations/{roundId}"), "#declaration form", ("Input.HasConflict", "false"));
        var qa = sheet.Text("#meeting-qa");
        Assert.Contains(held.Name, qa);
        Assert.Contains($"Ｑ {MeetingBuilder.Question4}", qa);
        Assert.Contains($"Ａ （団体代表）{MeetingBuilder.Answer4}", qa);
        var submitted = await member.SubmitAndFollowAsync(sheet, "#score-form", [.. EvaluationScenario.Points(sheet, 3), new("Input.OverallComment", "就労以外の成果をどう示すかが課題。"), new("Input.Action", "submit")]);
        Assert.Equal("評価票を提出しました。", submitted.Text("[role=status]"));

        var admin = await office.SubmitAndFollowAsync(await office.GetPageAsync($"/evaluation-admin/{roundId}"), "form[action$='/close']");
        admin = await office.SubmitAndFollowAsync(
            admin,
            "form[action$='/consolidation']",
            ("ConsolidationForm.Strengths", "主婦による主婦のための講座で、参加者一人ひとりと向き合った。"),
            ("ConsolidationForm.Issues", "参加料の扱いが提案書と異なっていた。就労人員だけでは成果を示せない。"),
            ("ConsolidationForm.Recommendation", nameof(EvaluationRecommendation.ContinueWithRevision)),
            ("ConsolidationForm.RequiredChanges", RequiredChanges));
        admin = await office.SubmitAndFollowAsync(admin, "#publish-form");
        Assert.Equal("フィードバックは事業の関係者に公開されています。", admin.Text("#published-state"));

        var feedback = await group.GetPageAsync($"{s.ProjectUrl}/years/{s.FirstYear}/feedback");
        Assert.Equal("改善して継続", feedback.Text("#recommendation-value"));
        Assert.Equal(["集客の方法を見直す", "就労人員に代わる成果指標を設ける"], feedback.Texts("#required-changes li"));

        // 継続審査: the second (last) year is up for review; the decision is made beside the evaluations.
        var dashboard = await office.GetPageAsync("/continuation");
        Assert.Contains($"/projects/{s.Project.Id}/continuation", dashboard.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        var review = await office.GetPageAsync($"/projects/{s.Project.Id}/continuation");
        Assert.StartsWith("改善して継続", review.Text($"#case-years tr[data-year='{s.FirstYear}'] .case-evaluation"), StringComparison.Ordinal);
        var decided = await office.SubmitAndFollowAsync(review, "#decision-form", ("Input.Outcome", "Extend"), ("Input.ExtendByYears", "1"), ("Input.Reasons", Reasons));
        Assert.StartsWith("事業期間を", decided.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(s.FirstYear + 2, (await s.ReloadAsync()).EndFiscalYear);

        var project = await group.GetPageAsync(s.ProjectUrl);
        Assert.StartsWith("延長", project.Text("#continuation-decisions li p"), StringComparison.Ordinal);
        Assert.Equal(Reasons, project.Text("#continuation-decisions .decision-reasons"));
    }
}
