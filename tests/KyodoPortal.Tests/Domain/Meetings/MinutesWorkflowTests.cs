using KyodoPortal.Domain.Common;
using KyodoPortal.Domain.Meetings;
using KyodoPortal.Domain.Projects;
using static KyodoPortal.Tests.Domain.Builders.MeetingBuilder;

namespace KyodoPortal.Tests.Domain.Meetings;

public class MinutesWorkflowTests
{
    private const int DepartmentAnswer = 2;
    private const int GroupAnswer = 3;
    private const string LecturerGroup = "講師の団体";

    [Theory]
    [InlineData(MinutesStatus.Draft, MinutesStatus.Circulated, MinutesActor.Coordinator, true)]
    [InlineData(MinutesStatus.Draft, MinutesStatus.Circulated, MinutesActor.Department, false)]
    [InlineData(MinutesStatus.Draft, MinutesStatus.Approved, MinutesActor.Coordinator, false)]
    [InlineData(MinutesStatus.Draft, MinutesStatus.Published, MinutesActor.Coordinator, false)]
    [InlineData(MinutesStatus.Circulated, MinutesStatus.Draft, MinutesActor.Coordinator, true)]
    [InlineData(MinutesStatus.Circulated, MinutesStatus.Approved, MinutesActor.Coordinator, true)]
    [InlineData(MinutesStatus.Circulated, MinutesStatus.Approved, MinutesActor.Group, false)]
    [InlineData(MinutesStatus.Circulated, MinutesStatus.Published, MinutesActor.Coordinator, false)]
    [InlineData(MinutesStatus.Approved, MinutesStatus.Published, MinutesActor.Coordinator, true)]
    [InlineData(MinutesStatus.Approved, MinutesStatus.Published, MinutesActor.Department, false)]
    [InlineData(MinutesStatus.Approved, MinutesStatus.Draft, MinutesActor.Coordinator, true)]
    [InlineData(MinutesStatus.Approved, MinutesStatus.Circulated, MinutesActor.Coordinator, false)]
    [InlineData(MinutesStatus.Published, MinutesStatus.Draft, MinutesActor.Coordinator, false)]
    [InlineData(MinutesStatus.Published, MinutesStatus.Approved, MinutesActor.Coordinator, false)]
    public void The_workflow_says_who_moves_minutes_where(MinutesStatus from, MinutesStatus to, MinutesActor actor, bool allowed)
    {
        Assert.Equal(allowed, MinutesWorkflow.IsAllowed(from, to, actor));
    }

    [Fact]
    public void Minutes_go_through_circulation_approval_and_publication_with_the_history()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);

        Assert.True(minutes.CanMoveTo(MinutesStatus.Circulated, MinutesActor.Coordinator));
        Assert.False(minutes.CanMoveTo(MinutesStatus.Circulated, MinutesActor.Group));
        minutes.Circulate(MinutesActor.Coordinator, CoordinatorUser, Checking);
        minutes.ReturnToDraft(MinutesActor.Coordinator, CoordinatorUser, "回答を追記する", Checking.AddHours(1));
        minutes.Circulate(MinutesActor.Coordinator, CoordinatorUser, Checking.AddHours(2));
        minutes.Approve(MinutesActor.Coordinator, CoordinatorUser, Approving);
        minutes.ReturnToDraft(MinutesActor.Coordinator, CoordinatorUser, null, Approving.AddHours(1));
        minutes.Circulate(MinutesActor.Coordinator, CoordinatorUser, Approving.AddHours(2));
        minutes.Approve(MinutesActor.Coordinator, CoordinatorUser, Approving.AddHours(3));
        minutes.Publish(MinutesActor.Coordinator, CoordinatorUser, Publishing);

        Assert.Equal(MinutesStatus.Published, minutes.Status);
        Assert.Equal(Approving.AddHours(3), minutes.ApprovedAtUtc);
        Assert.Equal(Publishing, minutes.PublishedAtUtc);
        Assert.Equal(Publishing, minutes.UpdatedAtUtc);
        Assert.Equal(
            [
                (MinutesStatus.Draft, MinutesStatus.Circulated, (string?)null),
                (MinutesStatus.Circulated, MinutesStatus.Draft, "回答を追記する"),
                (MinutesStatus.Draft, MinutesStatus.Circulated, null),
                (MinutesStatus.Circulated, MinutesStatus.Approved, null),
                (MinutesStatus.Approved, MinutesStatus.Draft, null),
                (MinutesStatus.Draft, MinutesStatus.Circulated, null),
                (MinutesStatus.Circulated, MinutesStatus.Approved, null),
                (MinutesStatus.Approved, MinutesStatus.Published, null),
            ],
            minutes.History.Select(change => (change.From, change.To, change.Comment)));
        Assert.All(minutes.History, change => Assert.Equal((MinutesActor.Coordinator, CoordinatorUser), (change.Actor, change.ByUserId)));
    }

    [Fact]
    public void A_move_the_table_does_not_allow_is_refused_naming_both_states()
    {
        var meeting = HeldMeeting();
        var empty = DraftMinutes(meeting);
        var minutes = SeedMinutes(meeting);

        var notEmpty = Assert.Throws<DomainRuleException>(() => empty.Circulate(MinutesActor.Coordinator, CoordinatorUser, Checking));
        var skip = Assert.Throws<DomainRuleException>(() => minutes.Approve(MinutesActor.Coordinator, CoordinatorUser, Checking));
        var publishDraft = Assert.Throws<DomainRuleException>(() => minutes.Publish(MinutesActor.Coordinator, CoordinatorUser, Checking));
        var department = Assert.Throws<DomainRuleException>(() => minutes.Circulate(MinutesActor.Department, DepartmentUser, Checking));
        var already = Assert.Throws<DomainRuleException>(() => minutes.ReturnToDraft(MinutesActor.Coordinator, CoordinatorUser, null, Checking));

        Assert.Equal("質疑応答が入力されていません。", notEmpty.Message);
        Assert.Equal("「下書き」の議事録は「承認済み」にできません。", skip.Message);
        Assert.Equal("「下書き」の議事録は「公開」にできません。", publishDraft.Message);
        Assert.Equal("担当課は「下書き」の議事録を「確認中」にできません。", department.Message);
        Assert.Equal("この議事録はすでに「下書き」です。", already.Message);
        Assert.Equal(MinutesStatus.Draft, minutes.Status);
        Assert.Empty(minutes.History);
    }

    [Fact]
    public void The_third_party_of_the_agreement_suggests_only_on_the_answers_recorded_under_its_name()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);
        var row = minutes.AddRow(meeting, new QaRowDraft(SeedProjectId, "企業にはどう協力を依頼したのか。", AskerKind.Floor), Writing);
        var lecturerAnswer = minutes.AddAnswer(row.Number, new QaAnswerDraft(AnswerParty.OtherParty, LecturerGroup, "講師", "講師の人脈で声をかけた。"), Writing).Number;
        var companyAnswer = minutes.AddAnswer(row.Number, new QaAnswerDraft(AnswerParty.OtherParty, "株式会社かまくら", null, "社員を派遣した。"), Writing).Number;
        minutes.Circulate(MinutesActor.Coordinator, CoordinatorUser, Checking);
        var lecturer = ProjectParty.Other(LecturerGroup);

        Assert.False(minutes.CanSuggestOn(GroupAnswer, lecturer, SeedProjectId));
        Assert.False(minutes.CanSuggestOn(companyAnswer, lecturer, SeedProjectId));
        Assert.True(minutes.CanSuggestOn(lecturerAnswer, lecturer, SeedProjectId));
        Assert.False(minutes.CanSuggestOn(lecturerAnswer, ProjectParty.Group, SeedProjectId));
        var onGroup = Assert.Throws<DomainRuleException>(() => minutes.SuggestCorrection(GroupAnswer, "講師による書き換え", lecturer, SeedProjectId, "lecturer", Checking));
        Assert.Equal("修正を提案できるのは自分の回答だけです。この回答は団体（団体）の回答です。", onGroup.Message);

        var own = minutes.SuggestCorrection(lecturerAnswer, "講師の人脈と商工会議所の紹介で声をかけた。", lecturer, SeedProjectId, "lecturer", Checking);
        var group = minutes.SuggestCorrection(GroupAnswer, "就労人員をKPIにするのが妥当かを検討してきた。", ProjectParty.Group, SeedProjectId, GroupUser, Checking);

        Assert.Equal([(lecturerAnswer, AnswerParty.OtherParty), (GroupAnswer, AnswerParty.Group)], new[] { own, group }.Select(x => (x.AnswerNumber, x.Party)));
    }

    [Fact]
    public void A_party_suggests_corrections_only_on_its_own_answers()
    {
        var minutes = CirculatedMinutes(out _);

        var groupOnDepartment = Assert.Throws<DomainRuleException>(() => minutes.SuggestCorrection(DepartmentAnswer, "修正案", ProjectParty.Group, SeedProjectId, GroupUser, Checking));
        var departmentOnGroup = Assert.Throws<DomainRuleException>(() => minutes.SuggestCorrection(GroupAnswer, "修正案", ProjectParty.Department, SeedProjectId, DepartmentUser, Checking));
        var otherProject = Assert.Throws<DomainRuleException>(() => minutes.SuggestCorrection(DepartmentAnswer, "修正案", ProjectParty.Department, LibraryProjectId, DepartmentUser, Checking));
        var otherParty = Assert.Throws<DomainRuleException>(() => minutes.SuggestCorrection(DepartmentAnswer, "修正案", ProjectParty.Other(LecturerGroup), SeedProjectId, DepartmentUser, Checking));
        var same = Assert.Throws<DomainRuleException>(() => minutes.SuggestCorrection(DepartmentAnswer, Answer2, ProjectParty.Department, SeedProjectId, DepartmentUser, Checking));

        Assert.Equal("修正を提案できるのは自分の回答だけです。この回答は担当課（商工課）の回答です。", groupOnDepartment.Message);
        Assert.Equal("修正を提案できるのは自分の回答だけです。この回答は団体（団体）の回答です。", departmentOnGroup.Message);
        Assert.StartsWith("修正を提案できるのは自分の回答だけです。", otherProject.Message, StringComparison.Ordinal);
        Assert.StartsWith("修正を提案できるのは自分の回答だけです。", otherParty.Message, StringComparison.Ordinal);
        Assert.Equal("修正案が現在の回答と同じです。", same.Message);
        Assert.False(minutes.CanSuggestOn(DepartmentAnswer, ProjectParty.Group, SeedProjectId));
        Assert.True(minutes.CanSuggestOn(DepartmentAnswer, ProjectParty.Department, SeedProjectId));
        Assert.True(minutes.CanSuggestOn(GroupAnswer, ProjectParty.Group, SeedProjectId));
        Assert.False(minutes.CanSuggestOn(DepartmentAnswer, ProjectParty.Department, LibraryProjectId));
        Assert.Empty(minutes.Suggestions);

        var suggestion = minutes.SuggestCorrection(GroupAnswer, "１年活動してみて、就労人員をKPIとすることの妥当性を検討してきた。", ProjectParty.Group, SeedProjectId, GroupUser, Checking);
        var second = Assert.Throws<DomainRuleException>(() => minutes.SuggestCorrection(GroupAnswer, "別の案", ProjectParty.Group, SeedProjectId, GroupUser, Checking));

        Assert.Equal((1, GroupAnswer, Answer4, AnswerParty.Group, GroupUser, Checking, SuggestionStatus.Pending), (suggestion.Number, suggestion.AnswerNumber, suggestion.OriginalText, suggestion.Party, suggestion.ByUserId, suggestion.AtUtc, suggestion.Status));
        Assert.Equal("この回答にはすでに確認中の修正提案があります。", second.Message);
        Assert.False(minutes.CanSuggestOn(GroupAnswer, ProjectParty.Group, SeedProjectId));
        Assert.Equal(Answer4, minutes.Answer(GroupAnswer).Text);
    }

    [Fact]
    public void Corrections_are_suggested_only_while_the_minutes_are_circulated()
    {
        var meeting = HeldMeeting();
        var minutes = SeedMinutes(meeting);

        var refused = Assert.Throws<DomainRuleException>(() => minutes.SuggestCorrection(DepartmentAnswer, "修正案", ProjectParty.Department, SeedProjectId, DepartmentUser, Writing));

        Assert.Equal("「下書き」の議事録には修正を提案できません。", refused.Message);
        Assert.False(minutes.CanSuggestOn(DepartmentAnswer, ProjectParty.Department, SeedProjectId));
    }

    [Fact]
    public void An_accepted_suggestion_replaces_the_answer_and_a_rejected_one_leaves_it()
    {
        var minutes = CirculatedMinutes(out _);
        var accepted = minutes.SuggestCorrection(DepartmentAnswer, "特に主婦に限定していない。（訂正）", ProjectParty.Department, SeedProjectId, DepartmentUser, Checking);
        var rejected = minutes.SuggestCorrection(GroupAnswer, "削除してほしい。", ProjectParty.Group, SeedProjectId, GroupUser, Checking);

        minutes.AcceptSuggestion(accepted.Number, CoordinatorUser, Checking.AddDays(1));
        minutes.RejectSuggestion(rejected.Number, "発言どおり記録する。", CoordinatorUser, Checking.AddDays(1));
        var again = Assert.Throws<DomainRuleException>(() => minutes.AcceptSuggestion(rejected.Number, CoordinatorUser, Checking.AddDays(2)));

        Assert.Equal("特に主婦に限定していない。（訂正）", minutes.Answer(DepartmentAnswer).Text);
        Assert.Equal(Answer4, minutes.Answer(GroupAnswer).Text);
        Assert.Equal((SuggestionStatus.Accepted, CoordinatorUser, Checking.AddDays(1)), (accepted.Status, accepted.DecidedByUserId, accepted.DecidedAtUtc));
        Assert.Equal((SuggestionStatus.Rejected, "発言どおり記録する。"), (rejected.Status, rejected.DecisionComment));
        Assert.Equal("「不採用」の修正提案は変更できません。", again.Message);
        Assert.Equal(MinutesStatus.Circulated, minutes.Status);
    }

    [Fact]
    public void A_pending_suggestion_blocks_approval_until_it_is_decided()
    {
        var minutes = CirculatedMinutes(out _);
        var suggestion = minutes.SuggestCorrection(DepartmentAnswer, "修正案", ProjectParty.Department, SeedProjectId, DepartmentUser, Checking);

        var refused = Assert.Throws<DomainRuleException>(() => minutes.Approve(MinutesActor.Coordinator, CoordinatorUser, Approving));
        Assert.Equal("確認中の修正提案があります。", refused.Message);
        Assert.Equal(MinutesStatus.Circulated, minutes.Status);
        Assert.True(minutes.HasPendingSuggestions);

        minutes.RejectSuggestion(suggestion.Number, null, CoordinatorUser, Approving);
        minutes.Approve(MinutesActor.Coordinator, CoordinatorUser, Approving);

        Assert.Equal(MinutesStatus.Approved, minutes.Status);
    }

    [Fact]
    public void An_answer_with_a_pending_suggestion_is_not_removed()
    {
        var minutes = CirculatedMinutes(out _);
        minutes.SuggestCorrection(DepartmentAnswer, "修正案", ProjectParty.Department, SeedProjectId, DepartmentUser, Checking);
        minutes.ReturnToDraft(MinutesActor.Coordinator, CoordinatorUser, null, Checking);

        var answer = Assert.Throws<DomainRuleException>(() => minutes.RemoveAnswer(DepartmentAnswer, Checking));
        var row = Assert.Throws<DomainRuleException>(() => minutes.RemoveRow(2, Checking));

        Assert.Equal("確認中の修正提案がある回答は削除できません。先に提案を反映するか不採用にしてください。", answer.Message);
        Assert.Equal(answer.Message, row.Message);
        Assert.Equal(Answer2, minutes.Answer(DepartmentAnswer).Text);
    }
}
