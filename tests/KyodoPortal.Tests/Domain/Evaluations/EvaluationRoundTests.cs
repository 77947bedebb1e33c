using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Evaluations;
using KyodoPortal.Domain.Projects;
using KyodoPortal.Domain.Screening;
using KyodoPortal.Tests.Domain.Projects;
using KyodoPortal.Tests.Domain.Screening;
using static KyodoPortal.Tests.Domain.Builders.ProjectBuilder;

namespace KyodoPortal.Tests.Domain.Evaluations;

public sealed class EvaluationRoundTests
{
    private const int ProjectId = 7;
    private const string MemberA = "member-a";
    private const string MemberB = "member-b";
    private const string MemberC = "member-c";
    private static readonly DateTime Now = AfterFirstYear;

    [Fact]
    public void A_round_opens_with_the_default_process_and_results_criteria()
    {
        var round = Round();

        Assert.Equal(ProjectId, round.ProjectId);
        Assert.Equal(EvaluationRoundStatus.Open, round.Status);
        Assert.Equal(
            ["役割分担・対等性", "情報共有", "市民参加"],
            round.OrderedCriteria.Where(c => c.Category == EvaluationCategory.Process).Select(c => c.Name));
        Assert.Equal(
            ["KPI達成度", "地域への効果", "費用対効果", "継続性"],
            round.OrderedCriteria.Where(c => c.Category == EvaluationCategory.Results).Select(c => c.Name));
    }

    [Fact]
    public void A_round_cannot_open_before_the_years_annual_report_is_accepted()
    {
        var project = WithId(InProgressProject(out _), ProjectId);

        var refused = Assert.Throws<DomainRuleException>(() => new EvaluationRound(project, FirstYear, annualReportAccepted: false, CoordinatorUser, Now));

        Assert.Equal("この年度の事業報告が受理されてから評価を開始してください。", refused.Message);
    }

    [Fact]
    public void A_round_cannot_open_for_a_year_outside_the_agreement_term()
    {
        var project = WithId(InProgressProject(out _), ProjectId);

        var refused = Assert.Throws<DomainRuleException>(() => new EvaluationRound(project, SecondYear + 1, annualReportAccepted: true, CoordinatorUser, Now));

        Assert.Equal("この年度は事業の協定期間外のため、評価できません。", refused.Message);
    }

    [Fact]
    public void A_round_cannot_open_for_a_project_whose_agreement_is_not_signed()
    {
        var project = WithId(PreparingProject(out _, out _), ProjectId);

        var refused = Assert.Throws<DomainRuleException>(() => new EvaluationRound(project, FirstYear, annualReportAccepted: true, CoordinatorUser, Now));

        Assert.Equal("協定を締結して実施中の事業のみ評価できます。", refused.Message);
    }

    [Theory]
    [InlineData("", 1, 5, "評価項目の名称を入力してください。")]
    [InlineData("情報共有", 0, 5, "評価項目「情報共有」の重みは1から100の間で指定してください。")]
    [InlineData("情報共有", 1, 101, "評価項目「情報共有」の満点は1から100の間で指定してください。")]
    public void Criteria_with_a_missing_name_or_out_of_range_weight_or_points_are_refused(string name, int weight, int maxPoints, string message)
    {
        var round = Round();

        var refused = Assert.Throws<DomainRuleException>(() => round.ReplaceCriteria([new(EvaluationCategory.Process, name, weight, maxPoints)], Now));

        Assert.Equal(message, refused.Message);
        Assert.Equal(7, round.Criteria.Count);
    }

    [Fact]
    public void Criteria_need_at_least_one_row_and_unique_names()
    {
        var round = Round();

        Assert.Equal("評価項目を1つ以上設定してください。", Assert.Throws<DomainRuleException>(() => round.ReplaceCriteria([], Now)).Message);
        Assert.Equal(
            "評価項目「情報共有」が重複しています。",
            Assert.Throws<DomainRuleException>(() => round.ReplaceCriteria(
                [new(EvaluationCategory.Process, "情報共有", 1, 5), new(EvaluationCategory.Results, " 情報共有 ", 2, 5)], Now)).Message);
    }

    [Fact]
    public void Criteria_can_be_edited_until_the_first_sheet_is_opened()
    {
        var round = Round();
        round.ReplaceCriteria([new(EvaluationCategory.Process, "対等性", 2, 10), new(EvaluationCategory.Results, "成果", 3, 5)], Now);
        Assert.Equal(["対等性", "成果"], round.OrderedCriteria.Select(c => c.Name));

        Ids(round);
        round.AddMember(MemberA, Now);
        round.Declare(MemberA, hasConflict: false, null, Now);
        _ = round.OpenSheet(MemberA, Now);

        var refused = Assert.Throws<DomainRuleException>(() => round.ReplaceCriteria([new(EvaluationCategory.Process, "別の項目", 1, 5)], Now));
        Assert.Equal("評価が始まっているため、評価項目は変更できません。", refused.Message);
    }

    [Fact]
    public void A_member_must_declare_before_opening_the_sheet()
    {
        var round = Round(MemberA);

        var refused = Assert.Throws<DomainRuleException>(() => round.OpenSheet(MemberA, Now));

        Assert.Equal("利益相反の有無を申告してから評価票を開いてください。", refused.Message);
    }

    [Fact]
    public void A_member_who_declared_a_conflict_is_recused_and_cannot_score_or_withdraw_it()
    {
        var round = Round(MemberA, MemberB);
        round.Declare(MemberA, hasConflict: true, "団体の理事を務めている", Now);

        Assert.True(round.IsRecused(MemberA));
        Assert.Equal([MemberB], round.ExpectedMembers());
        Assert.Equal(
            "利益相反によりこの事業の評価から除外されているため、評価できません。",
            Assert.Throws<DomainRuleException>(() => round.OpenSheet(MemberA, Now)).Message);
        Assert.Equal(
            "利益相反ありとされた事業の申告は変更できません。",
            Assert.Throws<DomainRuleException>(() => round.Declare(MemberA, hasConflict: false, null, Now)).Message);
    }

    [Fact]
    public void The_coordinator_recuses_a_member_after_a_no_conflict_declaration_and_their_submitted_sheet_stops_counting()
    {
        var round = Round(MemberA, MemberB);
        var a = Submitted(round, MemberA, 5, 5, 5, 5, 5, 5, 5);
        var b = Submitted(round, MemberB, 3, 3, 3, 3, 3, 3, 3);

        round.Recuse(MemberA, "事業の講師を務めていたことが分かった", CoordinatorUser, Now);

        var declaration = round.DeclarationOf(MemberA)!;
        Assert.True(declaration.IsCoordinatorRecusal);
        Assert.Equal(ProjectId, declaration.SubjectId);
        var summary = EvaluationSummary.For(round, [a, b], []);
        Assert.Equal(1, summary.Committee.SheetsCounted);
        Assert.Equal(1, summary.Committee.SheetsExpected);
        Assert.Equal(Score.FromInteger(60), summary.Committee.Score);
        Assert.Throws<DomainRuleException>(() => a.Save(round, [], null, Now));
    }

    [Fact]
    public void Someone_not_assigned_cannot_declare_and_a_member_is_assigned_once()
    {
        var round = Round(MemberA);

        Assert.Equal(
            "評価委員に割り当てられていないため、利益相反を申告できません。",
            Assert.Throws<DomainRuleException>(() => round.Declare(MemberB, hasConflict: false, null, Now)).Message);
        Assert.Equal(
            "この委員はすでに評価委員に割り当てられています。",
            Assert.Throws<DomainRuleException>(() => round.AddMember(MemberA, Now)).Message);
    }

    [Fact]
    public void Evaluation_aggregation_equals_screening_aggregation_for_the_same_inputs()
    {
        // The same committee, rubric and points in screening (one proposal) and in a round.
        var rubric = ScreeningBuilder.Rubric;
        var round = Round(MemberA, MemberB, MemberC);
        round.ReplaceCriteria([.. rubric.Select(c => new EvaluationCriterionDraft(EvaluationCategory.Process, c.Name, c.Weight, c.MaxPoints))], Now);
        Ids(round, [.. rubric.Select(c => c.Id)]);
        var panel = ScreeningBuilder.Panel([MemberA, MemberB, MemberC]);
        const int proposalId = 11;

        int?[][] points = [[5, 4, 3], [2, null, 5], [4, 4, 4]];
        var screeningSheets = new List<ScoreSheet>
        {
            ScreeningBuilder.SubmittedWithRubric(panel, MemberA, proposalId, rubric, points[0]),
            ScreeningBuilder.SubmittedWithRubric(panel, MemberB, proposalId, rubric, points[1]),
            ScreeningBuilder.Draft(panel, MemberC, proposalId, rubric, points[2]),
        };
        var evaluationSheets = new List<EvaluationSheet>
        {
            Submitted(round, MemberA, points[0]),
            Submitted(round, MemberB, points[1]),
            Draft(round, MemberC, points[2]),
        };

        var screening = ScoreAggregation.SummarizeProposal(panel, proposalId, rubric, screeningSheets);
        var evaluation = EvaluationSummary.For(round, evaluationSheets, []).Committee;

        Assert.NotNull(screening.Score);
        Assert.Equal(screening.Score, evaluation.Score);
        Assert.Equal(screening.Lowest, evaluation.Lowest);
        Assert.Equal(screening.Highest, evaluation.Highest);
        Assert.Equal(screening.StandardDeviation, evaluation.StandardDeviation);
        Assert.Equal(screening.SheetsCounted, evaluation.SheetsCounted);
        Assert.Equal(screening.SheetsExpected, evaluation.SheetsExpected);
        Assert.Equal(screening.CountedSheets.Select(s => (s.MemberUserId, s.Score)), evaluation.CountedSheets.Select(s => (s.MemberUserId, s.Score)));
        Assert.Equal(screening.Criteria, evaluation.Criteria);
    }

    [Fact]
    public void Category_scores_use_only_that_categorys_criteria()
    {
        var round = Round(MemberA);
        round.ReplaceCriteria([new(EvaluationCategory.Process, "対等性", 1, 5), new(EvaluationCategory.Results, "成果", 1, 10)], Now);
        Ids(round);
        var sheet = Submitted(round, MemberA, 5, 4);

        var summary = EvaluationSummary.For(round, [sheet], []);

        Assert.Equal(Score.FromInteger(100), summary.Categories.Single(c => c.Category == EvaluationCategory.Process).Score);
        Assert.Equal(Score.FromInteger(40), summary.Categories.Single(c => c.Category == EvaluationCategory.Results).Score);
        Assert.Equal(new Score(900, 15), summary.Committee.Score);
    }

    [Fact]
    public void Self_evaluations_are_shown_beside_the_committee_but_never_counted()
    {
        var round = Round(MemberA);
        var sheet = Submitted(round, MemberA, 3, 3, 3, 3, 3, 3, 3);
        var group = round.OpenSelfEvaluation(SelfEvaluationSide.Group, GroupUser, Now);
        group.Save(round, ScreeningBuilder.Entries(round.Rubric, 5, 5, 5, 5, 5, 5, 5), "よくできた", GroupUser, Now);
        group.Submit(round, GroupUser, Now);
        var department = round.OpenSelfEvaluation(SelfEvaluationSide.Department, DepartmentUser, Now);
        department.Save(round, ScreeningBuilder.Entries(round.Rubric, 1, 1, 1, 1, 1, 1, 1), null, DepartmentUser, Now);

        var summary = EvaluationSummary.For(round, [sheet], [group, department]);

        Assert.Equal(Score.FromInteger(60), summary.Committee.Score);
        Assert.Equal(1, summary.Committee.SheetsCounted);
        var self = Assert.Single(summary.SelfEvaluations);
        Assert.Equal(SelfEvaluationSide.Group, self.Side);
        Assert.Equal(Score.FromInteger(100), self.Score);
        Assert.Equal("よくできた", self.Comment);
    }

    [Fact]
    public void No_sheet_or_self_evaluation_can_be_saved_after_the_round_closes()
    {
        var round = Round(MemberA);
        var sheet = Submitted(round, MemberA, 3, 3, 3, 3, 3, 3, 3);
        var group = round.OpenSelfEvaluation(SelfEvaluationSide.Group, GroupUser, Now);
        round.Close(Now);

        Assert.Equal("評価が終了しているため、評価票を入力できません。", Assert.Throws<DomainRuleException>(() => sheet.Save(round, [], null, Now)).Message);
        Assert.Equal("評価が終了しているため、自己評価を入力できません。", Assert.Throws<DomainRuleException>(() => group.Save(round, [], null, GroupUser, Now)).Message);
        Assert.Equal("評価終了後は利益相反を申告できません。", Assert.Throws<DomainRuleException>(() => round.Declare(MemberA, hasConflict: true, "x", Now)).Message);
    }

    [Fact]
    public void Continue_with_revision_requires_the_list_of_what_must_change()
    {
        var round = Round();
        round.Close(Now);

        var refused = Assert.Throws<DomainRuleException>(() =>
            round.Consolidate("集客が伸びた", "会計処理", EvaluationRecommendation.ContinueWithRevision, "  ", CoordinatorUser, Now));
        Assert.Equal("「改善して継続」とする場合は、改善が必要な点を入力してください。", refused.Message);
        Assert.False(round.IsConsolidated);

        round.Consolidate("集客が伸びた", "会計処理", EvaluationRecommendation.ContinueWithRevision, "参加費の会計を分ける\n\n役割分担表を作る", CoordinatorUser, Now);
        Assert.Equal(["参加費の会計を分ける", "役割分担表を作る"], round.RequiredChangeItems);
    }

    [Fact]
    public void Other_recommendations_keep_no_list_of_changes()
    {
        var round = Round();
        round.Close(Now);

        round.Consolidate("集客が伸びた", "会計処理", EvaluationRecommendation.Continue, "使われない", CoordinatorUser, Now);

        Assert.Equal(EvaluationRecommendation.Continue, round.Recommendation);
        Assert.Null(round.RequiredChanges);
        Assert.Empty(round.RequiredChangeItems);
    }

    [Fact]
    public void The_consolidated_evaluation_waits_for_the_close_and_is_published_once_written()
    {
        var round = Round();
        Assert.Equal(
            "評価を終了してから総合評価を入力してください。",
            Assert.Throws<DomainRuleException>(() => round.Consolidate("a", "b", EvaluationRecommendation.End, null, CoordinatorUser, Now)).Message);
        round.Close(Now);
        Assert.Equal(
            "総合評価を入力してからフィードバックを公開してください。",
            Assert.Throws<DomainRuleException>(() => round.PublishFeedback(toPublic: false, Now)).Message);

        round.Consolidate("a", "b", EvaluationRecommendation.Independence, null, CoordinatorUser, Now);
        round.PublishFeedback(toPublic: false, Now);

        Assert.True(round.IsFeedbackPublished);
        Assert.False(round.IsPublicFeedback);
        Assert.Equal(
            "公開中の総合評価は変更できません。公開を取り消してから変更してください。",
            Assert.Throws<DomainRuleException>(() => round.Consolidate("c", "d", EvaluationRecommendation.End, null, CoordinatorUser, Now)).Message);

        round.UnpublishFeedback(Now);
        round.PublishFeedback(toPublic: true, Now);
        Assert.True(round.IsPublicFeedback);
    }

    private static EvaluationRound Round(params string[] members)
    {
        var project = WithId(InProgressProject(out _), ProjectId);
        var round = new EvaluationRound(project, FirstYear, annualReportAccepted: true, CoordinatorUser, Now);
        Ids(round);
        foreach (var member in members)
        {
            round.AddMember(member, Now);
        }

        return round;
    }

    /// <summary>The ids the database would give the criteria (1, 2, … unless given).</summary>
    private static void Ids(EvaluationRound round, int[]? ids = null)
    {
        var criteria = round.OrderedCriteria.ToList();
        for (var i = 0; i < criteria.Count; i++)
        {
            WithId(criteria[i], ids?[i] ?? i + 1);
        }
    }

    private static EvaluationSheet Draft(EvaluationRound round, string member, params int?[] points)
    {
        if (!round.HasDeclared(member))
        {
            round.Declare(member, hasConflict: false, null, Now);
        }

        var sheet = round.OpenSheet(member, Now);
        sheet.Save(round, ScreeningBuilder.Entries(round.Rubric, points), null, Now);
        return sheet;
    }

    private static EvaluationSheet Submitted(EvaluationRound round, string member, params int?[] points)
    {
        var sheet = Draft(round, member, points);
        sheet.Submit(round, Now);
        return sheet;
    }
}
